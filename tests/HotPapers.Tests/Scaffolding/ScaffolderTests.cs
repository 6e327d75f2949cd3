using HotPapers.Cli;
using HotPapers.Rendering;
using HotPapers.Scaffolding;
using HotPapers.Settings;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace HotPapers.Tests.Scaffolding;

public sealed class ScaffolderTests
{
    [Theory]
    [InlineData(Flavor.Gatsby)]
    [InlineData(Flavor.Hugo)]
    public void Init_writes_settings_records_folder_workflow_and_for_hugo_the_shortcode(Flavor flavor)
    {
        using var temp = Fixture.TempDir();
        var done = Scaffolder.Scaffold(temp.Path, flavor, force: false);
        Assert.All(done, f => Assert.Equal(ScaffoldOutcome.Written, f.Outcome));
        // Hugo's records stay out of content/ (published) and data/ (parsed by every Hugo build).
        var records = flavor == Flavor.Hugo ? "hotpapers/records" : "content/records";
        var expected = new List<string> { "hotpapers.yml", "hotpapers-settings.schema.json", records + "/.gitkeep", ".github/workflows/hotpapers.yml" };
        if (flavor == Flavor.Hugo) expected.Add("layouts/shortcodes/hotpapers-tweet.html");
        expected.Add(".config/dotnet-tools.json");
        expected.Add(".gitignore");
        Assert.Equal(expected.Select(p => temp[p]), done.Select(f => f.Path));
        Assert.All(done, f => Assert.True(File.Exists(f.Path)));

        // The commented settings file reads back as the flavor's settings and nothing else.
        var settings = SettingsFile.Load(temp["hotpapers.yml"]);
        Assert.Equal(flavor, settings.Flavor);
        var defaults = SettingsFile.Defaults(temp.Path);
        // A new Hugo site has not the old blog's image (found by a new user's trial: its posts named it all the same).
        var front = flavor == Flavor.Hugo ? defaults.FrontMatter with { SocialImage = "" } : defaults.FrontMatter;
        Assert.Equal(defaults with { Flavor = flavor, RecordsPath = temp[records], SourceFile = temp["hotpapers.yml"], FrontMatter = front }, settings);
        // Every key is mentioned in it, so users see what they can set.
        var text = File.ReadAllText(temp["hotpapers.yml"]);
        foreach (var key in SettingKeys.All) Assert.Contains(key.Key + ":", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hugo.toml", "title = 'x'\n", Flavor.Hugo)]
    [InlineData("config.toml", "baseURL = 'https://example.org/'\n", Flavor.Hugo)]
    [InlineData("config.yaml", "languageCode: en-us\n", Flavor.Hugo)]
    [InlineData("config.toml", "[tool]\nname = 'not a blog'\n", null)]
    [InlineData("gatsby-config.ts", "export default {}\n", Flavor.Gatsby)]
    [InlineData("package.json", "{}\n", null)]
    public void Init_picks_the_flavor_the_folder_shows(string file, string text, Flavor? expected)
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp[file], text);
        var result = Scaffolder.Init(new InitRequest(temp.Path));
        Assert.Equal(InitFlavors.Of(expected ?? Flavor.Gatsby), result.Flavor);
        Assert.StartsWith(expected is null ? "the default" : $"found {temp[file]}", result.FlavorReason, StringComparison.Ordinal);
    }

