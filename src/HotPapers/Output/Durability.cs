using System.Runtime.InteropServices;

namespace HotPapers.Output;

/// <summary>
/// Gets written files onto the disk. On Linux one <c>syncfs</c> flushes a whole build's files (data and
/// renames) at once: an <c>fsync</c> per post costs milliseconds each, minutes for a back catalog.
/// Elsewhere, or if <c>syncfs</c> fails, each file is flushed on its own.
/// </summary>
internal static class Durability
{
    public static void Flush(IEnumerable<string> files)
    {
        var list = files as IReadOnlyCollection<string> ?? [.. files];
        if (list.Count == 0) return;
        if (OperatingSystem.IsLinux() && TrySyncFileSystem(list.First())) return;
        foreach (var file in list)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1, FileOptions.None);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Flushes the file system that holds <paramref name="anyFile"/>, all of it (Linux); false where that failed.</summary>
    /// <remarks>Our files are all in one folder.</remarks>
    internal static bool TrySyncFileSystem(string anyFile)
    {
        try
        {
            using var handle = File.OpenHandle(anyFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return SyncFs(handle.DangerousGetHandle().ToInt32()) == 0;
        }
        // Not allowed to open the file (UnauthorizedAccessException) and the like: the caller then flushes
        // file by file, which meets the same error and reports it; the writeback's head start just stops.
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "syncfs")]
    private static extern int SyncFs(int fd);
}
