using System.Diagnostics;
using System.Globalization;

namespace HotPapers.Benchmarks;

/// <summary>One measured run of a program: its wall time from start to exit, peak RSS, CPU time and output.</summary>
/// <param name="RssExact">False when the peak RSS was sampled (see <see cref="MeasureCommand"/>): then it is a lower bound.</param>
/// <param name="UserMs">CPU time in user mode, all threads.</param>
/// <param name="SystemMs">CPU time in the kernel, all threads.</param>
/// <param name="StealMs">CPU time the hypervisor took from this VM while the program ran, all CPUs.</param>
internal sealed record ChildRun(double WallMs, long RssKb, bool RssExact, double UserMs, double SystemMs, double StealMs, string Stdout, string Stderr)
{
    /// <summary>
    /// Runs <paramref name="program"/> under this tool's <c>measure</c> wrapper (see <see cref="MeasureCommand"/>)
    /// and fails loudly, with the program's stderr, when it exits non-zero or warns.
    /// </summary>
    /// <param name="sample">Poll /proc for the peak RSS of a program that stays below the wrapper's own (see <see cref="MeasureCommand"/>).</param>
    public static ChildRun Measure(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, bool sample = true)
    {
        var start = new ProcessStartInfo(SelfCommand.Program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in SelfCommand.Prefix) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("measure");
        if (!sample) start.ArgumentList.Add("--no-sample");
        start.ArgumentList.Add("--");
        start.ArgumentList.Add(program);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        using var wrapper = Process.Start(start) ?? throw new InvalidOperationException("could not start the measure wrapper");
        var stdoutTask = wrapper.StandardOutput.ReadToEndAsync();
        var stderrTask = wrapper.StandardError.ReadToEndAsync();
        wrapper.WaitForExit();
        var stdout = stdoutTask.GetAwaiter().GetResult();
        var stderr = stderrTask.GetAwaiter().GetResult();
        var command = $"{program} {string.Join(' ', args)}";
        if (wrapper.ExitCode != 0) throw new BenchFailure($"the measure wrapper failed ({wrapper.ExitCode}) for {command}:\n{stderr}{stdout}");
        return Parse(stdout, stderr, command);
    }

    /// <summary>What the measure wrapper printed: the program's output, then its figures on the last line.</summary>
    internal static ChildRun Parse(string stdout, string stderr, string command)
    {
        var lines = stdout.TrimEnd('\n').Split('\n');
        var fields = lines[^1].Split(' ');
        if (fields.Length != 7) throw new BenchFailure($"the measure wrapper printed '{lines[^1]}' for {command}");
        var wall = double.Parse(fields[0], CultureInfo.InvariantCulture);
        var rss = long.Parse(fields[1], CultureInfo.InvariantCulture);
        var exit = int.Parse(fields[2], CultureInfo.InvariantCulture);
        var childStdout = string.Join('\n', lines[..^1]);
        if (exit != 0) throw new BenchFailure($"{command} exited {exit}:\n{stderr}{childStdout}");
        if (stderr.Contains("warning:", StringComparison.Ordinal)) throw new BenchFailure($"{command} warned:\n{stderr}");
        return new ChildRun(wall, rss, fields[3] == "rusage",
            double.Parse(fields[4], CultureInfo.InvariantCulture), double.Parse(fields[5], CultureInfo.InvariantCulture),
            double.Parse(fields[6], CultureInfo.InvariantCulture), childStdout, stderr);
    }
}

/// <summary>A bench step that did not go as it must; the message says what the child printed.</summary>
internal sealed class BenchFailure(string message) : Exception(message);

/// <summary>How to start this tool again: its apphost, or <c>dotnet</c> and its dll.</summary>
internal static class SelfCommand
{
    private static readonly bool ViaDotnet =
        Path.GetFileNameWithoutExtension(Environment.ProcessPath ?? "dotnet").Equals("dotnet", StringComparison.OrdinalIgnoreCase);

    public static string Program => ViaDotnet ? Environment.ProcessPath ?? "dotnet" : Environment.ProcessPath!;

    public static IReadOnlyList<string> Prefix => ViaDotnet ? [typeof(SelfCommand).Assembly.Location] : [];
}
