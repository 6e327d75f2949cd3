using System.Globalization;
using System.Runtime.InteropServices;

namespace HotPapers.Benchmarks;

/// <summary>What the figures were measured on, read from /proc and /etc/os-release.</summary>
internal static class MachineInfo
{
    public static IEnumerable<(string Name, string Value)> Describe()
    {
        yield return ("CPU", Field("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString());
        yield return ("logical CPUs", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
        yield return ("memory", Field("/proc/meminfo", "MemTotal", ':') is { } kb && long.TryParse(kb.Split(' ')[0], CultureInfo.InvariantCulture, out var k)
            ? string.Create(CultureInfo.InvariantCulture, $"{k / 1024.0 / 1024.0:F1} GiB") : "unknown");
        yield return ("OS", Field("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription);
        yield return ("kernel", File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : RuntimeInformation.OSDescription);
        yield return (".NET", RuntimeInformation.FrameworkDescription);
        // Other work on the machine queues for its CPUs: it adds to wall times, not to CPU times.
        if (File.Exists("/proc/loadavg"))
            yield return ("load average at start (1, 5, 15 min)", string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)));
    }

    private static string? Field(string file, string key, char separator)
    {
        if (!File.Exists(file)) return null;
        foreach (var line in File.ReadLines(file))
        {
            var at = line.IndexOf(separator);
            if (at > 0 && line[..at].Trim() == key) return line[(at + 1)..].Trim();
        }
        return null;
    }
}
