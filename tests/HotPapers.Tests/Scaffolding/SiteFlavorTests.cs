using HotPapers.Cli;
using HotPapers.Scaffolding;
using HotPapers.Settings;
using YamlDotNet.RepresentationModel;

namespace HotPapers.Tests.Scaffolding;

/// <summary><c>init --flavor site</c>: the files of a repository whose HTML site GitHub Pages publishes each night.</summary>
public sealed class SiteFlavorTests
{
    [Fact]
    public void Init_site_writes_settings_records_folder_tool_manifest_pages_workflow_and_gitignore()
    {
        using var temp = Fixture.TempDir();
        var result = Scaffolder.Init(new InitRequest(temp.Path, InitFlavor.Site));
        Assert.Equal(InitFlavor.Site, result.Flavor);
        Assert.Empty(result.Warnings);
        Assert.Equal(
            ["hotpapers.yml", "hotpapers-settings.schema.json", "records/.gitkeep", ".github/workflows/hotpapers-site.yml", ".config/dotnet-tools.json", ".gitignore"],
            result.Files.Select(f => Path.GetRelativePath(temp.Path, f.Path).Replace('\\', '/')));
        Assert.All(result.Files, f => Assert.Equal(ScaffoldOutcome.Written, f.Outcome));
        Assert.False(File.Exists(temp[Scaffolder.WorkflowFile]), "the posts' workflow is not the site's");

        // The settings read back as the defaults with the site's records folder, and thresholds for Hugging Face's and
        // Hacker News' counts (found by a new user's trial: Twitter's left most days empty); every key is still shown.
        var settings = SettingsFile.Load(temp["hotpapers.yml"]);
        var defaults = SettingsFile.Defaults(temp.Path);
        Assert.Equal(defaults with
        {
            RecordsPath = temp["records"], SourceFile = temp["hotpapers.yml"],
            Ranking = defaults.Ranking with { MinPaperScore = 10, MinMentionScore = 5 },
        }, settings);
        var text = File.ReadAllText(temp["hotpapers.yml"]);
        foreach (var key in SettingKeys.All) Assert.Contains(key.Key + ":", text, StringComparison.Ordinal);

        var ignored = File.ReadAllText(temp[".gitignore"]).Split('\n');
        foreach (var line in new[] { ".hotpapers.lock", "*.tmp-hotpapers", "public/", ".hotpapers/cache/" }) Assert.Contains(line, ignored);

        // The manifest pins the version that wrote it, in the form dotnet tool restore reads.
        var manifest = File.ReadAllText(temp[".config/dotnet-tools.json"]);
        using var json = System.Text.Json.JsonDocument.Parse(manifest);
        var tool = json.RootElement.GetProperty("tools").GetProperty("hotpapers.cli");
        Assert.Equal(typeof(Scaffolder).Assembly.GetName().Version!.ToString(3), tool.GetProperty("version").GetString());
        Assert.Equal("hotpapers", tool.GetProperty("commands")[0].GetString());
        Assert.True(json.RootElement.GetProperty("isRoot").GetBoolean());
    }

    private static (string, string)[] Permissions(YamlNode job) =>
        [.. ((YamlMappingNode)((YamlMappingNode)job)["permissions"]).Children.Select(p => (Scalar(p.Key), Scalar(p.Value)))];

