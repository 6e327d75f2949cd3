using System.Diagnostics;
using HotPapers.Building;
using HotPapers.Output;
using HotPapers.Safety;
using HotPapers.Settings;
using HotPapers.Tests.Collecting;
using Xunit.Abstractions;

namespace HotPapers.Tests.Safety;

/// <summary>
/// The real CLI (hotpapers.dll beside the tests) as child processes: killed with SIGKILL at random
/// moments of a build --all over a few hundred digests, two at once on one folder, and against a held lock.
/// </summary>
[Trait(Speed.Key, Speed.Slow)]
[Collection(nameof(CrashTests))] // keeps these process-heavy tests away from each other
public sealed class CrashTests(ITestOutputHelper log) : IDisposable
{
    private const int Digests = 300;
    private const int Kills = 30;

    private readonly TempDir _temp = Fixture.TempDir();

    public void Dispose() => _temp.Dispose();

    // Two versions of the same digests: each post's old and new bytes differ.
    private (string A, string B) MakeRecords()
    {
        foreach (var (variant, text) in new[] { ("A", "old text"), ("B", "new text") })
        {
            var dir = _temp["records" + variant];
            Directory.CreateDirectory(dir);
            for (var i = 0; i < Digests; i++)
            {
                var day = new DateOnly(2019, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                File.WriteAllText(Path.Combine(dir, day + ".json"), SampleRecords.Daily(text: $"{text} {i}", summary: new string('x', 2000) + i)
                    .Replace("\"2021-04-30\"", $"\"{day}\""));
            }
        }
        return (_temp["recordsA"], _temp["recordsB"]);
    }

    private Dictionary<string, byte[]> Expected(string records)
    {
        var output = _temp["expected-" + Path.GetFileName(records)];
        new PostBuilder(BuildSettings.Default with { RecordsPath = records, OutputDirectory = output }).Build(new BuildRequest.All());
        return Directory.EnumerateFiles(output, "*.md").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
    }

    private static Process Start(string records, string output) => StartCli("build", "--all", "--records", records, "--output", output);

    // The tool under test: hotpapers.dll, or the Native AOT binary that CI names for the end-to-end run.
    private static Process StartCli(params string[] args) => Processes.StartHotpapers(Environment.CurrentDirectory, args);

    private static (int Code, string Stdout, string Stderr) RunToEnd(string records, string output) =>
        RunToEnd(StartCli("build", "--all", "--records", records, "--output", output));

    private static (int Code, string Stdout, string Stderr) RunToEnd(Process started)
    {
        using var p = started;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void A_build_killed_at_random_moments_leaves_every_post_whole_and_the_next_run_cleans_up()
    {
        var (a, b) = MakeRecords();
        var old = Expected(a);
        var @new = Expected(b);
        var output = _temp["posts"];
        var watch = Stopwatch.StartNew();
        Assert.Equal(0, RunToEnd(a, output).Code);
        var full = (int)Math.Max(200, watch.ElapsedMilliseconds);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        log.WriteLine($"{Digests} digests, a full build takes {full} ms; {Kills} kills, seed {seed}");

        var tornOrLost = new List<string>();
        var killedWhileWriting = 0;
        for (var k = 0; k < Kills; k++)
        {
            using var p = Start(k % 2 == 0 ? b : a, output);
            Thread.Sleep(random.Next(0, full));
            p.Kill(entireProcessTree: true); // SIGKILL on Linux
            p.WaitForExit();
            var manifest = PostManifest.Load(output);
            var mixed = 0;
            foreach (var (name, oldBytes) in old)
            {
                var path = Path.Combine(output, name);
                var bytes = File.ReadAllBytes(path);
                var isOld = bytes.AsSpan().SequenceEqual(oldBytes);
                if (!isOld && !bytes.AsSpan().SequenceEqual(@new[name])) tornOrLost.Add($"kill {k}: {name} is neither version");
                if (manifest.IsEditedByHand(path, oldBytes) || manifest.IsEditedByHand(path, @new[name]))
                    tornOrLost.Add($"kill {k}: {name} looks hand-edited to the next run");
                mixed += isOld ? 1 : 0;
            }
            if (mixed is > 0 and < Digests) killedWhileWriting++;
        }
        log.WriteLine($"{killedWhileWriting} of {Kills} kills landed while posts were being replaced");
        Assert.Empty(tornOrLost);

        var (code, _, stderr) = RunToEnd(b, output);
        Assert.True(code == 0, stderr);
        Assert.Empty(Directory.EnumerateFiles(output, "*" + PostWriter.TempSuffix));
        foreach (var (name, bytes) in @new) Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(output, name)));
    }

