using System.Diagnostics;
using System.Globalization;

namespace HotPapers.Benchmarks;

/// <summary>
/// <c>measure -- PROGRAM ARGS...</c> (hidden): runs one program and prints
/// <c>wall_ms rss_kb exit_code rss_source user_ms sys_ms steal_ms</c> as its last line (the CPU time is
/// exact: the program is this process's only child; the steal time is the whole machine's, see
/// <see cref="StealMs"/>). .NET's Process class reaps its children
/// itself, so a parent cannot wait4() for a child's rusage; but getrusage(RUSAGE_CHILDREN) of a process
/// whose only child was that program is the program's peak RSS. The bench therefore runs each measured
/// program under this wrapper.
/// </summary>
/// <remarks>
/// One catch: Linux counts in a child's ru_maxrss the high-water RSS of the address space it had before
/// exec, which for a child of .NET's vfork is this wrapper's (about 25 MB). A reading above the wrapper's
/// own high-water mark can only be the program's (<c>rusage</c>); a program that stays below it gets the
/// largest VmHWM of its own address space seen by polling /proc/PID/status (<c>sampled</c>, a lower bound
/// that misses at most the last few milliseconds).
/// </remarks>
internal static class MeasureCommand
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(2);

    public static int Run(IReadOnlyList<string> args)
    {
        // --no-sample: no /proc polling thread, whose wake-ups on a 2-core machine add milliseconds to a short run.
        var sample = !(args.Count > 0 && args[0] == "--no-sample");
        if (!sample) args = [.. args.Skip(1)];
        var rest = args.Count > 0 && args[0] == "--" ? args.Skip(1).ToArray() : [.. args];
        if (rest.Length == 0) throw new UsageException("measure needs -- PROGRAM [ARGS...]");
        // The child writes straight into this wrapper's stdout and stderr (pipes the bench reads): relaying
        // them through pipes of our own would put this wrapper's reader threads in the child's time.
        var start = new ProcessStartInfo(rest[0]) { UseShellExecute = false };
        foreach (var arg in rest.Skip(1)) start.ArgumentList.Add(arg);

        // The poller runs (and its code is compiled) before the child starts: a short program would
        // otherwise be gone before the first sample.
        HighWaterKb("/proc/self/status");
        var sampled = 0L;
        var pid = 0;
        var exited = 0;
        var poller = new Thread(() =>
        {
            while (Volatile.Read(ref exited) == 0)
            {
                if (Volatile.Read(ref pid) is var p and > 0 && HighWaterKb($"/proc/{p}/status") is { } kb && kb > sampled) sampled = kb;
                Thread.Sleep(PollEvery);
            }
        }) { IsBackground = true };
        if (sample) poller.Start();

        var stealBefore = StealMs();
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {rest[0]}");
        Volatile.Write(ref pid, child.Id);
        child.WaitForExit();
        var wall = clock.Elapsed;
        var steal = StealMs() - stealBefore;
        Volatile.Write(ref exited, 1);
        if (sample) poller.Join();
        var (rusage, userMs, systemMs) = Libc.ChildrenUsage();
        // Read after the child is gone: the wrapper's mark only grows, so this bounds what the child inherited.
        var own = HighWaterKb("/proc/self/status") ?? long.MaxValue;
        var (rss, source) = rusage > own ? (rusage, "rusage") : sample ? (sampled, "sampled") : (0L, "none");

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{wall.TotalMilliseconds:F3} {rss} {child.ExitCode} {source} {userMs:F0} {systemMs:F0} {steal:F0}"));
        return 0;
    }

    /// <summary>
    /// Runs a shell loop under the wrapper, as every measured program runs, and fails the bench unless the
    /// figures are those of such a loop: the check that the rusage layout, the CPU accounting and the
    /// output relay hold on this machine, before any figure of it is printed.
    /// </summary>
    public static void SelfCheck()
    {
        var run = ChildRun.Measure("sh", ["-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; echo counted"]);
        var cpu = run.UserMs + run.SystemMs;
        // A shell counting to 300,000 takes a good tenth of a second of CPU, nearly all of it its own, not
        // the kernel's; no program uses more CPU than its wall time on every core (the wrapper's own
        // start-up is in neither).
        var sane = run.Stdout == "counted"
            && run.UserMs >= 100 && run.UserMs > run.SystemMs
            && cpu <= run.WallMs * Environment.ProcessorCount + 20
            && run.StealMs >= 0 && run.StealMs <= run.WallMs * Environment.ProcessorCount + 20
            && run.RssKb > 0;
        if (!sane)
        {
            throw new BenchFailure(string.Create(CultureInfo.InvariantCulture,
                $"the measure wrapper's figures for a shell loop are wrong: printed '{run.Stdout}', {run.WallMs:F0} ms wall, {run.UserMs:F0} ms user, {run.SystemMs:F0} ms sys, {run.StealMs:F0} ms stolen, {run.RssKb} KB peak RSS"));
        }
    }

    /// <summary>
    /// The time the hypervisor ran something else while this VM's CPUs wanted to run, all CPUs, from
    /// /proc/stat (in USER_HZ, 1/100 s); 0 where there is none. On a shared host it is what makes the same
    /// work take longer.
    /// </summary>
    private static double StealMs()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return cpu.Length > 8 ? long.Parse(cpu[8], CultureInfo.InvariantCulture) * 10.0 : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>VmHWM of a /proc status file, in KB; null once the process has exited (a zombie has none).</summary>
    private static long? HighWaterKb(string statusFile)
    {
        try
        {
            foreach (var line in File.ReadLines(statusFile))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var value = line["VmHWM:".Length..].Trim();
                return long.Parse(value[..value.IndexOf(' ')], CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }
}
