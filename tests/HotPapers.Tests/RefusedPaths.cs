namespace HotPapers.Tests;

/// <summary>
/// Paths the system refuses to hotpapers, for the tests of what it says then and what it leaves: a file or
/// folder made immutable, a folder the system will not make.
/// </summary>
internal static class RefusedPaths
{
    /// <summary>
    /// Makes <paramref name="path"/> immutable (chattr +i) until disposed, which refuses root too; skips where
    /// that cannot be done (it takes chattr and root: CAP_LINUX_IMMUTABLE).
    /// </summary>
    public static IDisposable Immutable(string path)
    {
        Skip.If(!Chattr("+i", path), $"making a {(Directory.Exists(path) ? "folder" : "file")} immutable takes chattr and root");
        return new Undo(() => Chattr("-i", path));
    }

    /// <summary>
    /// A folder below /proc, which takes no new folder: mkdir answers ENOENT, though /proc is there. Skips off Linux.
    /// </summary>
    public static string Unmakeable(string name)
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Directory.Exists("/proc/self"), "/proc is Linux's");
        return "/proc/" + name;
    }

    private static bool Chattr(string change, string path) =>
        ExternalTool.Find("chattr") is { } chattr && Processes.Run(Path.GetDirectoryName(path)!, chattr, [change, path]).Code == 0;

    private sealed class Undo(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