    // Found by review: no test killed a build --all --prune. Each run here deletes the posts of the other file name;
    // after every kill, each post there is whole, and each is one the manifest names as written (a post deleted while
    // the manifest still lists it is no harm; a post of hotpapers' that no manifest names would never be found stale).
    [Fact]
    public void A_build_that_prunes_killed_at_random_moments_leaves_every_post_whole_and_named()
    {
        var (a, _) = MakeRecords();
        var bytes = Expected(a).ToDictionary(e => e.Key[..10], e => e.Value);
        var output = _temp["posts"];
        string[] patterns = ["{date}---Hot-Papers.md", "{date}/index.md"];
        var configs = patterns.Select((pattern, i) =>
        {
            var config = _temp[$"names{i}.yml"];
            File.WriteAllText(config, $"fileName: \"{pattern}\"\n");
            return config;
        }).ToArray();
        string[] Args(int i) => ["build", "--all", "--prune", "--config", configs[i], "--records", a, "--output", output];
        var watch = Stopwatch.StartNew();
        Assert.Equal(0, RunToEnd(StartCli(Args(0))).Code);
        var full = (int)Math.Max(200, watch.ElapsedMilliseconds);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        log.WriteLine($"{Digests} digests, a full build takes {full} ms; {Kills} kills, seed {seed}");

        var wrong = new List<string>();
        for (var k = 0; k < Kills; k++)
        {
            using (var p = StartCli(Args((k + 1) % 2)))
            {
                Thread.Sleep(random.Next(0, full + full / 2));
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
            }
            var manifest = PostManifest.Load(output);
            foreach (var post in Directory.EnumerateFiles(output, "*.md", SearchOption.AllDirectories))
            {
                var key = Path.GetRelativePath(output, post).Replace('\\', '/');
                var day = key[..10];
                if (!File.ReadAllBytes(post).AsSpan().SequenceEqual(bytes[day])) wrong.Add($"kill {k}: {key} is not the post of {day}");
                if (!manifest.Accepts(post, PostManifest.Hash(File.ReadAllBytes(post)))) wrong.Add($"kill {k}: {key} is not in the manifest as written");
            }
        }
        Assert.Empty(wrong);

        // Run to the end, each name's build leaves its posts alone, and a check finds the folder current.
        var (code, _, stderr) = RunToEnd(StartCli(Args(1)));
        Assert.True(code == 0, stderr);
        Assert.Empty(Directory.EnumerateFiles(output, "*---Hot-Papers.md"));
        Assert.Equal(Digests, Directory.EnumerateFiles(output, "index.md", SearchOption.AllDirectories).Count());
        Assert.Equal(0, RunToEnd(StartCli("build", "--all", "--check", "--config", configs[1], "--records", a, "--output", output)).Code);
    }

