using System.Text;
using HotPapers.Cli;

namespace HotPapers.Tests.Cli;

/// <summary>
/// What the tool says where users go wrong, and what init says, kept as a golden file
/// (<c>Fixtures/messages/messages.txt</c>): each command line with its exit code and everything printed,
/// the test's temporary folder shown as <c>TMP</c>.
/// </summary>
public sealed class MessagesTests
{
    [Fact]
    public async Task Messages_say_what_is_true()
    {
        using var temp = Fixture.TempDir();
        var records = temp["records"];
        Directory.CreateDirectory(records);
        foreach (var day in new[] { "2021-05-01", "2021-05-03", "2021-05-06" })
            File.WriteAllText(Path.Combine(records, day + ".json"), File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json")).Replace("2021-04-30", day));
        File.WriteAllText(temp["empty.json"], "");
        Directory.CreateDirectory(temp["no-templates"]);
        File.WriteAllText(temp["no-templates/post.sbn"], "{{ papers }}");
        Directory.CreateDirectory(temp["no-post-template"]);
        File.WriteAllText(temp["no-post-template/footer.sbn"], "{{ papers }}");
        Directory.CreateDirectory(temp["hugo-site"]);
        File.WriteAllText(temp["hugo-site/hugo.toml"], "baseURL = 'https://example.org/'\ntitle = 'My New Hugo Site'\n");
        Directory.CreateDirectory(temp["gatsby-site"]);
        File.WriteAllText(temp["gatsby-site/gatsby-config.js"], "module.exports = {}\n");
        Directory.CreateDirectory(temp["plain"]);
        // A blog of the old generator: its posts, named as it named them, and no manifest of hotpapers'.
        Directory.CreateDirectory(temp["old-blog/content/posts"]);
        File.WriteAllText(temp["old-blog/gatsby-config.js"], "module.exports = {}\n");
        foreach (var day in new[] { "2021-04-30", "2021-05-01" }) File.WriteAllText(temp[$"old-blog/content/posts/{day}---Hot-Papers.md"], "---\ntitle: Hot Papers\n---\n");
        var o = new[] { "--records", records, "--output", temp["out"] };

        var text = new StringBuilder();
        void Run(params string[] args)
        {
            var (code, stdout, stderr) = InProcessCli.Run(args);
            text.Append("$ hotpapers ").AppendJoin(' ', args).Append('\n')
                .Append("exit ").Append(code).Append('\n');
            if (stdout.Length > 0) text.Append("stdout:\n").Append(stdout);
            if (stderr.Length > 0) text.Append("stderr:\n").Append(stderr);
            text.Append('\n');
        }

        Run("build");
        Run("build", "--date", "2021-04-30", "--all");
        Run("build", "--date", "2021-04-30", "--yesterday", "--all");
        Run("build", "--date", "2021-04-31");
        Run("build", "--date", "2021-02-29");
        Run("build", "--date", "2021-13-01");
        Run("build", "--date", "30/04/2021");
        Run("build", "--week");
        Run("build", "--week", "--all");
        Run("build", "--week", "--date", "2021-05-07", "--until", "2021-05-08");
        Run("build", "--date", "2021-04-30", "--until", "2021-04-29");
        Run("biuld", "--date", "2021-04-30");
        Run("build", "--dtae", "2021-04-30");
        Run("build", "--date", "2021-04-30", "--chekc");
        Run(["build", "--date", "2021-05-04", .. o]);
        Run(["build", "--date", "2021-05-01", "--until", "2021-05-04", .. o]);
        Run(["build", "--date", "2020-01-01", .. o]);
        Run("build", "--date", "2021-04-30", "--records", temp["empty.json"], "--output", temp["out"]);
        Run(["build", "--date", "2021-05-01", "--templates", temp["no-templates"], "--check", .. o]);
        Run(["build", "--date", "2021-05-01", "--templates", temp["no-post-template"], "--check", .. o]);
        Run(["build", "--date", "2021-05-01", "--templates", temp["no-such-folder"], .. o]);
        Run(["build", "--date", "2021-05-01", "--templates", temp["empty.json"], .. o]);
        Run("build", "--date", "2021-05-01", "--records", records, "--output", temp["hugo-site/content/posts"], "--check");
        Run("site", "--records", records, "--output", temp["site"], "--base-url", "https://example.org/papers");
        Run("site", "--records", records, "--output", temp["site"]);
        Run("site", "--records", records, "--output", temp["site"], "--base-url", "ftp://example.org/");
        Run("site", "--records", records, "--output", temp["site"], "--base-url", "https://example.org/papers/?ref=feed");
        Run("site", "--records", records, "--output", temp["site"], "--base-url", "https://you.github.io/papers/index.html");
        Run("site", "--records", temp["empty.json"], "--output", temp["site"]);
        Run("site", "--records", records, "--output", temp["site"], "--templates", temp["no-such-folder"]);
        Directory.CreateDirectory(temp["no-records"]);
        Run("site", "--records", temp["no-records"], "--output", temp["site"]);
        Run("site", "--records", records, "--output", temp["empty.json"]);
        Run("init", temp["plain"]);
        Run("init", temp["hugo-site"]);
        Run("init", "--flavor", "gatsby", temp["gatsby-site"]);
        Run("init", "--flavor", "hugo", temp["gatsby-site"]);
        Run("init", temp["old-blog"]);
        Run("init", "--update", "--force", temp["plain"]);
        File.Copy(Fixture.Path("scaffold", "earlier", "hotpapers-settings.schema.json"), temp["plain/hotpapers-settings.schema.json"], overwrite: true);
        File.AppendAllText(temp["plain/.github/workflows/hotpapers.yml"], "# mine\n");
        Run("init", "--update", temp["plain"]);
        Run("init", "--flavr", "hugo", temp["plain"]);
        Run("import", "--skip-foriegn", temp["plain"]);
        Directory.CreateDirectory(temp["yaml-site/archetypes"]);
        File.WriteAllText(temp["yaml-site/hugo.yaml"], "baseURL: https://example.org/\ntitle: My New Hugo Site\n");
        Run("init", temp["yaml-site"]);
        Run("init", "--flavor", "site", temp["pages-site"]);
        Run("init", "--update", temp["pages-site"]);
        // Found by a new user's trial: a folder where init writes a file was "skipped", exit 0.
        Directory.CreateDirectory(temp["settings-folder/hotpapers.yml"]);
        Run("init", temp["settings-folder"]);

        // collect, against the loopback APIs (on the real clock: each source asks once, so nothing waits).
        await using var api = new HotPapers.Tests.Collecting.LoopbackApi();
        {
            var c = HotPapers.Tests.Collecting.CollectHarness.Everything(api);
            void Config(string name, string extra = "") => File.WriteAllText(temp[name],
                $"collect:\n  contact: tests@example.org\n  cache: cache-{name}\n  arxiv: {{ baseUrl: \"{api.BaseUrl}\" }}\n  huggingface: {{ baseUrl: \"{api.BaseUrl}\" }}\n"
                + $"  hackernews: {{ baseUrl: \"{api.BaseUrl}\" }}\n{extra}"
                // The real environment is read here: sources with credentials must not reach the real network.
                + "  bluesky: { enabled: false }\n  twitter: { enabled: false }\n  mastodon: { enabled: false }\n");
            Config("ok.yml");
            Config("again.yml");
            Config("none.yml");
            Config("bad.yml", "  cacheMaxAge: 12 hours\n  maxAge: 1h\n");
            var collected = temp["collected"];
            Run("collect");
            Run("collect", "--date", "2021-04-30", "--yesterday");
            Run("collect", "--until", "2021-05-01");
            Run("collect", "--date", "2021-04-30", "--until", "2022-05-01");
            Run("collect", "--date", "2021-04-30", "--offline", "--refresh");
            Run("collect", "--date", "2021-04-30", "--until", "2021-05-01", "--catch-up");
            Run("collect", "--date", "2021-04-30", "--config", temp["ok.yml"], "--records", collected);
            Run("collect", "--date", "2021-04-30", "--config", temp["ok.yml"], "--records", collected);
            Run("collect", "--date", "2021-04-30", "--config", temp["ok.yml"], "--records", collected, "--offline");
            Run("collect", "--date", "2021-05-01", "--config", temp["ok.yml"], "--records", collected, "--offline");
            api.On(HotPapers.Tests.Collecting.CollectHarness.HuggingFace, HotPapers.Tests.Collecting.Reply.Text(404, "{\"error\":\"Not Found\"}"))
                .On("/api/query?id_list=2104.14421,2104.99999,hep-th/9901001&max_results=3", HotPapers.Tests.Collecting.Reply.File("arxiv-2021-04-30.xml"));
            Run("collect", "--date", "2021-04-30", "--config", temp["again.yml"], "--records", temp["partial"]);
            api.On(HotPapers.Tests.Collecting.CollectHarness.HackerNews, HotPapers.Tests.Collecting.Reply.File("hackernews-truncated.json"));
            Run("collect", "--date", "2021-04-30", "--config", temp["none.yml"], "--records", temp["none"]);
            Run("collect", "--date", "2021-04-30", "--config", temp["bad.yml"], "--records", collected);
            Run("collect", "--date", "2021-04-30", "--config", temp["ok.yml"], "--records", temp["empty.json"]);
            Run("collect", "--date", "2021-04-30", "--config", temp["ok.yml"], "--records", temp["empty.json"] + "/records");
            Directory.CreateDirectory(temp["day-is-a-folder/2021-04-30.json"]);
            Run("collect", "--date", "2021-04-30", "--config", temp["ok.yml"], "--records", temp["day-is-a-folder"]);
            // Hacker News finds mentions, and arXiv refuses to give their papers.
            Config("no-arxiv.yml");
            api.On(HotPapers.Tests.Collecting.CollectHarness.HackerNews, HotPapers.Tests.Collecting.Reply.File("hackernews-2021-04-30.json"))
                .On("/api/query?id_list=2104.14421,2104.99999,hep-th/9901001&max_results=3", HotPapers.Tests.Collecting.Reply.Text(400, "<error>bad query</error>"));
            Run("collect", "--date", "2021-04-30", "--config", temp["no-arxiv.yml"], "--records", temp["no-arxiv"]);
        }

        var golden = text.ToString().Replace(temp.Path, "TMP").Replace(api.BaseUrl.ToString().TrimEnd('/'), "http://API").Replace(Path.DirectorySeparatorChar, '/');
        // collect runs on the real clock: when a cached answer was fetched is this run's time.
        golden = System.Text.RegularExpressions.Regex.Replace(golden, @"the cache's answer, fetched [-0-9T:+]+:", "the cache's answer, fetched TIME:");
        Golden.AssertBytes(Encoding.UTF8.GetBytes(golden), "messages", "messages.txt");
    }

    [Fact]
    public void Build_warns_when_the_blogs_scaffolding_is_older_than_the_tool()
    {
        using var temp = Fixture.TempDir();
        Assert.Equal(ExitCodes.Success, InProcessCli.Run("init", temp.Path).Code);
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), temp["content/records/2021-04-30.json"]);
        var current = InProcessCli.Run("build", "--date", "2021-04-30", "--config", temp["hotpapers.yml"], "--check");
        Assert.Equal("", current.Stderr);

