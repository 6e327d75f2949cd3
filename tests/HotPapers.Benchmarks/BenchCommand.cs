using System.Globalization;
using System.Text.RegularExpressions;
using HotPapers.Benchmarks.Generation;

namespace HotPapers.Benchmarks;

/// <summary>
/// <c>bench</c>: runs the real hotpapers on synthetic back-catalogs and prints a Markdown report: full
/// and unchanged rebuilds per format and catalog size, then the start-to-exit time of a one-day build.
/// </summary>
internal static partial class BenchCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // A one-day build takes milliseconds, and a busy neighbour on a shared machine moves it by as much: more runs.
    private const int StartupRunsPerRepeat = 5;

    public static int Run(IReadOnlyList<string> args)
    {
        var a = new CommandArgs(args, "exe", "aot", "days", "formats", "repeat", "work", "seed", "start");
        var dayCounts = a.List("days", "1,365,3650").Select(d => CommandArgs.ParseInt("days", d)).ToArray();
        var formats = a.List("formats", "records,legacy").Select(CatalogFormats.Parse).ToArray();
        var repeat = a.Int("repeat", 3);
        var work = Path.GetFullPath(a.Value("work") ?? "/tmp/hotpapers-bench");
        var seed = a.Int("seed", CatalogGenerator.DefaultSeed);
        var start = a.Date("start", CatalogGenerator.DefaultStart);
        var root = a.Value("exe") is null || a.Value("aot") is null ? HotPapersTool.RepoRoot() : null;
        var tool = a.Value("exe") is { } exe ? HotPapersTool.FromPath("framework-dependent", exe) : HotPapersTool.DefaultFrameworkDependent(root!);
        var aot = a.Value("aot") is { } aotPath ? HotPapersTool.FromPath("Native AOT", aotPath) : HotPapersTool.DefaultAot(root!);

        // Every build writes into a folder of its own that no earlier run used, and all of them are deleted
        // only when the bench ends: ext4 skips inodes freed in the last minutes when it makes a file, and
        // after deleting a previous run's thousands of posts that search cost seconds of kernel time,
        // which is the bench's doing, not the build's.
        var outputs = Path.Combine(work, "out");
        if (Directory.Exists(outputs)) Directory.Move(outputs, Path.Combine(work, string.Create(Inv, $"trash-{DateTime.UtcNow.Ticks}")));

        var o = Console.Out;
        o.WriteLine("## hotpapers build benchmark");
        o.WriteLine();
        foreach (var (name, value) in MachineInfo.Describe()) o.WriteLine($"- {name}: {value}");
        o.WriteLine($"- hotpapers: {tool.Program} {string.Join(' ', tool.Prefix)}".TrimEnd());
        if (aot is not null) o.WriteLine($"- hotpapers (AOT): {aot.Program}");
        o.WriteLine(string.Create(Inv, $"- catalogs: seed {seed}, from {start:yyyy-MM-dd}, in {work}; {repeat} run(s) per figure"));
        o.WriteLine();
        o.WriteLine("| binary | format | days | scenario | posts | best (s) | median (s) | CPU of best, user + sys (s) | stolen (s) | posts/s | MB of posts | MB/s | written | peak RSS (MB) |");
        o.WriteLine("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
        o.Flush();

        string? firstCatalog = null;
        HotPapersTool[] tools = aot is null ? [tool] : [tool, aot];
        foreach (var format in formats)
        {
            foreach (var days in dayCounts)
            {
                var catalog = Catalog(work, format, days, seed, start);
                firstCatalog ??= catalog;
                foreach (var t in tools)
                {
                    var full = new Timings();
                    var unchanged = new Timings();
                    long posts = 0, bytes = 0;
                    for (var r = 0; r < repeat; r++)
                    {
                        Console.Error.WriteLine($"{t.Label}, {format.Name()} {days} day(s): run {r + 1} of {repeat}");
                        var output = Path.Combine(outputs, $"{t.Label}-{format.Name()}-{days}-run{r + 1}".Replace(' ', '-'));
                        var buildArgs = t.Args("build", "--all", "--records", catalog, "--output", output).ToArray();
                        // Dirty metadata would otherwise be flushed by the build's own sync, on its clock.
                        Libc.Sync();
                        full.Add(ChildRun.Measure(t.Program, buildArgs));
                        (posts, bytes) = PostsIn(output);
                        unchanged.Add(ChildRun.Measure(t.Program, buildArgs));
                    }
                    CheckSummary(full.Last, posts, posts);
                    var rewritten = CheckSummary(unchanged.Last, posts, null);
                    Row(o, t.Label, format, days, "full rebuild", full, posts, bytes, "all");
                    Row(o, t.Label, format, days, "unchanged rebuild", unchanged, posts, bytes, rewritten == 0 ? "nothing" : $"{rewritten} post(s)!");
                    o.Flush();
                }
            }
        }

        o.WriteLine();
        o.WriteLine("MB/s is the size of the posts the build covers over its wall time; an unchanged rebuild writes none of them.");
        o.WriteLine("Wall time is from process start to exit, measured by a wrapper whose only child is hotpapers; peak RSS is that child's");
        o.WriteLine("(getrusage; `~`: below the wrapper's own RSS, which Linux folds into the child's, so sampled from /proc instead).");
        o.WriteLine("CPU is the best run's user and kernel time, all threads; stolen is the CPU time the hypervisor gave others while it ran");
        o.WriteLine("(/proc/stat steal, all CPUs): on a shared VM, a slow run with time stolen or more user time had a busier host.");
        o.WriteLine();
        StartupTable(o, tools, firstCatalog!, start, outputs, repeat);
        foreach (var old in Directory.EnumerateDirectories(work, "trash-*").Append(outputs)) Directory.Delete(old, recursive: true);
        return 0;
    }

    private static void StartupTable(TextWriter o, IReadOnlyList<HotPapersTool> tools, string catalog, DateOnly day, string outputs, int repeat)
    {
        var date = day.ToString("yyyy-MM-dd", Inv);
        o.WriteLine($"Single-day build, `build --date {date} --records DIR --output OUT` into an empty OUT, process start to exit:");
        o.WriteLine();
        o.WriteLine("| binary | best (ms) | median (ms) | peak RSS (MB) |");
        o.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var t in tools)
        {
            string[] Args(int run) => [.. t.Args("build", "--date", date, "--records", catalog, "--output", Path.Combine(outputs, $"one-day-{t.Label}-{run}"))];
            // One untimed run first, so the binary and the runtime are in the page cache for every timed one;
            // it samples the peak RSS, the timed ones do not (the sampling thread would be in their time).
            Libc.Sync();
            var timings = new Timings();
            timings.AddForRss(ChildRun.Measure(t.Program, Args(0)));
            for (var r = 1; r <= repeat * StartupRunsPerRepeat; r++)
            {
                Libc.Sync();
                timings.Add(ChildRun.Measure(t.Program, Args(r), sample: false));
            }
            o.WriteLine(string.Create(Inv, $"| {t.Label} | {timings.BestMs:F1} | {timings.MedianMs:F1} | {timings.PeakRss} |"));
            o.Flush();
        }
    }

    private static void Row(TextWriter o, string binary, CatalogFormat format, int days, string scenario, Timings t, long posts, long bytes, string written)
    {
        var seconds = t.BestMs / 1000;
        var mb = bytes / 1e6;
        o.WriteLine(string.Create(Inv,
            $"| {binary} | {format.Name()} | {days} | {scenario} | {posts} | {seconds:F3} | {t.MedianMs / 1000:F3} | {t.Best.UserMs / 1000:F2} + {t.Best.SystemMs / 1000:F2} | {t.Best.StealMs / 1000:F2} | {posts / seconds:F0} | {mb:F2} | {mb / seconds:F2} | {written} | {t.PeakRss} |"));
    }

    /// <summary>The catalog's folder, generated (and flushed to disk) unless a complete one is there already.</summary>
    private static string Catalog(string work, CatalogFormat format, int days, int seed, DateOnly start)
    {
        var name = string.Create(Inv, $"{format.Name()}-{days}d-seed{seed}-{start:yyyyMMdd}-g{CatalogGenerator.Version}");
        var dir = Path.Combine(work, "catalogs", name);
        // The marker sits beside the folder, not in it: the build reads every *.json in the folder.
        var done = dir + ".complete";
        if (File.Exists(done) && Directory.Exists(dir)) return dir;
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Console.Error.WriteLine($"generating {name}");
        CatalogGenerator.Generate(dir, format, days, seed, start);
        Libc.Sync();
        File.WriteAllText(done, "");
        return dir;
    }

    private static (long Posts, long Bytes) PostsIn(string output)
    {
        long posts = 0, bytes = 0;
        foreach (var file in new DirectoryInfo(output).EnumerateFiles("*.md"))
        {
            posts++;
            bytes += file.Length;
        }
        return (posts, bytes);
    }

    /// <summary>Checks hotpapers' closing line against the posts found; returns how many it wrote.</summary>
    private static long CheckSummary(ChildRun run, long posts, long? expectedWritten)
    {
        var m = SummaryPattern().Match(run.Stdout);
        if (!m.Success) throw new BenchFailure($"hotpapers printed no summary line:\n{run.Stdout}");
        var total = long.Parse(m.Groups[1].Value, Inv);
        var written = long.Parse(m.Groups[2].Value, Inv);
        if (total != posts) throw new BenchFailure($"hotpapers reported {total} post(s) but the output holds {posts}:\n{run.Stdout}");
        if (expectedWritten is { } e && written != e) throw new BenchFailure($"hotpapers wrote {written} post(s), expected {e}:\n{run.Stdout}");
        return written;
    }

    [GeneratedRegex(@"^(\d+) post\(s\): (\d+) written", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SummaryPattern();
}
