using HotPapers.Cli;

namespace HotPapers.Tests.Cli;

/// <summary>
/// The real tool as a user runs it, in its own process: hotpapers.dll here, and under CI the Native AOT
/// binary too (HOTPAPERS_EXE, see .ci/run), so that trimming or AOT never breaks what a user sees.
/// Everything checked here is checked against golden files or exact messages.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait(Speed.Key, Speed.Slow)]
public sealed class EndToEndTests : IDisposable
{
    private readonly TempDir _temp = Fixture.TempDir();

    public void Dispose() => _temp.Dispose();

    private (int Code, string Stdout, string Stderr) Run(params string[] args) => Processes.Hotpapers(_temp.Path, args);

    private static string Sample => Path.Combine(Fixture.RepoRoot(), "content", "records");

    [Fact]
    public void The_sample_builds_the_reference_post_but_for_its_date_line()
    {
        var (code, stdout, stderr) = Run("build", "--date", "2021-04-30", "--records", Sample, "--output", "posts");
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Equal("created      posts/2021-04-30---Hot-Papers.md\n1 post(s): 1 written, 0 unchanged\n", stdout);
        var built = File.ReadAllText(_temp["posts/2021-04-30---Hot-Papers.md"]);
        var reference = File.ReadAllText(Fixture.Path("reference", "hot-papers-2021-04-30.md"));
        Assert.Equal(reference.Replace("date: 2021-05-01T18:50:48.Z", "date: 2021-05-01T18:50:48+09:00"), built);
    }

    [Fact]
    public void The_old_crawler_files_build_their_golden_posts()
    {
        var (code, _, stderr) = Run("build", "--all", "--records", Fixture.Path("legacy"), "--output", "posts");
        Assert.True(code == ExitCodes.Success, stderr);
        var expected = Directory.GetFiles(Fixture.Path("legacy", "expected"));
        Assert.Equal(expected.Length, Directory.GetFiles(_temp["posts"], "*.md").Length);
        foreach (var file in expected) Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(_temp["posts/" + Path.GetFileName(file)]));
    }

    [Fact]
    public void The_hugo_flavor_builds_its_golden_post()
    {
        var (code, _, stderr) = Run("build", "--date", "2021-04-30", "--flavor", "hugo", "--records", Sample, "--output", "posts");
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Equal(File.ReadAllBytes(Fixture.Path("hugo", "2021-04-30---Hot-Papers.md")), File.ReadAllBytes(_temp["posts/2021-04-30---Hot-Papers.md"]));
    }

    [Fact]
    public void An_unchanged_rebuild_writes_nothing_and_no_cache_is_accepted_to_no_effect()
    {
        Assert.Equal(0, Run("build", "--all", "--records", Fixture.Path("legacy"), "--output", "posts").Code);
        var times = Directory.GetFiles(_temp["posts"]).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        foreach (var extra in new[] { Array.Empty<string>(), ["--no-cache"] })
        {
            var (code, stdout, stderr) = Run(["build", "--all", "--records", Fixture.Path("legacy"), "--output", "posts", .. extra]);
            Assert.True(code == 0, stderr);
            Assert.Equal("3 post(s): 0 written, 3 unchanged\n", stdout);
        }
        foreach (var (file, time) in times) Assert.Equal(time, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public void Bad_records_are_reported_with_their_places_and_nothing_is_written()
    {
        Directory.CreateDirectory(_temp["records"]);
        File.Copy(Fixture.Path("records", "bad", "many-problems.json"), _temp["records/2021-04-30.json"]);
        var (code, stdout, stderr) = Run("build", "--date", "2021-04-30", "--records", "records", "--output", "posts");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Contains("records/2021-04-30.json: $.extra (line 5): expected one of the keys", stderr);
        Assert.Contains("records/2021-04-30.json: $.papers[0].tweets[1].favorites (line 16): expected", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.False(Directory.Exists(_temp["posts"]));
    }

    [Fact]
    public void Check_reports_missing_posts_and_hand_edits_and_force_replaces_them()
    {
        string[] build = ["build", "--all", "--records", Fixture.Path("legacy"), "--output", "posts"];
        var (code, stdout, _) = Run([.. build, "--check"]);
        Assert.Equal(ExitCodes.CheckFoundChanges, code);
        Assert.Contains("missing      posts/2021-05-03---Hot-Papers.md", stdout);
        Assert.Equal(0, Run(build).Code);
        Assert.Equal(ExitCodes.Success, Run([.. build, "--check"]).Code);

        File.AppendAllText(_temp["posts/2021-05-03---Hot-Papers.md"], "my note\n");
        (code, stdout, _) = Run([.. build, "--check"]);
        Assert.Equal(ExitCodes.CheckFoundChanges, code);
        Assert.Contains("edited by hand (--force replaces it) posts/2021-05-03---Hot-Papers.md", stdout);
        (code, _, var stderr) = Run(build);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("posts/2021-05-03---Hot-Papers.md: changed since hotpapers wrote it", stderr);
        Assert.EndsWith("my note\n", File.ReadAllText(_temp["posts/2021-05-03---Hot-Papers.md"]));
        (code, stdout, _) = Run([.. build, "--force"]);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("replaced edited posts/2021-05-03---Hot-Papers.md", stdout);
        Assert.Equal(File.ReadAllBytes(Fixture.Path("legacy", "expected", "2021-05-03---Hot-Papers.md")), File.ReadAllBytes(_temp["posts/2021-05-03---Hot-Papers.md"]));
    }

    [Fact]
    public void A_template_error_names_its_file_line_and_column()
    {
        Directory.CreateDirectory(_temp["t"]);
        File.WriteAllText(_temp["t/post.md.sbn"], "ok\n{{ if }}\n");
        var (code, _, stderr) = Run("build", "--date", "2021-04-30", "--records", Sample, "--output", "posts", "--templates", "t");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("t/post.md.sbn(2,", stderr);
        Assert.False(Directory.Exists(_temp["posts"]));
    }

    [Fact]
    public void Import_turns_old_posts_back_into_their_golden_records()
    {
        var (code, _, stderr) = Run(["import", .. Directory.GetFiles(Fixture.Path("importing", "posts")).Order(StringComparer.Ordinal), "--records", "records", "--timezone", "Asia/Tokyo"]);
        Assert.True(code == ExitCodes.Success, stderr);
        foreach (var expected in Directory.GetFiles(Fixture.Path("importing", "records")))
            Assert.Equal(File.ReadAllBytes(expected), File.ReadAllBytes(_temp["records/" + Path.GetFileName(expected)]));
    }

    [Fact]
    public void Init_writes_a_site_that_builds()
    {
        var (code, _, stderr) = Run("init", "--flavor", "hugo");
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.True(File.Exists(_temp["hotpapers.yml"]));
        File.Copy(Path.Combine(Sample, "2021-04-30.json"), _temp["hotpapers/records/2021-04-30.json"]);
        (code, var stdout, stderr) = Run("build", "--date", "2021-04-30");
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Contains("created", stdout);
    }

    [Fact]
    public void Usage_errors_exit_2_and_help_exits_0()
    {
        var (code, _, stderr) = Run("build", "--date", "2021-02-30");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("2021-02-30", stderr);
        (code, var stdout, _) = Run("build", "--help");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("--no-cache", stdout);
    }
}