        File.Copy(Fixture.Path("scaffold", "earlier", "hotpapers-settings.schema.json"), temp["hotpapers-settings.schema.json"], overwrite: true);
        var old = InProcessCli.Run("build", "--date", "2021-04-30", "--config", temp["hotpapers.yml"], "--check");
        Assert.Equal($"warning: {temp["hotpapers-settings.schema.json"]}: an earlier hotpapers init wrote it, and this version writes it otherwise; run hotpapers init --update to bring it up to date\n", old.Stderr);

        var update = InProcessCli.Run("init", "--update", temp.Path);
        Assert.Contains($"updated    {temp["hotpapers-settings.schema.json"]}\n", update.Stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "src", "HotPapers", "Settings", "hotpapers-settings.schema.json")), File.ReadAllText(temp["hotpapers-settings.schema.json"]));
    }

    // Found by a user's trial: with flavor: hugo set by hand in a blog init had set up for Gatsby, build said nothing, and
    // hugo failed on the posts' shortcode, which only init --flavor hugo or init --update writes.
    [Theory]
    [InlineData("script")]
    [InlineData("static")]
    public void Build_warns_when_the_hugo_posts_shortcode_is_missing(string embeds)
    {
        using var temp = Fixture.TempDir();
        Assert.Equal(ExitCodes.Success, InProcessCli.Run("init", "--flavor", "gatsby", temp.Path).Code);
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), temp["content/records/2021-04-30.json"]);
        string Build() => InProcessCli.Run("build", "--date", "2021-04-30", "--config", temp["hotpapers.yml"], "--check").Stderr;
        Assert.Equal("", Build());

        File.WriteAllText(temp["hotpapers.yml"], File.ReadAllText(temp["hotpapers.yml"]).Replace("flavor: gatsby", "flavor: hugo") + $"embeds: {embeds}\n");
        Assert.Equal($"warning: {temp["layouts/shortcodes/hotpapers-tweet.html"]}: no such file, nor in a theme under themes/; the Hugo posts show each mention through this shortcode, "
            + "so hugo stops on them (template for shortcode \"hotpapers-tweet\" not found); run hotpapers init --update to write it "
            + "(a theme of Hugo modules that has it needs none)\n", Build());

        // A theme's shortcode is the site's too, and Hugo 0.146's layouts/_shortcodes/ (found by review).
        Directory.CreateDirectory(temp["themes/mine/layouts/shortcodes"]);
        File.WriteAllText(temp["themes/mine/layouts/shortcodes/hotpapers-tweet.html"], "{{ .Inner | safeHTML }}");
        Assert.Equal("", Build());
        Directory.Delete(temp["themes"], recursive: true);
        Directory.CreateDirectory(temp["layouts/_shortcodes"]);
        File.WriteAllText(temp["layouts/_shortcodes/hotpapers-tweet.html"], "{{ .Inner | safeHTML }}");
        Assert.Equal("", Build());
        Directory.Delete(temp["layouts"], recursive: true);

        // A post template of the user's own that calls no shortcode needs none.
        Directory.CreateDirectory(temp["templates"]);
        File.WriteAllText(temp["templates/post.hugo.md.sbn"], "---\ntitle: {{ yaml post.title }}\n---\n");
        Assert.Equal("", InProcessCli.Run("build", "--date", "2021-04-30", "--config", temp["hotpapers.yml"], "--check", "--templates", temp["templates"]).Stderr);
        Directory.Delete(temp["templates"], recursive: true);

        var update = InProcessCli.Run("init", "--update", temp.Path);
        Assert.Contains($"wrote      {temp["layouts/shortcodes/hotpapers-tweet.html"]}\n", update.Stdout, StringComparison.Ordinal);
        Assert.Equal("", Build());
    }

    [Fact]
    public void Help_shows_examples_and_exit_codes_for_each_command()
    {
        foreach (var command in new[] { Array.Empty<string>(), ["build"], ["import"], ["init"], ["site"], ["collect"] })
        {
            var (code, stdout, _) = InProcessCli.Run([.. command, "--help"]);
            Assert.Equal(ExitCodes.Success, code);
            Assert.Contains("\nExamples:\n  hotpapers ", stdout, StringComparison.Ordinal);
            Assert.Contains("\nExit codes:\n  0  ", stdout, StringComparison.Ordinal);
            Assert.Contains("\n  2  usage error\n", stdout, StringComparison.Ordinal);
        }
    }
}
