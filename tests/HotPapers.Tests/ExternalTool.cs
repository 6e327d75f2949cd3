namespace HotPapers.Tests;

/// <summary>
/// Tests that need an outside tool (hugo, node with npm packages, ...) use it through here: where the
/// tool is missing they are skipped, saying why, unless CI is set, where a missing tool is a failure
/// (.ci/run installs them).
/// </summary>
internal static class ExternalTool
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of <paramref name="name"/> on PATH; skips (or fails under CI) when absent.</summary>
    public static string Require(string name, string why)
    {
        var found = Find(name);
        if (found is not null) return found;
        var message = $"{name} is not installed ({why}); .ci/run installs it";
        if (InCi) Assert.Fail(message + ", but under CI it is missing.");
        Skip.If(true, message);
        return null!;
    }

    /// <summary>Skips (or fails under CI) when <paramref name="available"/> is false.</summary>
    public static void RequireThat(bool available, string message)
    {
        if (available) return;
        if (InCi) Assert.Fail(message + " (required under CI).");
        Skip.If(true, message);
    }

    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
