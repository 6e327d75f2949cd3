namespace HotPapers.Tests;

/// <summary>
/// Paths the system refuses to hotpapers, for the tests of what it says then and what it leaves: a file or
/// folder made immutable, a folder no new file may be written to, a folder the system will not make, a file no one may read.
/// </summary>
internal static class RefusedPaths
{
    /// <summary>
    /// Makes <paramref name="path"/> immutable (chattr +i) until disposed, which refuses root too. It takes root
    /// (CAP_LINUX_IMMUTABLE): skipped for another user, saying so (.ci/run runs the tests as root here; a CI
    /// runner's unprivileged user skips them); as root, chattr failing fails the test under CI, as a missing tool does.
    /// </summary>
    public static IDisposable Immutable(string path)
    {
        var what = Directory.Exists(path) ? "folder" : "file";
        Skip.If(Environment.UserName != "root", $"making a {what} immutable takes root (chattr +i)");
        ExternalTool.RequireThat(Chattr("+i", path), $"chattr +i failed here (no chattr, or a file system without attributes); as root, no {what} can be made immutable without it");
        return new Undo(() => Chattr("-i", path));
    }

    /// <summary>
    /// Makes <paramref name="folder"/> one that refuses a new file, until disposed: its mode read and search only,
    /// or, for root, whom no mode stops, immutable (chattr +i), with the same error from the system. As root
    /// without chattr it is skipped, and fails under CI.
    /// </summary>
    public static IDisposable Unwritable(string folder)
    {
        // Thrown, not Skip.If, and asked again in the lambda: the platform analyzer sees no other guard of SetUnixFileMode.
        if (OperatingSystem.IsWindows()) throw new SkipException("folder permissions are Unix modes here");
        if (Environment.UserName == "root")
        {
            ExternalTool.RequireThat(Chattr("+i", folder), "chattr +i failed here (a file system without attributes?); as root, no folder can be made unwritable without it");
            return new Undo(() => Chattr("-i", folder));
        }
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return new Undo(() =>
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        });
    }

    /// <summary>
    /// A folder below /proc, which takes no new folder: mkdir answers ENOENT, though /proc is there. Skips off Linux.
    /// </summary>
    public static string Unmakeable(string name)
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Directory.Exists("/proc/self"), "/proc is Linux's");
        return "/proc/" + name;
    }

    /// <summary>
    /// A regular file no one may read, root included: a write-only setting of Linux's /proc/sys (mode 0200, and
    /// root's read is refused too). Link to it; never write it. Skips off Linux.
    /// </summary>
    public static string Unreadable()
    {
        const string writeOnly = "/proc/sys/vm/compact_memory";
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists(writeOnly), "/proc/sys is Linux's");
        return writeOnly;
    }

    private static bool Chattr(string change, string path) =>
        ExternalTool.Find("chattr") is { } chattr && Processes.Run(Path.GetDirectoryName(path)!, chattr, [change, path]).Code == 0;

    private sealed class Undo(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