    // Found by a migration trial: init run from the blog's content/posts wrote a second hotpapers.yml, records folder and
    // workflow there (one GitHub never runs: it reads .github/workflows at the repository's root), saying only
    // "no Hugo or Gatsby site found". A folder inside a blog is refused, naming the blog; --flavor sets it up all the same.
    [Theory]
    [InlineData("gatsby-config.js", "module.exports = {}\n")]
    [InlineData("hugo.toml", "title = 'x'\n")]
    public void Init_in_a_folder_inside_a_blog_names_the_blog_and_writes_nothing_unless_a_flavor_is_given(string config, string text)
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp[config], text);
        Directory.CreateDirectory(temp["content/posts"]);
        File.WriteAllText(temp["content/posts/2021-04-30---Hot-Papers.md"], "an old post\n");

        var (code, stdout, stderr) = InProcessCli.Run("init", temp["content/posts"]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"error: {temp["content/posts"]}: expected a blog's own folder (or one that is no blog's), found a folder inside the site at {temp.Path} "
            + $"({temp[config]}): run init there, or give --flavor to set this folder up as a blog of its own\nNothing was written.\n", stderr);
        Assert.Equal("", stdout);
        Assert.Equal(["2021-04-30---Hot-Papers.md"], Directory.EnumerateFileSystemEntries(temp["content/posts"]).Select(Path.GetFileName));

        (code, _, _) = InProcessCli.Run("init", temp["content/posts"], "--flavor", "gatsby");
        Assert.Equal(0, code);
        Assert.True(File.Exists(temp["content/posts/hotpapers.yml"]));

        // Found in review: init's help listed exit 1 only for a folder that cannot be written or a broken hotpapers.yml.
        Assert.Contains("\n  1  a folder that cannot be written, a folder inside a blog (without --flavor), or a broken hotpapers.yml (--update)\n",
            InProcessCli.Run("init", "--help").Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    // Found in review: the next steps for a blog with the old generator's posts (import them, build --all --force) hang
    // on there being no manifest of hotpapers' beside the posts; nothing held a blog whose posts hotpapers wrote to the usual ones.
    [Fact]
    public void Next_steps_say_import_only_for_posts_hotpapers_did_not_write()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp["gatsby-config.js"], "module.exports = {}\n");
        var (code, _, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--records", Path.Combine(Fixture.RepoRoot(), "content", "records"),
            "--output", temp["content/posts"]);
        Assert.True(code == 0, stderr);

        var steps = Scaffolder.Init(new InitRequest(temp.Path)).NextSteps;
        Assert.DoesNotContain(steps, s => s.StartsWith("hotpapers import", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.StartsWith("hotpapers build --date 2021-04-30", StringComparison.Ordinal));

        File.Delete(Path.Combine(temp["content/posts"], HotPapers.Output.PostManifest.FileName));
        steps = Scaffolder.Init(new InitRequest(temp.Path)).NextSteps;
        // Found by a new user's trial: import's --timezone was saved nowhere, and other pages in the folder failed the import.
        var import = steps.ToList().FindIndex(s => s.StartsWith("hotpapers import content/posts    # the 1 post(s) there", StringComparison.Ordinal));
        Assert.True(import > 0, string.Join("\n", steps));
        Assert.StartsWith("set timezone in hotpapers.yml to the zone the old posts' times are in (an IANA name such as Asia/Tokyo)", steps[import - 1]);

        File.WriteAllText(temp["content/posts/about.md"], "# About\n");
        File.WriteAllText(temp["hotpapers.yml"], File.ReadAllText(temp["hotpapers.yml"]).Replace("timezone: UTC", "timezone: Asia/Tokyo", StringComparison.Ordinal));
        steps = Scaffolder.Init(new InitRequest(temp.Path)).NextSteps;
        Assert.Contains(steps, s => s.StartsWith("hotpapers import content/posts --skip-foreign    # the 1 post(s) there", StringComparison.Ordinal));
        Assert.DoesNotContain(steps, s => s.StartsWith("set timezone", StringComparison.Ordinal));
    }

    // Found by a new user's trial: the README says what to do about gatsby-transformer-json, and init, which read the config, said nothing.
    [Fact]
    public void A_gatsby_config_that_loads_json_is_told_to_keep_the_records_out_of_it()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp["gatsby-config.js"], "module.exports = { plugins: [`gatsby-transformer-json`, `gatsby-source-filesystem`] }\n");

        var notes = Scaffolder.Init(new InitRequest(temp.Path)).Notes;

        Assert.Equal("gatsby-config.js uses gatsby-transformer-json, which loads every JSON file under content/ as data, the records in content/records/ "
            + "and the posts' manifest content/posts/.hotpapers-manifest.json too: add ignore: ['**/records/**', '**/.hotpapers*'] to the gatsby-source-filesystem "
            + "options of content/ (or set \"records: hotpapers/records\" in hotpapers.yml and move the records there).",
            Assert.Single(notes));
        // Found by a user's trial: gatsby-source-filesystem does not ignore dot files, so the manifest stays to be said.
        File.WriteAllText(temp["hotpapers.yml"], File.ReadAllText(temp["hotpapers.yml"]).Replace("# records: content/records", "records: hotpapers/records", StringComparison.Ordinal));
        Assert.Equal("gatsby-config.js uses gatsby-transformer-json, which loads every JSON file under content/ as data, the posts' manifest "
            + "content/posts/.hotpapers-manifest.json too: add ignore: ['**/.hotpapers*'] to the gatsby-source-filesystem options of content/.",
            Assert.Single(Scaffolder.Init(new InitRequest(temp.Path)).Notes));
        File.WriteAllText(temp["hotpapers.yml"], File.ReadAllText(temp["hotpapers.yml"]).Replace("# output: content/posts", "output: posts", StringComparison.Ordinal));
        Assert.Empty(Scaffolder.Init(new InitRequest(temp.Path)).Notes);
    }

    // Found by a new user's trial: the workflow's first dotnet tool restore failed, as a build from a clone is on no feed, and init said nothing.
    [Theory]
    [InlineData(InitFlavor.Gatsby)]
    [InlineData(InitFlavor.Site)]
    public void A_build_from_a_clone_is_told_to_carry_its_package_until_the_repository_names_a_feed(InitFlavor flavor)
    {
        Assert.False(ToolManifest.IsRelease, "the tests' build is no release: the release workflow alone packs with -p:HotPapersRelease=true");
        using var temp = Fixture.TempDir();
        var steps = Scaffolder.Init(new InitRequest(temp.Path, flavor)).NextSteps.ToList();
        var carry = Assert.Single(steps, s => s.StartsWith("copy HotPapers.Cli.", StringComparison.Ordinal));
        Assert.Contains($"HotPapers.Cli.linux-x64.{ToolManifest.Version}.nupkg into .hotpapers/packages/", carry, StringComparison.Ordinal);
        // Before the push that starts the workflow.
        Assert.True(steps.IndexOf(carry) < steps.FindIndex(s => s.StartsWith("git add --all", StringComparison.Ordinal)));
        // Found by a user's trial: the last step then said the workflow gets this version from nuget.org.
        Assert.EndsWith("with this version of hotpapers from .hotpapers/packages/, through the nuget.config of the step above (dotnet tool restore)", steps[^1], StringComparison.Ordinal);
        Assert.Single(steps, s => s.Contains("nuget.org", StringComparison.Ordinal));

        File.WriteAllText(temp["NuGet.Config"], "<configuration />\n");
        var fed = Scaffolder.Init(new InitRequest(temp.Path, flavor)).NextSteps;
        Assert.DoesNotContain(fed, s => s.StartsWith("copy HotPapers.Cli.", StringComparison.Ordinal));
        Assert.EndsWith("with this version of hotpapers from the package sources NuGet.Config names (dotnet tool restore)", fed[^1], StringComparison.Ordinal);
    }

    // Found by a user's trial (Hugo 0.111): the theme's git submodule add failed right after hugo new site, which makes no git repository.
    [Fact]
    public void The_theme_advice_says_git_init_where_the_hugo_site_is_in_no_git_repository()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp["config.toml"], "baseURL = 'http://example.org/'\ntitle = 'My New Hugo Site'\n");
        var note = Assert.Single(Scaffolder.Init(new InitRequest(temp.Path)).Notes);
        Assert.Contains("\n  git init    # this folder is in no git repository yet, and a submodule needs one\n  git submodule add https://", note, StringComparison.Ordinal);

        // In a repository (here the folder's own), a git init would make a second one: none.
        Directory.CreateDirectory(temp[".git"]);
        note = Assert.Single(Scaffolder.Init(new InitRequest(temp.Path)).Notes);
        Assert.DoesNotContain("git init", note, StringComparison.Ordinal);
        Assert.Contains("\n  git submodule add https://", note, StringComparison.Ordinal);
    }

    // Found by a red-team review: MDX compiles {...} in a tweet's text as JavaScript; by default gatsby-plugin-mdx takes .mdx only.
    [Fact]
    public void A_gatsby_config_that_compiles_md_as_mdx_is_told_to_leave_the_posts_to_remark()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp["gatsby-config.js"], "module.exports = { plugins: [{ resolve: `gatsby-plugin-mdx`, options: { extensions: [`.mdx`, `.md`] } }] }\n");

        var note = Assert.Single(Scaffolder.Init(new InitRequest(temp.Path)).Notes);

        Assert.StartsWith("gatsby-config.js has gatsby-plugin-mdx compile .md files: MDX reads {...} as JavaScript", note, StringComparison.Ordinal);
        Assert.EndsWith("Take '.md' out of its extensions and let gatsby-transformer-remark read the posts: they are CommonMark.", note, StringComparison.Ordinal);
        File.WriteAllText(temp["gatsby-config.js"], "module.exports = { plugins: [{ resolve: 'gatsby-plugin-mdx', options: { extensions: ['.mdx'] } }, 'gatsby-transformer-remark'] }\n");
        Assert.Empty(Scaffolder.Init(new InitRequest(temp.Path)).Notes);
    }

    // Found by a new user's trial: build in a repository set up for the site wrote posts no blog reads, unsaid.
    [Fact]
    public void Build_is_told_its_posts_go_nowhere_in_a_repository_set_up_for_the_site_alone()
    {
        using var temp = Fixture.TempDir();
        var posts = temp["content/posts"];
        Assert.True(InitFlavors.TryParse("site", out var site));
        Scaffolder.Init(new InitRequest(temp.Path, Flavor: site));

        var nowhere = $"{posts}: this repository is set up for hotpapers' own HTML site (.github/workflows/hotpapers-site.yml), "
            + "and no Gatsby or Hugo blog reads these Markdown posts; hotpapers site builds the site";
        Assert.Equal(nowhere, SetupWarnings.SiteOnly(temp.Path, posts));
        // build warns so from the settings file's folder, and not when it only checks (it writes no post); site does not.
        var settings = new SettingsOverrides { ConfigFile = temp["hotpapers.yml"], OutputDirectory = posts }.Resolve();
        Assert.Equal([nowhere], SetupWarnings.ForBuild(settings, checkOnly: false));
        Assert.Empty(SetupWarnings.ForBuild(settings, checkOnly: true));
        Assert.Empty(SetupWarnings.ForSite(settings));
        Assert.Empty(SetupWarnings.ForBuild(settings with { SourceFile = null }, checkOnly: false));
        // A blog there after all (its config), or the blog's workflow too: the posts are someone's.
        File.WriteAllText(temp["hugo.toml"], "title = 'x'\n");
        Assert.Null(SetupWarnings.SiteOnly(temp.Path, posts));
        File.Delete(temp["hugo.toml"]);
        File.WriteAllText(Path.Combine(temp.Path, Scaffolder.WorkflowFile), "name: hotpapers\n");
        Assert.Null(SetupWarnings.SiteOnly(temp.Path, posts));
    }

    // Found by a new user's trial: nothing said to set a contact address before collect asks arXiv.
    [Theory]
    [InlineData("gatsby")]
    [InlineData("site")]
    public void Next_steps_say_to_set_the_contact_address_until_the_settings_have_one(string flavor)
    {
        using var temp = Fixture.TempDir();
        Assert.True(InitFlavors.TryParse(flavor, out var f));
        const string Step = "set collect.contact in hotpapers.yml to your e-mail address    # collect names it in its User-Agent, as arXiv asks";
        Assert.Contains(Step, Scaffolder.Init(new InitRequest(temp.Path, Flavor: f)).NextSteps);

        File.AppendAllText(temp["hotpapers.yml"], "collect:\n  contact: me@example.org\n");
        Assert.DoesNotContain(Step, Scaffolder.Init(new InitRequest(temp.Path, Flavor: f)).NextSteps);
    }

    // Found by a new user's trial: init run again (for --templates) still said to copy a day's records in.
    [Fact]
    public void Next_steps_build_the_latest_day_the_records_folder_has_and_ask_for_records_only_when_it_has_none()
    {
        using var temp = Fixture.TempDir();
        var steps = Scaffolder.Init(new InitRequest(temp.Path)).NextSteps;
        Assert.Contains("cp PATH/TO/2021-04-30.json content/records/    # a day's records (docs/records-format.md); hotpapers collect --yesterday makes yesterday's", steps);

        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), temp["content/records/2021-04-30.json"]);
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-05-03.json"), temp["content/records/2021-05-03.json"]);
        File.WriteAllText(temp["content/records/2021-05-01-2021-05-07.json"], "{}");
        File.WriteAllText(temp["content/records/notes.json"], "{}");
        steps = Scaffolder.Init(new InitRequest(temp.Path, Templates: true)).NextSteps;
        Assert.DoesNotContain(steps, s => s.StartsWith("cp ", StringComparison.Ordinal));
        Assert.Contains("hotpapers build --date 2021-05-03    # writes content/posts/2021-05-03---Hot-Papers.md from the latest day in content/records/", steps);

        // Found in review: where the settings put the records and name the posts, the steps say so.
        File.AppendAllText(temp["hotpapers.yml"], "records: hotpapers/records\nfileName: \"{date}/index.md\"\n");
        steps = Scaffolder.Init(new InitRequest(temp.Path, Templates: true)).NextSteps;
        Assert.Contains("cp PATH/TO/2021-04-30.json hotpapers/records/    # a day's records (docs/records-format.md); hotpapers collect --yesterday makes yesterday's", steps);
        Assert.Contains("hotpapers build --date 2021-04-30    # writes content/posts/2021-04-30/index.md", steps);
        Directory.CreateDirectory(temp["hotpapers/records"]);
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), temp["hotpapers/records/2021-04-30.json"]);
        steps = Scaffolder.Init(new InitRequest(temp.Path, Templates: true)).NextSteps;
        Assert.Contains("hotpapers build --date 2021-04-30    # writes content/posts/2021-04-30/index.md from the latest day in hotpapers/records/", steps);
    }

    // The settings decide what build writes: init again in a blog set up for Hugo before its Hugo config exists stays Hugo.
    [Fact]
    public void Init_again_takes_the_flavor_the_settings_name()
    {
        using var temp = Fixture.TempDir();
        Scaffolder.Init(new InitRequest(temp.Path, InitFlavor.Hugo));
        var again = Scaffolder.Init(new InitRequest(temp.Path));
        Assert.Equal(InitFlavor.Hugo, again.Flavor);
        Assert.Equal($"the flavor in {temp[SettingsFile.FileName]}", again.FlavorReason);
    }

    // Found by a user's trial: init --flavor hugo in a Gatsby blog said "flavor hugo", kept hotpapers.yml (flavor: gatsby,
    // records in content/records), made hotpapers/records/ that nothing read, and its next step built Gatsby posts.
    [Fact]
    public void Init_with_another_flavor_than_the_kept_settings_says_what_to_change_there()
    {
        using var temp = Fixture.TempDir();
        Scaffolder.Init(new InitRequest(temp.Path, InitFlavor.Gatsby));
        var hugo = Scaffolder.Init(new InitRequest(temp.Path, InitFlavor.Hugo));
        Assert.Equal(Flavor.Gatsby, hugo.KeptFlavor);
        Assert.Equal($"the flavor in {temp["hotpapers.yml"]}, kept; --flavor hugo chose only the files init writes", hugo.FlavorReason);
        Assert.Contains($"{temp["hotpapers.yml"]} (kept) says flavor: gatsby, and build reads it: set flavor: hugo there to build Hugo posts; Hugo publishes every file under content/, "
            + "so move the records files of content/records/ to hotpapers/records/ and set records: hotpapers/records there too, or add ignoreFiles = ['content/records/'] to hugo.toml (or config.toml)", hugo.Warnings);
        Assert.False(Directory.Exists(temp["hotpapers/records"]));
        Assert.DoesNotContain(hugo.Files, f => f.Path.Contains("records", StringComparison.Ordinal));
        // The Hugo files it was asked for are there for the switch.
        Assert.True(File.Exists(temp["layouts/shortcodes/hotpapers-tweet.html"]));
        Assert.Equal("set flavor: hugo in hotpapers.yml    # it says flavor: gatsby, and build reads it (init kept the file)", hugo.NextSteps[1]);    // after the cd
        var (_, stdout, _) = InProcessCli.Run("init", "--flavor", "hugo", temp.Path);
        Assert.StartsWith($"flavor     gatsby (the flavor in {temp["hotpapers.yml"]}, kept; --flavor hugo chose only the files init writes)\n", stdout, StringComparison.Ordinal);

        // Records already outside content/: only the flavor to set. And once the file says hugo, nothing to say.
        File.WriteAllText(temp["hotpapers.yml"], "records: hotpapers/records\n");
        Assert.Equal($"{temp["hotpapers.yml"]} (kept) says flavor: gatsby, and build reads it: set flavor: hugo there to build Hugo posts",
            Assert.Single(Scaffolder.Init(new InitRequest(temp.Path, InitFlavor.Hugo)).Warnings));
        File.WriteAllText(temp["hotpapers.yml"], "flavor: hugo\n");
        var switched = Scaffolder.Init(new InitRequest(temp.Path, InitFlavor.Hugo));
        Assert.Null(switched.KeptFlavor);
        Assert.Empty(switched.Warnings);
        Assert.Equal("--flavor", switched.FlavorReason);
        // --force writes the settings anew, the flavor's own.
        var forced = Scaffolder.Init(new InitRequest(temp.Path, InitFlavor.Gatsby, Force: true));
        Assert.Null(forced.KeptFlavor);
        Assert.Empty(forced.Warnings);
    }

    [Fact]
    public void Gitignore_is_extended_once_and_kept()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp[".gitignore"], "node_modules/\npublic");
        Scaffolder.Init(new InitRequest(temp.Path));
        Scaffolder.Init(new InitRequest(temp.Path, Force: true));
        Assert.Equal("node_modules/\npublic\n# hotpapers: a build's lock, what a killed build left, and collect's response cache\n.hotpapers.lock\n*.tmp-hotpapers\n.hotpapers/cache/\n",
            File.ReadAllText(temp[".gitignore"]));
    }

    [Fact]
    public void Earlier_versions_are_recognised_and_the_current_ones_are_not_among_them()
    {
        using var temp = Fixture.TempDir();
        Scaffolder.Init(new InitRequest(temp.Path, InitFlavor.Hugo));
        // A file init writes now is never "older": an edit of the list cannot make --update replace it with itself.
        Assert.Empty(SetupWarnings.Outdated(temp.Path, InitFlavor.Hugo, null));
        // The fixtures lie where init writes them: earlier/.github/workflows/hotpapers.yml is the workflow.
        var earlierRoot = Fixture.Path("scaffold", "earlier");
        foreach (var earlier in Directory.EnumerateFiles(earlierRoot, "*", SearchOption.AllDirectories))
            File.Copy(earlier, temp[Path.GetRelativePath(earlierRoot, earlier)], overwrite: true);
        Assert.Equal([temp[Scaffolder.WorkflowFile], temp[Scaffolder.SchemaFile]], SetupWarnings.Outdated(temp.Path, InitFlavor.Hugo, null).Select(w => w.Split(": ")[0]));

        // --update brings both to this version's, and pins this version for the workflow's tool restore.
        var update = Scaffolder.Init(new InitRequest(temp.Path, Update: true));
        Assert.Equal(ScaffoldOutcome.Updated, update.Files.Single(f => f.Path == temp[Scaffolder.WorkflowFile]).Outcome);
        Assert.Empty(SetupWarnings.Outdated(temp.Path, InitFlavor.Hugo, null));
    }

    // Found by a user's trial: the copies init --templates made kept an earlier version's look for good, without a word,
    // even those never changed, and init --update left them. A copy still exactly an earlier version's built-in template
    // is warned about by build and site and updated by init --update; an edited copy is the owner's, and one deleted (to
    // take the built-in template) is not made again.
    [Theory]
    [InlineData(InitFlavor.Gatsby, "post.md.sbn")]
    [InlineData(InitFlavor.Site, "style.css")]
    public void Template_copies_still_as_an_earlier_version_made_them_are_warned_about_and_updated(InitFlavor flavor, string template)
    {
        using var temp = Fixture.TempDir();
        Scaffolder.Init(new InitRequest(temp.Path, flavor, Templates: true));
        var copy = Path.Combine(temp.Path, "templates", template);
        Assert.Empty(SetupWarnings.Outdated(temp.Path, flavor, Path.Combine(temp.Path, "templates")));
        File.Copy(Fixture.Path("scaffold", "earlier-templates", template), copy, overwrite: true);

        var warning = $"{copy}: a copy of an earlier version's built-in template, unchanged since, and this version's differs; "
            + "run hotpapers init --update to bring it up to date, or delete it to use the built-in one";
        Assert.Equal([warning], SetupWarnings.Outdated(temp.Path, flavor, Path.Combine(temp.Path, "templates")));
        string[] command = flavor == InitFlavor.Site
            ? ["site", "--output", temp["public"], "--base-url", "https://example.org/"]
            : ["build", "--date", "2021-04-30", "--output", temp["posts"]];
        var (code, _, stderr) = InProcessCli.Run([.. command, "--config", temp["hotpapers.yml"], "--records", Path.Combine(Fixture.RepoRoot(), "content", "records")]);
        Assert.True(code == 0, stderr);
        Assert.Contains($"warning: {warning}\n", stderr, StringComparison.Ordinal);

        var update = Scaffolder.Init(new InitRequest(temp.Path, Update: true));
        Assert.Equal(ScaffoldOutcome.Updated, update.Files.Single(f => f.Path == copy).Outcome);
        Assert.Equal(TemplateSet.BuiltIn.Read(template).Text, File.ReadAllText(copy));
        Assert.Empty(SetupWarnings.Outdated(temp.Path, flavor, Path.Combine(temp.Path, "templates")));

        // Edited: the owner's, not looked at. Deleted: not made again.
        File.WriteAllText(copy, File.ReadAllText(Fixture.Path("scaffold", "earlier-templates", template)) + "mine\n");
        Assert.DoesNotContain(Scaffolder.Init(new InitRequest(temp.Path, Update: true)).Files, f => f.Path == copy);
        Assert.EndsWith("mine\n", File.ReadAllText(copy), StringComparison.Ordinal);
        File.Delete(copy);
        Scaffolder.Init(new InitRequest(temp.Path, Update: true));
        Assert.False(File.Exists(copy));
    }

    [Fact]
    public void Init_pins_its_own_version_in_the_tool_manifest_the_workflow_restores()
    {
        using var temp = Fixture.TempDir();
        Scaffolder.Init(new InitRequest(temp.Path));
        var manifest = JsonNode.Parse(File.ReadAllText(temp[".config/dotnet-tools.json"]))!;
        Assert.Equal(1, (int)manifest["version"]!);
        Assert.True((bool)manifest["isRoot"]!);
        var tool = manifest["tools"]!["hotpapers.cli"]!;
        // The version the package of this build is numbered with (Directory.Build.props, or the release's -p:Version).
        var assembly = typeof(Scaffolder).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        Assert.Equal(assembly.Split('+')[0], (string)tool["version"]!);
        Assert.Matches(@"^\d+\.\d+\.\d+", (string)tool["version"]!);
        Assert.Equal(["hotpapers"], tool["commands"]!.AsArray().Select(c => (string)c!));
        Assert.False((bool)tool["rollForward"]!);
    }

    [Fact]
    public void A_tool_manifest_of_the_users_keeps_its_tools_and_gets_hotpapers_repinned_only_on_update()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp[".config"]);
        File.WriteAllText(temp[".config/dotnet-tools.json"], """
            {
              // the user's
              "version": 1,
              "isRoot": true,
              "tools": { "dotnet-ef": { "version": "9.0.0", "commands": ["dotnet-ef"] } }
            }
            """);
        var first = Scaffolder.Init(new InitRequest(temp.Path));
        Assert.Equal(ScaffoldOutcome.Extended, first.Files.Single(f => f.Path == temp[".config/dotnet-tools.json"]).Outcome);
        var tools = JsonNode.Parse(File.ReadAllText(temp[".config/dotnet-tools.json"]))!["tools"]!.AsObject();
        Assert.Equal(["dotnet-ef", "hotpapers.cli"], tools.Select(t => t.Key));
        Assert.Equal("9.0.0", (string)tools["dotnet-ef"]!["version"]!);
        var ours = (string)tools["hotpapers.cli"]!["version"]!;

        // An earlier version's pin (an id in other case, as a hand-written manifest may have it).
        File.WriteAllText(temp[".config/dotnet-tools.json"], "{ \"version\": 1, \"isRoot\": true, \"tools\": { \"HotPapers.Cli\": { \"version\": \"0.0.1\", \"commands\": [\"hotpapers\"] } } }");
        Assert.Equal(ScaffoldOutcome.Skipped, Scaffolder.Init(new InitRequest(temp.Path)).Files.Single(f => f.Path == temp[".config/dotnet-tools.json"]).Outcome);
        Assert.Contains("0.0.1", File.ReadAllText(temp[".config/dotnet-tools.json"]), StringComparison.Ordinal);
        Assert.Equal(ScaffoldOutcome.Updated, Scaffolder.Init(new InitRequest(temp.Path, Update: true)).Files.Single(f => f.Path == temp[".config/dotnet-tools.json"]).Outcome);
        Assert.Equal(ours, (string)JsonNode.Parse(File.ReadAllText(temp[".config/dotnet-tools.json"]))!["tools"]!["HotPapers.Cli"]!["version"]!);
        Assert.Equal(ScaffoldOutcome.UpToDate, Scaffolder.Init(new InitRequest(temp.Path, Update: true)).Files.Single(f => f.Path == temp[".config/dotnet-tools.json"]).Outcome);
    }

    [Fact]
    public void A_malformed_tool_manifest_is_an_input_error_saying_where_and_is_left_as_it_was()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp[".config"]);
        File.WriteAllText(temp[".config/dotnet-tools.json"], "{\n  \"tools\": {,\n}\n");
        var (code, stdout, stderr) = InProcessCli.Run("init", temp.Path);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{temp[".config/dotnet-tools.json"]}: line 2, column 13: expected a .NET tool manifest (JSON), found malformed JSON", stderr, StringComparison.Ordinal);
        Assert.Equal("{\n  \"tools\": {,\n}\n", File.ReadAllText(temp[".config/dotnet-tools.json"]));
        Assert.DoesNotContain("Exception", stdout + stderr, StringComparison.Ordinal);
    }

    // The system refusing init's first file is named as build, site and serve name it (OutputFolder),
    // whatever the reason; root may write anywhere, so the folder is made immutable (chattr +i) instead.
    [SkippableFact]
    public void A_folder_init_may_not_write_to_is_named_with_the_systems_reason_and_nothing_is_written()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["blog"]);
        using (RefusedPaths.Immutable(temp["blog"]))
        {
            var (code, stdout, stderr) = InProcessCli.Run("init", temp["blog"]);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal($"error: {temp["blog"]}: expected a folder hotpapers may write to, found no permission to write there\nNothing was written.\n", stderr);
            Assert.Empty(Directory.EnumerateFileSystemEntries(temp["blog"]));
        }
    }

    [SkippableFact]
    public void A_folder_the_system_will_not_make_is_named_with_the_systems_reason()
    {
        var (code, _, stderr) = InProcessCli.Run("init", RefusedPaths.Unmakeable("hotpapers-init-test"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("error: /proc/hotpapers-init-test: expected a folder hotpapers may write to, found none, and the system refuses to make one there\nNothing was written.\n", stderr);
    }

    // init reads the manifest and .gitignore before it writes anything: "Nothing was written." is true.
    [Fact]
    public void A_malformed_tool_manifest_stops_init_before_it_writes_any_file()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp[".config"]);
        File.WriteAllText(temp[".config/dotnet-tools.json"], "{ broken");
        var (code, stdout, stderr) = InProcessCli.Run("init", temp.Path);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"error: {temp[".config/dotnet-tools.json"]}: line 1, column 3: expected a .NET tool manifest (JSON), found malformed JSON\nNothing was written.\n", stderr);
        Assert.Equal("", stdout);
        Assert.Equal([".config", ".config/dotnet-tools.json"], Entries(temp.Path));
    }

    // Found by a new user's trial: a folder named hotpapers.yml or .github/workflows/hotpapers.yml was "skipped (exists;
    // left as it is)", exit 0, and the build init's next steps gave then failed; a folder named .gitignore was an error.
    [Theory]
    [InlineData("hotpapers.yml", "hotpapers.yml", "a file (or none)", "a folder")]
    [InlineData("hotpapers-settings.schema.json", "hotpapers-settings.schema.json", "a file (or none)", "a folder")]
    [InlineData("content/records/.gitkeep", "content/records/.gitkeep", "a file (or none)", "a folder")]
    [InlineData(".github/workflows/hotpapers.yml", ".github/workflows/hotpapers.yml", "a file (or none)", "a folder")]
    [InlineData(".gitignore", ".gitignore", "a .gitignore file (or none)", "a folder")]
    [InlineData(".config/dotnet-tools.json", ".config/dotnet-tools.json", "a .NET tool manifest file (or none)", "a folder")]
    [InlineData(".github", null, "a folder (or none)", "a file")]
    [InlineData(".config", null, "a folder (or none)", "a file")]
    public void A_folder_where_init_needs_a_file_or_a_file_where_it_needs_a_folder_is_refused_before_it_writes(string path, string? folder, string expected, string found)
    {
        using var temp = Fixture.TempDir();
        if (folder is not null) Directory.CreateDirectory(temp[folder]);
        else File.WriteAllText(temp[path], "mine\n");
        var before = Entries(temp.Path);
        var (code, stdout, stderr) = InProcessCli.Run("init", temp.Path);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"error: {temp[path]}: expected {expected}, found {found}\nNothing was written.\n", stderr);
        Assert.Equal("", stdout);
        Assert.Equal(before, Entries(temp.Path));
    }

    // Found by a new user's trial: --force and --update left such a folder too, saying it was skipped.
    [Theory]
    [InlineData("--force")]
    [InlineData("--update")]
    public void A_folder_where_init_would_write_its_workflow_is_refused_with_force_or_update_too(string option)
    {
        using var temp = Fixture.TempDir();
        Assert.Equal(ExitCodes.Success, InProcessCli.Run("init", temp.Path).Code);
        File.Delete(temp[".github/workflows/hotpapers.yml"]);
        Directory.CreateDirectory(temp[".github/workflows/hotpapers.yml"]);
        var before = FolderSnapshot.Of(temp.Path);
        var (code, stdout, stderr) = InProcessCli.Run("init", option, temp.Path);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"error: {temp[".github/workflows/hotpapers.yml"]}: expected a file (or none), found a folder\nNothing was written.\n", stderr);
        Assert.Equal("", stdout);
        Assert.Equal(before, FolderSnapshot.Of(temp.Path));
    }

    private static List<string> Entries(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    // Found by a new user's trial: a site's init --templates copied the two post templates too, which a site never reads.
    [Theory]
    [InlineData(InitFlavor.Gatsby, "post.md.sbn")]
    [InlineData(InitFlavor.Hugo, "post.hugo.md.sbn")]
    [InlineData(InitFlavor.Site, "home.html.sbn")]
    public void Init_templates_copies_the_built_in_templates_its_flavor_uses_and_sets_the_folder(InitFlavor flavor, string used)
    {
        using var temp = Fixture.TempDir();
        var result = Scaffolder.Init(new InitRequest(temp.Path, flavor, Templates: true));
        Assert.Contains(result.Files, f => f.Path == temp["templates/" + used] && f.Outcome == ScaffoldOutcome.Written);
        Assert.Equal(TemplateSet.BuiltIn.Read(used).Text, File.ReadAllText(temp["templates/" + used]));
        Assert.Equal(temp["templates"], SettingsFile.Load(temp["hotpapers.yml"]).TemplatesDirectory);

        var copied = Directory.GetFiles(temp["templates"]).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var posts = new[] { "post.hugo.md.sbn", "post.md.sbn" };
        Assert.Equal(flavor == InitFlavor.Site ? TemplateSet.BuiltInNames.Except(posts) : [used], copied);
        if (flavor == InitFlavor.Site) Assert.Contains("style.css", copied);
    }

    // Found by review: init --update my-blog, run beside the blog, wrote the update to my-blog/my-blog/templates/post.md.sbn
    // and left the copy as it was (the settings' templates path holds the blog's folder already).
    [Fact]
    public void Update_given_the_blog_s_folder_as_a_relative_path_updates_the_copy_there()
    {
        // A folder below the current one, named by a path that does not climb: a path with ".." joined to itself could
        // name the same folder again, and hide the bug.
        var relative = "blog-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            Scaffolder.Init(new InitRequest(relative, InitFlavor.Gatsby, Templates: true));
            var copy = Path.Combine(relative, "templates", "post.md.sbn");
            File.Copy(Fixture.Path("scaffold", "earlier-templates", "post.md.sbn"), copy, overwrite: true);

            var update = Scaffolder.Init(new InitRequest(relative, Update: true));

            Assert.Equal(ScaffoldOutcome.Updated, update.Files.Single(f => f.Path.EndsWith("post.md.sbn", StringComparison.Ordinal)).Outcome);
            Assert.Equal(TemplateSet.BuiltIn.Read("post.md.sbn").Text, File.ReadAllText(copy));
            Assert.False(Directory.Exists(Path.Combine(relative, relative)));
        }
        finally
        {
            Directory.Delete(relative, recursive: true);
        }
    }

    // Found by a user's trial: init --templates run again, with "templates: templates" in the kept hotpapers.yml, said to add that line.
    [Fact]
    public void Init_templates_beside_a_kept_settings_file_says_to_name_the_folder_only_where_it_does_not()
    {
        using var temp = Fixture.TempDir();
        Scaffolder.Init(new InitRequest(temp.Path, InitFlavor.Gatsby));
        var note = $"{temp["hotpapers.yml"]} was there already: add the line \"templates: templates\" to it, or build with --templates templates, to use the copied templates.";
        Assert.Contains(note, Scaffolder.Init(new InitRequest(temp.Path, InitFlavor.Gatsby, Templates: true)).Notes);

        File.AppendAllText(temp["hotpapers.yml"], "templates: templates\n");
        Assert.DoesNotContain(Scaffolder.Init(new InitRequest(temp.Path, InitFlavor.Gatsby, Templates: true)).Notes, n => n.Contains("templates: templates", StringComparison.Ordinal));
    }

    [Fact]
    public void Existing_files_are_skipped_unless_forced()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp["hotpapers.yml"], "flavor: hugo\n# mine\n");
        var first = Scaffolder.Scaffold(temp.Path, Flavor.Gatsby, force: false);
        Assert.Equal(ScaffoldOutcome.Skipped, first.Single(f => f.Path == temp["hotpapers.yml"]).Outcome);
        Assert.Equal("flavor: hugo\n# mine\n", File.ReadAllText(temp["hotpapers.yml"]));

        // .gitignore and the tool manifest may hold the user's own lines and tools: they are only ever
        // extended (or repinned), and have hotpapers' already.
        var extendedOnly = new[] { temp[".gitignore"], temp[".config/dotnet-tools.json"] };
        var again = Scaffolder.Scaffold(temp.Path, Flavor.Gatsby, force: false);
        Assert.All(again, f => Assert.Equal(extendedOnly.Contains(f.Path) ? ScaffoldOutcome.UpToDate : ScaffoldOutcome.Skipped, f.Outcome));

        // Forced, the user's file is replaced; the files the first init wrote are already what --force would write,
        // and are said to be current, not overwritten.
        var forced = Scaffolder.Scaffold(temp.Path, Flavor.Gatsby, force: true);
        Assert.All(forced, f => Assert.Equal(f.Path == temp["hotpapers.yml"] ? ScaffoldOutcome.Overwritten : ScaffoldOutcome.UpToDate, f.Outcome));
        Assert.Contains("flavor: gatsby", File.ReadAllText(temp["hotpapers.yml"]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_cli_says_what_it_wrote_and_skipped()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp["hotpapers.yml"], "# mine\n");
        var (code, stdout, _) = InProcessCli.Run("init", "--flavor", "hugo", temp.Path);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains($"skipped    {temp["hotpapers.yml"]} (exists; left as it is: init --update updates the files an earlier init wrote, --force replaces it)\n", stdout, StringComparison.Ordinal);
        Assert.Contains($"wrote      {temp["layouts/shortcodes/hotpapers-tweet.html"]}\n", stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, InProcessCli.Run("init", "--flavor", "jekyll", temp.Path).Code);
    }

    [Fact]
    public void After_init_build_in_that_folder_uses_its_settings()
    {
        using var temp = Fixture.TempDir();
        Assert.Equal(0, Processes.Hotpapers(temp.Path, "init", "--flavor", "hugo").Code);
        // The user's own choices, in the file init wrote.
        var yml = File.ReadAllText(temp["hotpapers.yml"]).Replace("# fileName: \"{date}---Hot-Papers.md\"", "fileName: \"{date}-digest.md\"");
        File.WriteAllText(temp["hotpapers.yml"], yml);
        Directory.CreateDirectory(temp["hotpapers/records"]);
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), temp["hotpapers/records/2021-04-30.json"]);

        var (code, stdout, stderr) = Processes.Hotpapers(temp.Path, "build", "--date", "2021-04-30");
        Assert.True(code == 0, stderr);
        Assert.Contains(Path.Combine("content", "posts", "2021-04-30-digest.md"), stdout, StringComparison.Ordinal);
        var post = File.ReadAllText(temp["content/posts/2021-04-30-digest.md"]);
        Assert.Contains("{{< hotpapers-tweet >}}", post, StringComparison.Ordinal);
        Assert.Contains("\ncategories:\n", post, StringComparison.Ordinal);

        // The command line wins over the file.
        var gatsby = Processes.Hotpapers(temp.Path, "build", "--date", "2021-04-30", "--flavor", "gatsby", "--output", "g");
        Assert.Equal(0, gatsby.Code);
        Assert.Contains("\ncategory: \"arXiv\"\n", File.ReadAllText(temp["g/2021-04-30-digest.md"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_settings_file_exits_1_saying_where()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp["hotpapers.yml"], "flavor: hugo\nranking:\n  maxTweets: ten\n");
        var (code, stdout, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--config", temp["hotpapers.yml"]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Contains($"{temp["hotpapers.yml"]}: line 3, column 14 (ranking.maxTweets): expected a whole number", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_workflow_runs_nightly_builds_yesterday_and_commits_only_changes()
    {
        using var temp = Fixture.TempDir();
        Scaffolder.Scaffold(temp.Path, Flavor.Gatsby, force: false);
        var workflow = new YamlStream();
        workflow.Load(new StringReader(File.ReadAllText(temp[Scaffolder.WorkflowFile])));
        var root = (YamlMappingNode)workflow.Documents[0].RootNode;
        var on = (YamlMappingNode)root["on"];
        Assert.Matches(@"^\d+ \d+ \* \* \*$", ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)on["schedule"])[0])["cron"]).Value!);
        Assert.Equal("write", ((YamlScalarNode)((YamlMappingNode)root["permissions"])["contents"]).Value);
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["jobs"])["build"])["steps"];
        var runs = steps.Children.Cast<YamlMappingNode>().Where(s => s.Children.ContainsKey("run")).Select(s => ((YamlScalarNode)s["run"]).Value!).ToList();
        // The pinned version, through the tool manifest init wrote beside it; never whatever is newest on the feed.
        Assert.Contains("dotnet tool restore", runs);
        Assert.DoesNotContain(runs, r => r.Contains("tool install", StringComparison.Ordinal));
        var collect = runs.FindIndex(r => r.Contains("dotnet tool run hotpapers collect \"${when[@]}\"", StringComparison.Ordinal));
        var build = runs.FindIndex(r => r.Contains("dotnet tool run hotpapers build --date \"$day\"", StringComparison.Ordinal));
        Assert.True(collect >= 0 && build > collect, "collect, then build");
        // A scheduled night catches up the days missed; the build makes each collected day's post, and yesterday's as
        // collect took it (its output), without reading the clock again.
        Assert.Contains("else when=(--yesterday --catch-up); fi", runs[collect], StringComparison.Ordinal);
        Assert.Contains("echo \"yesterday=$yesterday\" >> \"$GITHUB_OUTPUT\"", runs[collect], StringComparison.Ordinal);
        Assert.DoesNotContain("--yesterday", runs[build], StringComparison.Ordinal);
        var buildStep = steps.Children.Cast<YamlMappingNode>().Single(s => s.Children.ContainsKey("run") && ((YamlScalarNode)s["run"]).Value == runs[build]);
        Assert.Equal("${{ steps.collect.outputs.yesterday }}", ((YamlScalarNode)((YamlMappingNode)buildStep["env"])["YESTERDAY"]).Value);
        // The secrets of the optional sources come from the repository's secrets, as environment variables.
        var collectEnv = (YamlMappingNode)steps.Children.Cast<YamlMappingNode>().Single(s => s.Children.ContainsKey("run") && ((YamlScalarNode)s["run"]).Value == runs[collect])["env"];
        foreach (var secret in new[] { "HOTPAPERS_BLUESKY_HANDLE", "HOTPAPERS_BLUESKY_APP_PASSWORD", "HOTPAPERS_TWITTER_BEARER_TOKEN" })
            Assert.Equal($"${{{{ secrets.{secret} }}}}", ((YamlScalarNode)collectEnv[secret]).Value);
        // Neither the lock nor the cache is committed by `git add --all`.
        Assert.Contains("git add --all", runs[build], StringComparison.Ordinal);
        var ignored = File.ReadAllLines(temp[".gitignore"]);
        Assert.Contains(".hotpapers.lock", ignored);
        Assert.Contains(".hotpapers/cache/", ignored);
    }
}
