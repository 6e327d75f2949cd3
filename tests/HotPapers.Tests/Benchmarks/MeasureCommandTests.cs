using HotPapers.Benchmarks;

namespace HotPapers.Tests.Benchmarks;

/// <summary>
/// The wrapper the bench runs every measured program under, run as the bench runs it (its own process,
/// so that the children it counts are the program alone): the figures of its last line, read as the
/// bench reads them.
/// </summary>
[Trait(Speed.Key, Speed.Slow)]
public sealed class MeasureCommandTests
{
    private static (int Code, string Stdout, string Stderr) Measure(params string[] program) =>
        Processes.Run(AppContext.BaseDirectory, Processes.Dotnet,
            [Path.Combine(AppContext.BaseDirectory, "HotPapers.Benchmarks.dll"), "measure", "--", .. program]);

    [Fact]
    public void A_program_that_keeps_a_cpu_busy_shows_that_cpu_time_and_its_peak_rss()
    {
        var (code, stdout, stderr) = Measure("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; echo counted");
        Assert.True(code == 0, stderr);
        var run = ChildRun.Parse(stdout, stderr, "sh");
        Assert.Equal("counted", run.Stdout);
        var cpu = run.UserMs + run.SystemMs;
        // A shell counting to 300,000 takes a good tenth of a second of CPU, nearly all of it its own, not
        // the kernel's; no program uses more CPU than its wall time on every core (the wrapper's own
        // start-up is in neither).
        Assert.True(run.UserMs >= 100 && run.UserMs > run.SystemMs, $"{run.UserMs} ms user, {run.SystemMs} ms sys");
        Assert.True(cpu <= run.WallMs * Environment.ProcessorCount + 20, $"{cpu} ms of CPU in {run.WallMs} ms");
        Assert.InRange(run.StealMs, 0, run.WallMs * Environment.ProcessorCount + 20);
        Assert.True(run.RssKb > 0);
    }

    [Fact]
    public void A_program_that_fails_fails_the_bench_with_its_exit_code_and_output()
    {
        var (code, stdout, stderr) = Measure("sh", "-c", "echo broken >&2; exit 3");
        Assert.True(code == 0, stderr);
        var failure = Assert.Throws<BenchFailure>(() => ChildRun.Parse(stdout, stderr, "sh"));
        Assert.Contains("exited 3", failure.Message);
        Assert.Contains("broken", failure.Message);
    }
}
