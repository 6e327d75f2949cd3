using System.Text;

namespace HotPapers.Output;

/// <summary>What writing a post did.</summary>
public enum WriteOutcome
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>
/// The system refused to rename a file's new version over the old one, which is as it was: the file's to
/// fix (immutable, or on Windows read-only or open elsewhere), where a refused new file beside it is the folder's.
/// </summary>
internal sealed class ReplaceRefusedException(string path, Exception inner) : IOException($"{path}: could not be replaced ({inner.Message})", inner)
{
    /// <summary>The file that could not be replaced.</summary>
    public string Path { get; } = path;

    /// <summary>What the user is told was found: the system's refusal, in its own words where it gave an error number.</summary>
    public string Found { get; } = OutputFolder.Refusing(inner, "replace it")!;
}

/// <summary>
/// Writes posts as UTF-8 without BOM with LF line ends. A post is written to a temporary file beside
/// it and renamed over the old one, so a reader (or a crash) sees the complete old file or the
/// complete new one, never a torn one; a post whose bytes would not change is not touched at all, so
/// its timestamp stays and git sees nothing.
/// </summary>
internal static class PostWriter
{
    public const string TempSuffix = ".tmp-hotpapers";

    /// <summary>UTF-8 without BOM, strict: text that is no UTF-16 fails the build, it is not replaced.</summary>
    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Encode(string text) => Utf8.GetBytes(text.Replace("\r\n", "\n"));

    /// <summary>What <see cref="Write"/> would do, without doing it.</summary>
    public static WriteOutcome Compare(string path, ReadOnlySpan<byte> bytes)
    {
        if (!File.Exists(path)) return WriteOutcome.Created;
        try
        {
            return SameBytes(path, bytes) ? WriteOutcome.Unchanged : WriteOutcome.Updated;
        }
        catch (UnauthorizedAccessException)
        {
            throw InputFile.Unreadable(path, ComparedFile);
        }
    }

    public static WriteOutcome Write(string path, ReadOnlySpan<byte> bytes)
    {
        var outcome = Compare(path, bytes);
        if (outcome == WriteOutcome.Unchanged) return outcome;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = TempPath(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(temp, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ReplaceRefusedException(path, e);
            }
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return outcome;
    }

    /// <summary>Where a post is written before it is renamed into place; see <see cref="RemoveLeftovers"/>.</summary>
    public static string TempPath(string path) => $"{path}.{Environment.ProcessId}{TempSuffix}";

    /// <summary>What a file hotpapers would replace is to be, where the system will not let it be read (found by a second trial: an unreadable post was told as its folder not writable).</summary>
    internal const string ComparedFile = "a file hotpapers may read, to compare with what it would write there";

    private static bool SameBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        if (stream.Length != bytes.Length) return false;
        var buffer = new byte[Math.Min(bytes.Length, 1 << 16)];
        var offset = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (!bytes.Slice(offset, read).SequenceEqual(buffer.AsSpan(0, read))) return false;
            offset += read;
        }
        return offset == bytes.Length;
    }

    public static bool HasLeftovers(string directory) => Leftovers(directory).Any();

    /// <summary>
    /// Removes what killed runs of <see cref="Write"/> left in <paramref name="directory"/> itself (import
    /// writes records files there, with no lock): only names <see cref="TempPath"/> made for a file that
    /// <paramref name="ownName"/> takes as ours, of a process that is gone (a live one may be writing it
    /// now), and no symbolic link. A folder with a lock is an output folder: its build cleans it. A file
    /// that cannot be deleted stays, as it did before.
    /// </summary>
    public static int RemoveDeadLeftovers(string directory, Func<string, bool> ownName)
    {
        if (!Directory.Exists(directory) || File.Exists(Path.Combine(directory, OutputLock.FileName))) return 0;
        var removed = 0;
        var options = new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var file in Directory.EnumerateFiles(directory, "*" + TempSuffix, options))
        {
            var name = Path.GetFileName(file)[..^TempSuffix.Length];
            var dot = name.LastIndexOf('.');
            if (dot <= 0 || !int.TryParse(name.AsSpan(dot + 1), System.Globalization.NumberStyles.None, null, out var pid)
                || !ownName(name[..dot]) || IsRunning(pid))
                continue;
            try
            {
                File.Delete(file);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return removed;
    }

    // This process has written nothing yet when it sweeps; any other live one may be writing.
    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Removes temporary files a killed run left behind in <paramref name="directory"/>.</summary>
    public static int RemoveLeftovers(string directory)
    {
        var removed = 0;
        foreach (var file in Leftovers(directory))
        {
            File.Delete(file);
            removed++;
        }
        return removed;
    }

    /// <summary>
    /// All the way down, since a file name pattern may put posts in folders of their own ({date}/index.md),
    /// but never through a symbolic link (a link to a folder outside would have its files deleted, two
    /// links to "." made an endless walk) and never into a folder with a lock of its own, which is another
    /// build's output folder (its staged posts are that build's).
    /// </summary>
    private static IEnumerable<string> Leftovers(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        var options = new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        return Walk(directory, options, top: true);
    }

    private static IEnumerable<string> Walk(string directory, EnumerationOptions options, bool top)
    {
        if (!top && File.Exists(Path.Combine(directory, OutputLock.FileName))) yield break;
        foreach (var file in Directory.EnumerateFiles(directory, "*" + TempSuffix, options)) yield return file;
        foreach (var sub in Directory.EnumerateDirectories(directory, "*", options))
        foreach (var file in Walk(sub, options, top: false))
            yield return file;
    }
}
