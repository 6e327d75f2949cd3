using System.Globalization;
using HotPapers.TestData;

namespace HotPapers.Benchmarks;

/// <summary>
/// <c>compare</c>: a full rebuild of crawler-format catalogs by hotpapers (framework-dependent, and Native AOT
/// when there is one) and by the old generator's script, interleaved in one run (A B C A B C ...) so that a
/// busy host slows all of them alike, and the script's time over each binary's.
/// </summary>
internal static class CompareCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private const double RssTargetMb = 200;

    /// <summary>One program the comparison times: how to start it on a catalog, and whether it prints hotpapers' summary.</summary>
    private sealed record Contender(string Label, string Program, Func<string, string, IEnumerable<string>> Args, bool IsScript);

    /// <summary>Issue 13's targets: how many times faster than the script each binary should rebuild each catalog.</summary>
    private static double? Target(CatalogFormat format, bool aot) => format switch
    {
        CatalogFormat.Lean => aot ? 2 : 1.5,
        CatalogFormat.Legacy => aot ? 3 : 2,
        _ => null,
    };

    public static int Run(IReadOnlyList<string> args)
    {
        var a = new CommandArgs(args, "exe", "aot", "also", "oldgen", "days", "formats", "repeat", "work", "seed", "start");
        var dayCounts = a.List("days", "3650").Select(d => CommandArgs.ParseInt("days", d)).ToArray();
        var formats = a.List("formats", "lean,legacy").Select(Catalogs.ParseFormat).ToArray();
        if (formats.Contains(CatalogFormat.Records)) throw new UsageException("compare takes the crawler formats (lean, legacy) only: the script reads no other");
        var repeat = a.Int("repeat", 5);
        var work = Path.GetFullPath(a.Value("work") ?? "/tmp/hotpapers-bench");
        var seed = a.Int("seed", CatalogGenerator.DefaultSeed);
        var start = a.Date("start", CatalogGenerator.DefaultStart);
        var root = a.Value("exe") is null || a.Value("aot") is null || a.Value("oldgen") is null ? HotPapersTool.RepoRoot() : null;
        var tool = a.Value("exe") is { } exe ? HotPapersTool.FromPath("framework-dependent", exe) : HotPapersTool.DefaultFrameworkDependent(root!);
        var aot = a.Value("aot") is { } aotPath ? HotPapersTool.FromPath("Native AOT", aotPath) : HotPapersTool.DefaultAot(root!);
        var scriptPath = Path.GetFullPath(a.Value("oldgen") ?? OldGenerator.DefaultPath(root!));
        var script = OldGenerator.At(scriptPath);
        if (script is null && a.Value("oldgen") is not null) throw new BenchFailure($"no script at {scriptPath}");
        MeasureCommand.SelfCheck();

        var contenders = new List<Contender>();
        HotPapersTool[] tools = aot is null ? [tool] : [tool, aot];
        // Other builds timed in the same rounds, e.g. those of the code before a change: LABEL=PATH,...; no target.
        var also = (a.Value("also") is { } list ? list.Split(',', StringSplitOptions.RemoveEmptyEntries) : []).Select(item =>
        {
            var at = item.IndexOf('=');
            if (at <= 0) throw new UsageException($"--also takes LABEL=PATH,...: '{item}'");
            return HotPapersTool.FromPath(item[..at], item[(at + 1)..]);
        }).ToArray();
        foreach (var t in tools.Concat(also))
            contenders.Add(new(t.Label, t.Program, (records, output) => t.Args("build", "--all", "--records", records, "--output", output), false));
        if (script is not null) contenders.Add(new(script.Label, OldGenerator.Python, script.Args, true));

        var o = Console.Out;
        o.WriteLine("## Full rebuild: hotpapers beside the old generator's script");
        o.WriteLine();
        foreach (var (name, value) in MachineInfo.Describe()) o.WriteLine($"- {name}: {value}");
        o.WriteLine($"- hotpapers: {tool.Program} {string.Join(' ', tool.Prefix)}".TrimEnd());
        if (aot is not null) o.WriteLine($"- hotpapers (AOT): {aot.Program}");
        foreach (var t in also) o.WriteLine($"- {t.Label}: {t.Program}");
        o.WriteLine(script is null
            ? $"- oldgen.py: not found at {scriptPath} (`../shared/bench/` beside the repository; or pass --oldgen PATH): its rows and the ratios are skipped"
            : $"- oldgen.py: {OldGenerator.Python} {script.Script} ({script.PythonVersion})");
        o.WriteLine(string.Create(Inv, $"- catalogs: seed {seed}, from {start:yyyy-MM-dd}, in {work}; one untimed warm-up round, then {repeat} timed round(s), the programs interleaved in each"));
        o.WriteLine();
        o.WriteLine("| catalog | days | program | posts | MB of posts | best (s) | median (s) | CPU of best, user + sys (s) | stolen (s) | peak RSS (MB) | script ÷ this, best | script ÷ this, median | script ÷ this, median CPU | target |");
        o.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        o.Flush();

        var outputs = new Outputs(work);
        foreach (var format in formats)
        {
            foreach (var days in dayCounts)
            {
                var catalog = Catalogs.Get(work, format, days, seed, start);
                var files = Directory.GetFiles(catalog, "*.json").Length;
                var timings = contenders.Select(_ => new Timings()).ToArray();
                var bytes = new long[contenders.Count];
                // Round 0 is a warm-up: every program and the catalog in the page cache before any timed run.
                for (var round = 0; round <= repeat; round++)
                {
                    for (var i = 0; i < contenders.Count; i++)
                    {
                        var c = contenders[i];
                        var run = round == 0 ? "warm-up" : $"run{round}";
                        Console.Error.WriteLine($"{c.Label}, {format.Name()} {days} day(s): {(round == 0 ? "warm-up" : $"run {round} of {repeat}")}");
                        var output = outputs.For($"{c.Label}-{format.Name()}-{days}-{run}");
                        // Dirty pages of the previous run (the script writes without syncing) would otherwise be flushed on this run's clock.
                        Libc.Sync();
                        var measured = ChildRun.Measure(c.Program, c.Args(catalog, output));
                        var (posts, size) = Outputs.PostsIn(output);
                        if (posts != files) throw new BenchFailure($"{c.Label} wrote {posts} post(s) for the {files} records file(s) in {catalog}");
                        if (!c.IsScript) Outputs.CheckSummary(measured, posts, posts);
                        if (round == 0) timings[i].AddForRss(measured);
                        else timings[i].Add(measured);
                        bytes[i] = size;
                    }
                }
                var baseline = script is null ? null : timings[^1];
                for (var i = 0; i < contenders.Count; i++)
                    Row(o, format, days, contenders[i], timings[i], files, bytes[i], baseline, aot is not null && contenders[i].Label == aot.Label,
                        hasTarget: i < tools.Length);
                o.Flush();
            }
        }

        o.WriteLine();
        o.WriteLine("Every program rebuilds every day of the catalog into an empty folder of its own; hotpapers also makes each post durable");
        o.WriteLine("(syncfs), the script does not. Wall time is from process start to exit, measured by a wrapper whose only child is the");
        o.WriteLine("program; peak RSS is that child's, warm-up included. The target column is issue 13's, judged on the median wall-time");
        o.WriteLine("ratio. CPU is user + kernel time, all threads: other work on a busy machine makes a run wait for a CPU, which adds to its");
        o.WriteLine("wall time but not to its CPU time (it does not count the wait for the disk that hotpapers' syncfs adds either).");
        outputs.DeleteAll();
        return 0;
    }

    private static void Row(TextWriter o, CatalogFormat format, int days, Contender c, Timings t, int posts, long bytes, Timings? script, bool aot, bool hasTarget)
    {
        string best = "n/a", median = "n/a", cpu = "n/a", target = "";
        if (script is not null && !c.IsScript)
        {
            var bestRatio = script.BestMs / t.BestMs;
            var medianRatio = script.MedianMs / t.MedianMs;
            best = string.Create(Inv, $"{bestRatio:F2}×");
            median = string.Create(Inv, $"{medianRatio:F2}×");
            cpu = string.Create(Inv, $"{script.MedianCpuMs / t.MedianCpuMs:F2}×");
            if (hasTarget && Target(format, aot) is { } goal)
            {
                var met = medianRatio >= goal && t.PeakRssKb / 1024.0 < RssTargetMb;
                target = string.Create(Inv, $"≥ {goal}× and < {RssTargetMb} MB: {(met ? "met" : "not met")}");
            }
        }
        else if (c.IsScript)
        {
            best = median = cpu = "—";
        }
        o.WriteLine(string.Create(Inv,
            $"| {format.Name()} | {days} | {c.Label} | {posts} | {bytes / 1e6:F2} | {t.BestMs / 1000:F3} | {t.MedianMs / 1000:F3} | {t.Best.UserMs / 1000:F2} + {t.Best.SystemMs / 1000:F2} | {t.Best.StealMs / 1000:F2} | {t.PeakRss} | {best} | {median} | {cpu} | {target} |"));
    }
}
