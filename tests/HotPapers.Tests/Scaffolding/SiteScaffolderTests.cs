using HotPapers.Cli;
using HotPapers.Rendering;
using HotPapers.Scaffolding;
using HotPapers.Settings;
using YamlDotNet.RepresentationModel;

namespace HotPapers.Tests.Scaffolding;

public sealed class SiteScaffolderTests
{
    [Theory]
    [InlineData(Flavor.Gatsby)]
    [InlineData(Flavor.Hugo)]
    public void Init_writes_settings_records_folder_workflow_and_for_hugo_the_shortcode(Flavor flavor)
    {
        using var temp = Fixture.TempDir();
        var done = SiteScaffolder.Scaffold(temp.Path, flavor, force: false);
        Assert.All(done, f => Assert.Equal(ScaffoldOutcome.Written, f.Outcome));
        // Hugo's records stay out of content/ (published) and data/ (parsed by every Hugo build).
        var records = flavor == Flavor.Hugo ? "hotpapers/records" : "content/records";
        var expected = new List<string> { "hotpapers.yml", "hotpapers-settings.schema.json", records + "/.gitkeep", ".github/workflows/hotpapers.yml" };
        if (flavor == Flavor.Hugo) expected.Add("layouts/shortcodes/hotpapers-tweet.html");
        expected.Add(".gitignore");
        Assert.Equal(expected.Select(p => temp[p]), done.Select(f => f.Path));
        Assert.All(done, f => Assert.True(File.Exists(f.Path)));

        // The commented settings file reads back as the flavor's settings and nothing else.
        var settings = SettingsFile.Load(temp["hotpapers.yml"]);
        Assert.Equal(flavor, settings.Flavor);
        Assert.Equal(SettingsFile.Defaults(temp.Path) with { Flavor = flavor, RecordsPath = temp[records], SourceFile = temp["hotpapers.yml"] }, settings);
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
        var result = SiteScaffolder.Init(new InitRequest(temp.Path));
        Assert.Equal(InitFlavors.Of(expected ?? Flavor.Gatsby), result.Flavor);
        Assert.StartsWith(expected is null ? "the default" : $"found {temp[file]}", result.FlavorReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Gitignore_is_extended_once_and_kept()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp[".gitignore"], "node_modules/\npublic");
        SiteScaffolder.Init(new InitRequest(temp.Path));
        SiteScaffolder.Init(new InitRequest(temp.Path, Force: true));
        Assert.Equal("node_modules/\npublic\n# hotpapers: a build's lock, and what a killed build left\n.hotpapers.lock\n*.tmp-hotpapers\n", File.ReadAllText(temp[".gitignore"]));
    }

    [Fact]
    public void Earlier_versions_are_recognised_and_the_current_ones_are_not_among_them()
    {
        using var temp = Fixture.TempDir();
        SiteScaffolder.Init(new InitRequest(temp.Path, InitFlavor.Hugo));
        // A file init writes now is never "older": an edit of the list cannot make --update replace it with itself.
        Assert.Empty(SiteScaffolder.Outdated(temp.Path, Flavor.Hugo));
        foreach (var earlier in Directory.EnumerateFiles(Fixture.Path("scaffold", "earlier")))
            File.Copy(earlier, temp[Path.GetFileName(earlier)], overwrite: true);
        Assert.Equal([temp[SiteScaffolder.SchemaFile]], SiteScaffolder.Outdated(temp.Path, Flavor.Hugo));
    }

    [Fact]
    public void Init_templates_copies_the_built_in_templates_and_the_build_uses_them()
    {
        using var temp = Fixture.TempDir();
        var result = SiteScaffolder.Init(new InitRequest(temp.Path, Templates: true));
        Assert.Contains(result.Files, f => f.Path == temp["templates/post.md.sbn"] && f.Outcome == ScaffoldOutcome.Written);
        Assert.Equal(temp["templates"], SettingsFile.Load(temp["hotpapers.yml"]).TemplatesDirectory);
        Assert.Equal(TemplateSet.BuiltIn.Read("post.hugo.md.sbn").Text, File.ReadAllText(temp["templates/post.hugo.md.sbn"]));
    }