    // Found by an adversarial test: a killed import left its half-written records files for ever.
    [Fact]
    public void An_import_killed_at_random_moments_leaves_nothing_half_written_after_the_next_import()
    {
        var (a, _) = MakeRecords();
        Expected(a);
        var posts = _temp["expected-recordsA"];
        var reference = _temp["imported-once"];
        var watch = Stopwatch.StartNew();
        var (code, _, stderr) = RunToEnd(StartCli("import", posts, "--records", reference));
        Assert.True(code == 0, stderr);
        var full = (int)Math.Max(200, watch.ElapsedMilliseconds);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var records = _temp["imported"];
        var leftBehind = 0;
        for (var k = 0; k < 10; k++)
        {
            using (var p = StartCli("import", posts, "--records", records, "--force"))
            {
                Thread.Sleep(random.Next(0, full));
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
            }
            if (Directory.Exists(records)) leftBehind += Directory.EnumerateFiles(records, "*" + PostWriter.TempSuffix).Count();
        }
        log.WriteLine($"an import takes {full} ms; 10 kills (seed {seed}) left {leftBehind} half-written records files");

        (code, _, stderr) = RunToEnd(StartCli("import", posts, "--records", records, "--force"));

        Assert.True(code == 0, stderr);
        Assert.Empty(Directory.EnumerateFiles(records, "*" + PostWriter.TempSuffix));
        foreach (var file in Directory.EnumerateFiles(reference))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(records, Path.GetFileName(file))));
    }

    [Fact]
    public async Task Two_builds_at_once_on_one_folder_corrupt_nothing()
    {
        var (a, b) = MakeRecords();
        var old = Expected(a);
        var @new = Expected(b);
        var output = _temp["posts"];
        for (var round = 0; round < 3; round++)
        {
            using var first = Start(round % 2 == 0 ? a : b, output);
            using var second = Start(round % 2 == 0 ? b : a, output);
            var err1 = first.StandardError.ReadToEndAsync();
            var err2 = second.StandardError.ReadToEndAsync();
            await first.WaitForExitAsync();
            await second.WaitForExitAsync();
            var results = new[] { (first.ExitCode, await err1), (second.ExitCode, await err2) };
            Assert.Contains(results, r => r.ExitCode == 0);
            foreach (var (codeN, err) in results)
            {
                if (codeN != 0) Assert.True(System.Text.RegularExpressions.Regex.IsMatch(err, "another hotpapers build (is writing to|wrote to) this folder"), err);
                Assert.True(codeN is 0 or 1, err);
                Assert.DoesNotContain("   at ", err);
            }
            foreach (var (name, oldBytes) in old)
            {
                var bytes = File.ReadAllBytes(Path.Combine(output, name));
                Assert.True(bytes.AsSpan().SequenceEqual(oldBytes) || bytes.AsSpan().SequenceEqual(@new[name]), name);
            }
            Assert.Empty(Directory.EnumerateFiles(output, "*" + PostWriter.TempSuffix));
        }
    }

    // Found by a new user's trial: Ctrl+C in a long build --all ended the process at once, without a word,
    // leaving hundreds of staged posts (tens of MB) in the posts folder until the next build. Now the build or
    // site stops before its commit, removes what it staged, and says so. The signal is sent once the first
    // file is staged, so that it lands while the pages render; a template that loops half a million times
    // before its text makes each page take tens of milliseconds, so that they render for seconds.
    [SkippableTheory]
    [Trait("Category", "EndToEnd")]
    [InlineData("build", 2, 130)] // SIGINT
    [InlineData("build", 15, 143)] // SIGTERM
    [InlineData("site", 2, 130)]
    [InlineData("site", 15, 143)]
    public async Task A_build_or_site_stopped_by_ctrl_c_while_it_renders_says_so_and_leaves_every_file_as_it_was(string command, int signal, int exitCode)
    {
        Skip.If(OperatingSystem.IsWindows(), "POSIX signals");
        var (a, b) = MakeRecords();
        var output = _temp["out"];
        var first = RunToEnd(StartCli([command, "--records", .. Args(a)]));
        Assert.True(first.Code == 0, first.Stderr);
        var before = FolderSnapshot.Of(output);
        var templates = _temp["templates"];
        Directory.CreateDirectory(templates);
        // The records' two versions differ in the mentions' text: each page shows it.
        File.WriteAllText(Path.Combine(templates, command == "build" ? "post.md.sbn" : "day.html.sbn"),
            "{{ for i in 1..500000 }}{{ end }}{{ for paper in papers }}{{ for mention in paper.mentions }}"
            + (command == "build" ? "{{ md mention.text }}" : "{{ html mention.text }}") + "\n{{ end }}{{ end }}");

        using var p = StartCli([command, "--records", .. Args(b), "--templates", templates]);
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var staged = command == "build" ? output : Path.Combine(output, HotPapers.Site.SiteOutput.StagingFolder);
        var pattern = command == "build" ? "*" + PostWriter.TempSuffix : "*";
        var waited = Stopwatch.StartNew();
        while (!p.HasExited && !(Directory.Exists(staged) && Directory.EnumerateFiles(staged, pattern, SearchOption.AllDirectories).Any()))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"{command} staged nothing in a minute");
            Thread.Sleep(1);
        }
        Assert.True(Processes.Signal(p.Id, signal) == 0, $"{command} ended before the signal: {await stderr}{await stdout}");
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var said = await stderr;
        Assert.True(p.ExitCode == exitCode, $"exit code {p.ExitCode}: {said}{await stdout}");
        Assert.Equal("hotpapers: interrupted before anything was written; every file is as it was\n", said);
        Assert.Equal(before, FolderSnapshot.Of(output));

        string[] Args(string records) => [records, "--output", output, .. command == "build" ? new[] { "--all" } : []];
    }

    // Ctrl+C in a backfill while a source is slow to answer: collect stops at once (not after the source's 30 s and
    // retries), keeps the days it wrote, and names the day it stopped at.
    [SkippableFact]
    [Trait("Category", "EndToEnd")]
    public async Task A_collect_stopped_by_ctrl_c_keeps_the_days_it_wrote_and_says_where_it_stopped()
    {
        Skip.If(OperatingSystem.IsWindows(), "POSIX signals");
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = new LoopbackApi();
        api.On(CollectHarness.HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(CollectHarness.HackerNews, Reply.File("hackernews-empty.json"))
            .On(CollectHarness.ArxivHuggingFaceOnly, Reply.File("arxiv-2021-04-30.xml"))
            .On(CollectHarness.HuggingFaceOn("2021-05-01"), Reply.Hang)
            .On(CollectHarness.HackerNewsFrom(1619827200), Reply.Hang);
        api.OnStall = () => stalled.TrySetResult();
        var blog = _temp["blog"];
        Directory.CreateDirectory(Path.Combine(blog, "content", "records"));
        File.WriteAllText(Path.Combine(blog, "hotpapers.yml"), "timezone: UTC\n" + CollectHarness.CollectSection(api));

        using var p = Processes.StartHotpapers(blog, "collect", "--date", "2021-04-30", "--until", "2021-05-02");
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        await Task.WhenAny(stalled.Task, p.WaitForExitAsync()).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(Processes.Signal(p.Id, 2) == 0, $"collect ended before the signal: {await stderr}{await stdout}");
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var said = await stderr;
        Assert.True(p.ExitCode == 130, $"exit code {p.ExitCode}: {said}{await stdout}");
        Assert.EndsWith("hotpapers: interrupted while collecting 2021-05-01: it and the days after it, to 2021-05-02, were not collected; "
            + "the days above are as listed\n", said.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("created      content/records/2021-04-30.json", await stdout, StringComparison.Ordinal);
        Assert.Equal(["2021-04-30.json"], Directory.EnumerateFiles(Path.Combine(blog, "content", "records"), "*.json").Select(Path.GetFileName));
    }

    [Fact]
    public void A_held_lock_refuses_a_build_with_a_clear_message_and_a_killed_holder_frees_it()
    {
        var (a, _) = MakeRecords();
        var output = _temp["posts"];
        using (OutputLock.Acquire(output))
        {
            var (code, _, stderr) = RunToEnd(a, output);
            Assert.Equal(1, code);
            Assert.Contains($"{output}: another hotpapers build is writing to this folder", stderr);
            Assert.Contains("Nothing was written.", stderr);
            Assert.Empty(Directory.EnumerateFiles(output, "*.md"));
        }

        // A holder killed mid-build: the OS drops its lock at once.
        using (var p = Start(a, output))
        {
            Thread.Sleep(300);
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        using (OutputLock.Acquire(output)) { }
        Assert.Equal(0, RunToEnd(a, output).Code);
    }
}
