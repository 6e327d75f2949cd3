using System.Diagnostics;
using System.Globalization;
using HotPapers.TestData;

namespace HotPapers.Benchmarks;

/// <summary>
/// <c>site-vs-hugo</c> (issue 19.8): the HTML site of a catalog built by <c>hotpapers site</c>, beside Debian's
/// <c>hugo</c> building the same digests' Hugo-flavor posts (written by <c>hotpapers build --flavor hugo</c>
/// beforehand, untimed) with a theme-less layout of three templates and <c>--buildFuture</c>, so that every
/// digest is a page; the framework-dependent tool and, when it has been published, the Native AOT binary.
/// Interleaved in one run (site, AOT site, hugo, site ...) so that a busy host slows all alike; digest pages
/// per second of wall time for each, and each site build's peak RSS.
/// </summary>
internal static class SiteVsHugoCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private const double SpeedTarget = 10;
    private const double RssTargetMb = 200;

    public static int Run(IReadOnlyList<string> args)
    {
        var a = new CommandArgs(args, "exe", "aot", "hugo", "days", "repeat", "work", "seed", "start");
        var days = a.Int("days", 3650);
        var repeat = a.Int("repeat", 3);
        var work = Path.GetFullPath(a.Value("work") ?? "/tmp/hotpapers-bench");
        var seed = a.Int("seed", CatalogGenerator.DefaultSeed);
        var start = a.Date("start", CatalogGenerator.DefaultStart);
        var root = a.Value("exe") is null || a.Value("aot") is null ? HotPapersTool.RepoRoot() : null;
        var tool = a.Value("exe") is { } exe ? HotPapersTool.FromPath("framework-dependent", exe) : HotPapersTool.DefaultFrameworkDependent(root!);
        var aot = a.Value("aot") is { } aotPath ? HotPapersTool.FromPath("Native AOT", aotPath) : HotPapersTool.DefaultAot(root!);
        HotPapersTool[] tools = aot is null ? [tool] : [tool, aot];
        var hugo = a.Value("hugo") ?? "hugo";
        var hugoVersion = Version(hugo);
        MeasureCommand.SelfCheck();

        var catalog = Catalogs.Get(work, CatalogFormat.Records, days, seed, start);
        var site = PrepareHugoSite(work, tool, catalog, days);

        var o = Console.Out;
        o.WriteLine("## The HTML site beside Hugo");
        o.WriteLine();
        foreach (var (name, value) in MachineInfo.Describe()) o.WriteLine($"- {name}: {value}");
        o.WriteLine($"- hotpapers: {tool.Program} {string.Join(' ', tool.Prefix)}".TrimEnd());
        o.WriteLine(aot is null
            ? "- hotpapers (AOT): not published (dotnet publish src/HotPapers.Cli -c Release -r linux-x64 -p:PublishAot=true -o artifacts/aot, or --aot PATH): its row is skipped"
            : $"- hotpapers (AOT): {aot.Program}");
        o.WriteLine($"- hugo: {hugoVersion}");
        o.WriteLine(string.Create(Inv, $"- catalog: {days} days, seed {seed}, from {start:yyyy-MM-dd}, in {work}; one untimed warm-up round, then {repeat} timed round(s), the programs interleaved in each"));
        o.WriteLine();
        o.Flush();

        var outputs = new Outputs(work);
        var siteTimes = tools.Select(_ => new Timings()).ToArray();
        var hugoTimes = new Timings();
        for (var round = 0; round <= repeat; round++)
        {
            var run = round == 0 ? "warm-up" : $"run{round}";
            Console.Error.WriteLine($"site and hugo, {days} day(s): {(round == 0 ? "warm-up" : $"run {round} of {repeat}")}");

            for (var t = 0; t < tools.Length; t++)
            {
                var siteOut = outputs.For($"site-{t}-{days}-{run}");
                Libc.Sync();
                var siteRun = ChildRun.Measure(tools[t].Program, tools[t].Args("site", "--records", catalog, "--output", siteOut, "--base-url", "https://example.org/papers/"));
                var sitePages = DigestPages(siteOut, Path.Combine("????", "??", "??", "index.html"));
                if (sitePages != days) throw new BenchFailure($"hotpapers site ({tools[t].Label}) wrote {sitePages} digest page(s) for {days} day(s) into {siteOut}");
                if (round == 0) siteTimes[t].AddForRss(siteRun); else siteTimes[t].Add(siteRun);
            }

            var hugoOut = outputs.For($"hugo-{days}-{run}");
            Libc.Sync();
            var hugoRun = ChildRun.Measure(hugo, ["--source", site, "--destination", hugoOut, "--buildFuture", "--quiet"]);
            var hugoPages = DigestPages(hugoOut, Path.Combine("posts", "*", "index.html"));
            if (hugoPages != days) throw new BenchFailure($"hugo wrote {hugoPages} digest page(s) for {days} day(s) into {hugoOut}");
            if (round == 0) hugoTimes.AddForRss(hugoRun); else hugoTimes.Add(hugoRun);
        }

        o.WriteLine("| program | digest pages | best (s) | median (s) | CPU of best, user + sys (s) | peak RSS (MB) | digest pages/s, median | ÷ hugo's pages/s |");
        o.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var hugoRate = days / (hugoTimes.MedianMs / 1000);
        var verdicts = new List<string>();
        for (var t = 0; t < tools.Length; t++)
        {
            var siteRate = days / (siteTimes[t].MedianMs / 1000);
            Row(o, $"hotpapers site, {tools[t].Label}", days, siteTimes[t], siteRate, string.Create(Inv, $"{siteRate / hugoRate:F2}×"));
            var met = siteRate / hugoRate >= SpeedTarget && siteTimes[t].PeakRssKb / 1024.0 < RssTargetMb;
            verdicts.Add($"{tools[t].Label} {(met ? "met" : "not met")}");
        }
        Row(o, "hugo", days, hugoTimes, hugoRate, "—");
        o.WriteLine();
        o.WriteLine(string.Create(Inv, $"Target (issue 19): ≥ {SpeedTarget}× hugo's digest pages per second and < {RssTargetMb} MB peak RSS: {string.Join(", ", verdicts)}."));
        o.WriteLine();
        o.WriteLine("hotpapers site writes every page of the site (digests, home and its pages, months, archive, categories and their");
        o.WriteLine("pages, about, 404, feeds, sitemap); hugo renders the posts hotpapers build wrote for it with a baseof, single and list");
        o.WriteLine("layout and no theme, taxonomies, RSS, sitemap or 404 (as the Hugo tests' site). Only the digest pages are counted,");
        o.WriteLine("for both, over each run's wall time, from process start to exit; peak RSS is the child's, warm-up included.");
        outputs.DeleteAll();
        return 0;
    }

    private static void Row(TextWriter o, string label, int pages, Timings t, double rate, string ratio) => o.WriteLine(string.Create(Inv,
        $"| {label} | {pages} | {t.BestMs / 1000:F3} | {t.MedianMs / 1000:F3} | {t.Best.UserMs / 1000:F2} + {t.Best.SystemMs / 1000:F2} | {t.PeakRss} | {rate:F0} | {ratio} |"));

    // The digest pages a run wrote: the index.html files at the pattern's depth.
    private static int DigestPages(string output, string pattern)
    {
        var parts = pattern.Split(Path.DirectorySeparatorChar);
        IEnumerable<string> folders = [output];
        foreach (var part in parts[..^1]) folders = folders.SelectMany(f => Directory.Exists(f) ? Directory.EnumerateDirectories(f, part) : []);
        return folders.Count(f => File.Exists(Path.Combine(f, parts[^1])));
    }

    /// <summary>A Hugo site under WORK/hugo-site holding the catalog's posts, as init scaffolds it, with the three layouts.</summary>
    private static string PrepareHugoSite(string work, HotPapersTool tool, string catalog, int days)
    {
        var site = Path.Combine(work, $"hugo-site-{Path.GetFileName(catalog)}");
        var done = site + ".complete";
        if (File.Exists(done) && Directory.Exists(site)) return site;
        if (Directory.Exists(site)) Directory.Delete(site, recursive: true);
        Directory.CreateDirectory(site);
        Console.Error.WriteLine($"writing the catalog's Hugo posts into {site} (untimed)");
        Untimed(tool, "init", "--flavor", "hugo", site);
        File.WriteAllText(Path.Combine(site, "hugo.toml"), """
            baseURL = "https://example.org/"
            title = "Bench"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]

            """);
        var layouts = Path.Combine(site, "layouts", "_default");
        Directory.CreateDirectory(layouts);
        File.WriteAllText(Path.Combine(layouts, "baseof.html"), "<!DOCTYPE html>\n<html><head><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n");
        File.WriteAllText(Path.Combine(layouts, "single.html"), "{{ define \"main\" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}\n");
        File.WriteAllText(Path.Combine(layouts, "list.html"), "{{ define \"main\" }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n");
        Untimed(tool, "build", "--all", "--flavor", "hugo", "--records", catalog, "--output", Path.Combine(site, "content", "posts"), "--config", Path.Combine(site, "hotpapers.yml"));
        var posts = Directory.GetFiles(Path.Combine(site, "content", "posts"), "*.md").Length;
        if (posts != days) throw new BenchFailure($"hotpapers build wrote {posts} Hugo post(s) for {days} day(s)");
        Libc.Sync();
        File.WriteAllText(done, "");
        return site;
    }

    private static void Untimed(HotPapersTool tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool.Program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in tool.Args(args)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new BenchFailure($"hotpapers {string.Join(' ', args)} failed ({process.ExitCode}):\n{stderr.Result}");
    }

    private static string Version(string hugo)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(hugo, "version") { UseShellExecute = false, RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BenchFailure($"{hugo} cannot be started ({e.Message}): apt-get install hugo, or pass --hugo PATH");
        }
    }
}