    [Fact]
    public void The_pages_workflow_collects_nightly_commits_records_builds_the_site_and_deploys_it()
    {
        using var temp = Fixture.TempDir();
        Scaffolder.Init(new InitRequest(temp.Path, InitFlavor.Site));
        var root = Workflow(temp[Scaffolder.SiteWorkflowFile]);

        var on = (YamlMappingNode)root["on"];
        Assert.Matches(@"^\d+ \d+ \* \* \*$", Scalar(((YamlMappingNode)((YamlSequenceNode)on["schedule"])[0])["cron"]));
        Assert.True(on.Children.ContainsKey("workflow_dispatch"));
        // Each job only what it needs (a user's trial: both jobs had all four): the workflow gives none.
        Assert.Empty(((YamlMappingNode)root["permissions"]).Children);
        var jobs = (YamlMappingNode)root["jobs"];
        Assert.Equal([("contents", "write"), ("pages", "read")], Permissions(jobs["build"]));
        Assert.Equal([("pages", "write"), ("id-token", "write")], Permissions(jobs["deploy"]));

        var build = Steps((YamlMappingNode)jobs["build"]);
        string[] expected =
        [
            "actions/checkout@", "actions/setup-dotnet@", "run: dotnet tool restore", "dotnet hotpapers collect", "run: git add --all",
            "actions/configure-pages@", "run: dotnet hotpapers site --base-url", "actions/upload-pages-artifact@",
        ];
        Assert.Equal(expected.Length, build.Count);
        for (var i = 0; i < expected.Length; i++) Assert.Contains(expected[i], Describe(build[i]), StringComparison.Ordinal);
        Assert.Equal("10.0.x", Scalar(((YamlMappingNode)build[1]["with"])["dotnet-version"]));
        Assert.Contains("--yesterday", Scalar(build[3]["run"]), StringComparison.Ordinal);
        // The secrets of the optional sources reach collect as environment variables, never a file.
        var collectEnv = (YamlMappingNode)build[3]["env"];
        foreach (var name in new[] { "HOTPAPERS_BLUESKY_HANDLE", "HOTPAPERS_BLUESKY_APP_PASSWORD", "HOTPAPERS_TWITTER_BEARER_TOKEN" })
            Assert.Equal($"${{{{ secrets.{name} }}}}", Scalar(collectEnv[name]));
        // The site's base URL is the one Pages gives, from the configure step.
        Assert.Equal("pages", Scalar(build[5]["id"]));
        Assert.Equal("${{ steps.pages.outputs.base_url }}", Scalar(((YamlMappingNode)build[6]["env"])["BASE_URL"]));
        Assert.Equal(Scaffolder.SiteFolder, Scalar(((YamlMappingNode)build[7]["with"])["path"]));
        // The site is built where it is uploaded from, whatever the settings' site.output says.
        Assert.EndsWith($" --output {Scaffolder.SiteFolder}", Scalar(build[6]["run"]).TrimEnd(), StringComparison.Ordinal);

        var deploy = (YamlMappingNode)jobs["deploy"];
        Assert.Equal("build", Scalar(deploy["needs"]));
        var environment = (YamlMappingNode)deploy["environment"];
        Assert.Equal("github-pages", Scalar(environment["name"]));
        Assert.Equal("${{ steps.deployment.outputs.page_url }}", Scalar(environment["url"]));
        var deploySteps = Steps(deploy);
        Assert.Single(deploySteps);
        Assert.StartsWith("actions/deploy-pages@", Scalar(deploySteps[0]["uses"]), StringComparison.Ordinal);
        Assert.Equal("deployment", Scalar(deploySteps[0]["id"]));
    }

