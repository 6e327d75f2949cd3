using System.Diagnostics;

namespace HotPapers.Benchmarks;

/// <summary>
/// The baseline <c>compare</c> runs hotpapers against: <c>python3 oldgen.py RECORDS_DIR OUT_DIR</c>, the old
/// Python generator's work done offline. It is not in the repository: the repository is cloned with
/// <c>shared/</c> beside it, and the script is read from there (or from <c>--oldgen</c>).
/// </summary>
internal sealed record OldGenerator(string Script, string PythonVersion)
{
    public const string Python = "python3";

    public string Label => "oldgen.py";

    public IEnumerable<string> Args(string records, string output) => [Script, records, output];

    /// <summary><c>../shared/bench/oldgen.py</c> from the repository root.</summary>
    public static string DefaultPath(string root) => Path.GetFullPath(Path.Combine(root, "..", "shared", "bench", "oldgen.py"));

    /// <summary>The script at <paramref name="path"/>, or null when there is none; a missing python3 is a failure.</summary>
    public static OldGenerator? At(string path)
    {
        if (!File.Exists(path)) return null;
        var start = new ProcessStartInfo(Python, "--version") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var python = Process.Start(start)!;
            // Python before 3.4 printed its version on stderr.
            var version = (python.StandardOutput.ReadToEnd() + python.StandardError.ReadToEnd()).Trim();
            python.WaitForExit();
            return new OldGenerator(Path.GetFullPath(path), version);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BenchFailure($"{path} is there but {Python} cannot be started: {e.Message}");
        }
    }
}