    [Fact]
    public void Existing_files_are_skipped_unless_forced()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp["hotpapers.yml"], "flavor: hugo\n# mine\n");
        var first = SiteScaffolder.Scaffold(temp.Path, Flavor.Gatsby, force: false);
        Assert.Equal(ScaffoldOutcome.Skipped, first.Single(f => f.Path == temp["hotpapers.yml"]).Outcome);
        Assert.Equal("flavor: hugo\n# mine\n", File.ReadAllText(temp["hotpapers.yml"]));

        var again = SiteScaffolder.Scaffold(temp.Path, Flavor.Gatsby, force: false);
        Assert.All(again, f => Assert.Equal(f.Path == temp[".gitignore"] ? ScaffoldOutcome.UpToDate : ScaffoldOutcome.Skipped, f.Outcome));

        var forced = SiteScaffolder.Scaffold(temp.Path, Flavor.Gatsby, force: true);
        // .gitignore is the user's: it is only ever extended, and has the lines already.
        Assert.All(forced, f => Assert.Equal(f.Path == temp[".gitignore"] ? ScaffoldOutcome.UpToDate : ScaffoldOutcome.Overwritten, f.Outcome));
        Assert.Contains("flavor: gatsby", File.ReadAllText(temp["hotpapers.yml"]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_cli_says_what_it_wrote_and_skipped()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp["hotpapers.yml"], "# mine\n");
        var (code, stdout, _) = InProcessCli.Run("init", "--flavor", "hugo", temp.Path);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains($"skipped    {temp["hotpapers.yml"]} (exists; left as it is: move it aside and run init again for this version's)\n", stdout, StringComparison.Ordinal);
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
        SiteScaffolder.Scaffold(temp.Path, Flavor.Gatsby, force: false);
        var workflow = new YamlStream();
        workflow.Load(new StringReader(File.ReadAllText(temp[SiteScaffolder.WorkflowFile])));
        var root = (YamlMappingNode)workflow.Documents[0].RootNode;
        var on = (YamlMappingNode)root["on"];
        Assert.Matches(@"^\d+ \d+ \* \* \*$", ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)on["schedule"])[0])["cron"]).Value!);
        Assert.Equal("write", ((YamlScalarNode)((YamlMappingNode)root["permissions"])["contents"]).Value);
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["jobs"])["build"])["steps"];
        var runs = steps.Children.Cast<YamlMappingNode>().Where(s => s.Children.ContainsKey("run")).Select(s => ((YamlScalarNode)s["run"]).Value!).ToList();
        Assert.Contains(runs, r => r.Contains("dotnet tool install --global HotPapers.Cli", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("--yesterday", StringComparison.Ordinal));
    }

    [SkippableFact]
    [Trait(Speed.Key, Speed.Slow)]
    public void The_workflow_build_step_commits_a_new_post_once_and_then_nothing()
    {
        var git = ExternalTool.Require("git", "the workflow's build step commits with git");
        var bash = ExternalTool.Require("bash", "GitHub runs the step with bash -e");
        using var temp = Fixture.TempDir();
        Git(temp.Path, git, "init", "--quiet", "--bare", "--initial-branch=main", "remote.git");
        Git(temp.Path, git, "clone", "--quiet", "remote.git", "site");
        var site = temp["site"];
        SiteScaffolder.Scaffold(site, Flavor.Gatsby, force: false);
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), Path.Combine(site, "content", "records", "2021-04-30.json"));
        Git(site, git, "-c", "user.name=t", "-c", "user.email=t@example.org", "checkout", "--quiet", "-b", "main");
        Git(site, git, "add", "--all");
        Git(site, git, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "init");
        Git(site, git, "push", "--quiet", "origin", "main");

        // The step's script as the workflow has it, with the built tool as `hotpapers` on PATH.
        Directory.CreateDirectory(temp["bin"]);
        File.WriteAllText(temp["bin/hotpapers"], $"#!/bin/sh\nexec \"{Processes.Dotnet}\" \"{Processes.HotpapersDll}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp["bin/hotpapers"], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var script = BuildStepScript(Path.Combine(site, SiteScaffolder.WorkflowFile));
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = temp["bin"] + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["DAY"] = "2021-04-30",
        };

        var first = Processes.Run(site, bash, ["-e", "-c", script], environment);
        Assert.True(first.Code == 0, first.Stdout + first.Stderr);
        Assert.Equal(2, Log(temp["remote.git"], git).Length);
        Assert.Contains("content/posts/2021-04-30---Hot-Papers.md", Git(temp["remote.git"], git, "show", "--name-only", "--format=", "main"), StringComparison.Ordinal);

        var second = Processes.Run(site, bash, ["-e", "-c", script], environment);
        Assert.True(second.Code == 0, second.Stdout + second.Stderr);
        Assert.Contains("Nothing changed.", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, Log(temp["remote.git"], git).Length);

        // A day without records fails the job, and commits nothing.
        var missing = Processes.Run(site, bash, ["-e", "-c", script], new Dictionary<string, string>(environment) { ["DAY"] = "2021-05-02" });
        Assert.Equal(ExitCodes.BadInput, missing.Code);
        Assert.Equal(2, Log(temp["remote.git"], git).Length);
    }

    private static string BuildStepScript(string workflowPath)
    {
        var workflow = new YamlStream();
        workflow.Load(new StringReader(File.ReadAllText(workflowPath)));
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)workflow.Documents[0].RootNode)["jobs"])["build"])["steps"];
        var step = steps.Children.Cast<YamlMappingNode>().Single(s => s.Children.ContainsKey("run")
            && ((YamlScalarNode)s["run"]).Value!.Contains("hotpapers build", StringComparison.Ordinal));
        Assert.Equal("${{ inputs.date }}", ((YamlScalarNode)((YamlMappingNode)step["env"])["DAY"]).Value);
        return ((YamlScalarNode)step["run"]).Value!;
    }

    private static string[] Log(string repo, string git) =>
        Git(repo, git, "log", "--format=%s", "main").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Git(string directory, string git, params string[] args)
    {
        var (code, stdout, stderr) = Processes.Run(directory, git, args);
        Assert.True(code == 0, $"git {string.Join(' ', args)}: {stderr}");
        return stdout;
    }
}
