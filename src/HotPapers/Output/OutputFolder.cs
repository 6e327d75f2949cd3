using System.Runtime.InteropServices;

namespace HotPapers.Output;

/// <summary>
/// The one rule for the folder build, site, serve, collect and import write into: what is at its path must be a folder, or
/// nothing yet where one can be made; and the system refusing to make it or to write into it (a read-only
/// file system, no permission) is the user's to fix, told with the folder's path and the system's reason,
/// never as .NET's message about hotpapers' lock file in it, nor as another build (<see cref="OutputLock"/>
/// says that only of a lock really held).
/// </summary>
internal static class OutputFolder
{
    /// <summary>What a folder the system refuses to write into was expected to be.</summary>
    public const string Writable = "a folder hotpapers may write to";

    // errno as .NET's IOException carries it in HResult on Unix (the same number on Linux and macOS).
    private const int ReadOnlyFileSystem = 30;

    /// <summary>
    /// Refuses, before anything is written, anything but a folder at <paramref name="directory"/>, or nothing
    /// where a folder can be made (no file in its path); <paramref name="expected"/> says what the folder is for.
    /// </summary>
    /// <returns>True when no folder is there yet.</returns>
    public static bool Check(string directory, string expected)
    {
        var kind = InputFile.KindOf(directory);
        if (kind is FileKind.Folder) return false;
        if (kind is not FileKind.Missing) throw InputFile.Refuse(directory, InputProblem.WholeFile, expected, kind);
        // The nearest part of the path that is there must be a folder to make the rest in.
        for (var above = Path.GetDirectoryName(Path.GetFullPath(directory)); above is not null; above = Path.GetDirectoryName(above))
        {
            var there = InputFile.KindOf(above);
            if (there is FileKind.Missing) continue;
            if (there is not FileKind.Folder)
                throw new InputException([new InputProblem(directory, InputProblem.WholeFile, expected, $"{InputFile.Describe(there)} in its path ({above})")]);
            break;
        }
        return true;
    }

    /// <summary>
    /// Refuses an output folder that is the records folder (that of <paramref name="recordsPath"/>, a folder or
    /// one records file): found by a new user's trial, `--output content/records` wrote posts, a manifest and a
    /// lock among the records, and with fileName "{date}.json" --force replaced a day's records with its post.
    /// </summary>
    /// <remarks>
    /// Compared with links followed (a records folder moved, a link left where it was), and, for posts, also the folder
    /// the file name pattern names below the output (<c>records/{date}.json</c> under <c>content</c>).
    /// </remarks>
    public static void RefuseRecordsFolder(string directory, string recordsPath, string? fileNamePattern = null)
    {
        var records = InputFile.RealPath(InputFile.KindOf(recordsPath) is FileKind.File ? Path.GetDirectoryName(Path.GetFullPath(recordsPath))! : recordsPath);
        if (PathBelow.Relative(records, InputFile.RealPath(directory)) == ".")
            throw new InputException([new InputProblem(directory, InputProblem.WholeFile, "an output folder apart from the records",
                "the records folder itself (set output, or --output, to another folder)")]);
        var head = fileNamePattern?[..Math.Max(0, fileNamePattern.IndexOf(DatePattern.Placeholder, StringComparison.Ordinal))];
        if (Path.GetDirectoryName(head) is not { Length: > 0 } below) return;
        var folder = Path.Combine(directory, below);
        if (PathBelow.Relative(records, InputFile.RealPath(folder)) == ".")
            throw new InputException([new InputProblem(folder, InputProblem.WholeFile, "a folder for the posts apart from the records (fileName names it)",
                "the records folder itself (set fileName, or output, so that the posts go elsewhere)")]);
    }

    /// <summary>
    /// Whether <paramref name="file"/> is in <paramref name="folder"/> or below it with links followed: what build's prune and
    /// site's removal delete must be. Found by a second trial: a link inside the posts folder to the records folder, and a
    /// manifest entry through it, had --prune delete a records file.
    /// </summary>
    public static bool Holds(string folder, string file) =>
        PathBelow.Relative(InputFile.RealPath(folder), InputFile.RealPath(Path.GetDirectoryName(Path.GetFullPath(file))!)) is not null;

    /// <summary>
    /// <see cref="Check"/>, then the folder made (<paramref name="make"/>) and a file made and removed in it: a
    /// folder the system will not let hotpapers write into is refused once, before anything is read or asked,
    /// not once for each file written there (import's posts, collect's days). Build and site learn it from
    /// their lock file. Without <paramref name="make"/> a folder not there yet is left to the first write.
    /// </summary>
    public static void Ready(string directory, string expected, bool make = true)
    {
        if (Check(directory, expected) && !make) return;
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".hotpapers-probe.{Environment.ProcessId}{PostWriter.TempSuffix}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (Refusal(directory, e) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>
    /// What the user is told of the system refusing to make <paramref name="directory"/> or to write into it;
    /// null for what is no such refusal.
    /// </summary>
    public static InputException? Refusal(string directory, Exception e)
    {
        var found = e switch
        {
            UnauthorizedAccessException => "no permission to write there",
            // A folder that is not there after it was made, or that the system will not make (as in /proc).
            FileNotFoundException or DirectoryNotFoundException => "none, and the system refuses to make one there",
            IOException { HResult: ReadOnlyFileSystem } when !OperatingSystem.IsWindows() => "a read-only file system",
            _ => Refusing(e, "write there"),
        };
        return found is null ? null : new InputException([new InputProblem(directory, InputProblem.WholeFile, Writable, found)]);
    }

    /// <summary>
    /// Whose a failed write of a file in <paramref name="directory"/> is to fix: the file's, when the system would not
    /// let its new version replace it (<paramref name="replaceRefused"/> makes that problem from the system's reason),
    /// else the folder's, which refused the new file made beside it (<see cref="Refusal"/>); null for what is no
    /// such failure. Collect's days and import's records files are written so.
    /// </summary>
    public static InputException? WriteRefusal(string directory, Exception e, Func<string, InputProblem> replaceRefused) =>
        e is ReplaceRefusedException replace ? new([replaceRefused(replace.Found)]) : Refusal(directory, e);

    /// <summary>
    /// The system refusing hotpapers to <paramref name="what"/> (<c>write there</c>, <c>replace it</c>), in the
    /// system's own words where it gave an error number; null for what is no such refusal.
    /// </summary>
    public static string? Refusing(Exception e, string what) => e switch
    {
        UnauthorizedAccessException => $"no permission to {what}",
        IOException { HResult: > 0 and < 4096 } io when !OperatingSystem.IsWindows() => $"the system refusing to {what} ({Marshal.GetPInvokeErrorMessage(io.HResult)})",
        IOException io => $"the system refusing to {what} ({io.Message})",
        _ => null,
    };
}