    [SkippableTheory]
    [Trait(Speed.Key, Speed.Slow)]
    [InlineData(0, 0, false)]
    [InlineData(4, 0, true)]
    [InlineData(1, 1, false)]
    public void The_collect_step_goes_on_after_a_partial_collection_with_a_warning_and_stops_on_an_error(int collectExit, int stepExit, bool warns)
    {
        var bash = ExternalTool.Require("bash", "GitHub runs the step with bash -e");
        using var temp = Fixture.TempDir();
        Scaffolder.Init(new InitRequest(temp["site"], InitFlavor.Site));
        var collect = Steps((YamlMappingNode)((YamlMappingNode)Workflow(temp["site/" + Scaffolder.SiteWorkflowFile])["jobs"])["build"])
            .Single(s => Describe(s).Contains("hotpapers collect", StringComparison.Ordinal));
        // `dotnet` as the step finds it: records its arguments and exits as collect would.
        Directory.CreateDirectory(temp["bin"]);
        // Its stdout as collect's: a line per day, a partial one ending "; SOURCE failed)"; a warning of its own on stderr.
        File.WriteAllText(temp["bin/dotnet"], $"#!/bin/sh\necho \"$@\" > \"{temp["args"]}\"\n"
            + "echo 'warning: collect.contact is not set in hotpapers.yml: set it to yours' >&2\n"
            + $"echo 'created      records/2021-04-29.json (3 paper(s), 6 mention(s))'\n"
            + (collectExit == 4 ? "echo 'created      my records/2021-04-30.json (2 paper(s), 4 mention(s); hackernews failed)'\n"
                + "echo 'not written  2021-04-28: nothing could be collected'\n" : "")
            + $"exit {collectExit}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp["bin/dotnet"], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = temp["bin"] + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["DAY"] = "",
        };

        var run = Processes.Run(temp["site"], bash, ["-e", "-c", Scalar(collect["run"])], environment);
        Assert.Equal(stepExit, run.Code);
        Assert.Equal("hotpapers collect --yesterday --catch-up\n", File.ReadAllText(temp["args"]));
        Assert.Equal(warns, run.Stdout.Contains("::warning title=hotpapers collect::Some sources failed", StringComparison.Ordinal));
        // A day none answered on is named apart: it has no records file, so nothing of it is published.
        Assert.Equal(warns, run.Stdout.Contains("::warning title=hotpapers collect::Nothing could be collected for 2021-04-28 (", StringComparison.Ordinal));
        // collect's own warning: in the log as it said it, and the job's own annotation, whatever the exit code.
        Assert.Contains("warning: collect.contact is not set in hotpapers.yml: set it to yours\n", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("::warning title=hotpapers collect::collect.contact is not set in hotpapers.yml: set it to yours\n", run.Stdout, StringComparison.Ordinal);

        var day = Processes.Run(temp["site"], bash, ["-e", "-c", Scalar(collect["run"])], new Dictionary<string, string>(environment) { ["DAY"] = "2021-04-30" });
        Assert.Equal(stepExit, day.Code);
        Assert.Equal("hotpapers collect --date 2021-04-30\n", File.ReadAllText(temp["args"]));
        // The warning says which day to run again (the partial one alone), and how.
        Assert.Equal(warns, day.Stdout.Contains("::warning title=hotpapers collect::Some sources failed on 2021-04-30 (", StringComparison.Ordinal));
        Assert.Contains("records/2021-04-29.json (3 paper(s), 6 mention(s))", day.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_update_in_a_site_repository_keeps_it_a_site_and_moves_the_pin_to_this_version()
    {
        using var temp = Fixture.TempDir();
        Scaffolder.Init(new InitRequest(temp.Path, InitFlavor.Site));
        // As an earlier version's init wrote it.
        File.WriteAllText(temp[ToolManifest.File], ToolManifest.Text("0.0.1"));

        var update = Scaffolder.Init(new InitRequest(temp.Path, Update: true));
        Assert.Equal(InitFlavor.Site, update.Flavor);
        Assert.Equal(ScaffoldOutcome.Updated, update.Files.Single(f => f.Path == temp[ToolManifest.File]).Outcome);
        Assert.Equal(ToolManifest.Text(ToolManifest.Version), File.ReadAllText(temp[ToolManifest.File]));
        Assert.Equal(ScaffoldOutcome.UpToDate, update.Files.Single(f => f.Path == temp[Scaffolder.SiteWorkflowFile]).Outcome);
        Assert.False(File.Exists(temp[Scaffolder.WorkflowFile]), "--update wrote the posts' workflow into a site");
    }

    // Found by a user's trial: in a Hugo blog, init --flavor site wrote a workflow that built the site into public/,
    // the blog's, which site refuses there: the job would have failed every night.
    [Theory]
    [InlineData("config.toml", "baseURL = 'https://example.org/'\ntitle = 'Blog'\npublishDir = 'docs'\n", "Hugo", "docs")]
    [InlineData("hugo.toml", "title = 'Blog'\n", "Hugo", "public")]
    [InlineData("gatsby-config.js", "module.exports = { plugins: [] }\n", "Gatsby", "public")]
    public void Init_site_in_a_blog_is_refused_naming_the_blog_and_what_to_run_and_writes_nothing(string config, string text, string kind, string into)
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp[config], text);
        var before = FolderSnapshot.Of(temp.Path);

        var (code, stdout, stderr) = InProcessCli.Run("init", "--flavor", "site", temp.Path);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Equal($"error: {temp.Path}: expected a folder for the HTML site, a site of its own (GitHub Pages publishes one per repository), "
            + $"found the {kind} site of {temp[config]}, which builds the blog into {into}/: run hotpapers init --flavor site DIR with a new folder outside it; "
            + "to see the site this blog's records make, run hotpapers serve here\nNothing was written.\n", stderr);
        Assert.Equal(before, FolderSnapshot.Of(temp.Path));
    }

    [Fact]
    public void The_cli_takes_site_and_names_every_flavor_when_it_is_misspelt()
    {
        using var temp = Fixture.TempDir();
        var (code, stdout, _) = InProcessCli.Run("init", "--flavor", "site", temp.Path);
        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("flavor     site (--flavor)\n", stdout, StringComparison.Ordinal);
        Assert.Contains($"wrote      {temp[Scaffolder.SiteWorkflowFile]}\n", stdout, StringComparison.Ordinal);
        Assert.Contains("hotpapers serve", stdout, StringComparison.Ordinal);
        var wrong = InProcessCli.Run("init", "--flavor", "jekyll", temp.Path);
        Assert.Equal(ExitCodes.Usage, wrong.Code);
        Assert.Contains("--flavor expects gatsby, hugo or site, found \"jekyll\"", wrong.Stderr, StringComparison.Ordinal);
    }

    private static YamlMappingNode Workflow(string path)
    {
        var workflow = new YamlStream();
        workflow.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)workflow.Documents[0].RootNode;
    }

    private static List<YamlMappingNode> Steps(YamlMappingNode job) => [.. ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>()];

    private static string Describe(YamlMappingNode step) =>
        step.Children.TryGetValue("uses", out var uses) ? Scalar(uses) : "run: " + Scalar(step["run"]);

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value!;
}
