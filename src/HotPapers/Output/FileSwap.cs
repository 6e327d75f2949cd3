using System.Runtime.InteropServices;

namespace HotPapers.Output;

/// <summary>
/// Swaps two names in one step (Linux's <c>renameat2</c> with <c>RENAME_EXCHANGE</c>): a new post takes
/// its place while the old one moves to the new one's temporary name, so the post is never missing and
/// the file that was displaced is exactly what was there at that moment, to be checked and, if need be,
/// swapped back. Where the system or the file system cannot (not Linux, NFS), callers do it in two renames.
/// </summary>
internal static class FileSwap
{
    public enum Result
    {
        Swapped,
        /// <summary>Nothing is at one of the two names; nothing changed.</summary>
        Missing,
        /// <summary>The system or the file system does not swap; nothing changed.</summary>
        Unsupported,
        /// <summary>Moved to a name that was free.</summary>
        Moved,
        /// <summary>The name moved to is taken; nothing changed.</summary>
        Taken,
    }

    private const uint RenameNoReplace = 1;
    private const uint RenameExchange = 2;
    private static bool _unsupported = !OperatingSystem.IsLinux();

    /// <summary>Test seam: makes this flow of calls behave as where names cannot be swapped.</summary>
    internal static readonly AsyncLocal<bool> Disabled = new();

    public static Result Exchange(string a, string b) => RenameAt2(a, b, RenameExchange, Result.Swapped);

    /// <summary>
    /// Moves <paramref name="from"/> to <paramref name="to"/> only if nothing is there, in one step
    /// (<c>RENAME_NOREPLACE</c>): .NET's <see cref="File.Move(string, string, bool)"/> looks first and
    /// renames after, so a file saved at <paramref name="to"/> in between would be overwritten.
    /// </summary>
    public static Result MoveToFreeName(string from, string to) => RenameAt2(from, to, RenameNoReplace, Result.Moved);

    private static Result RenameAt2(string a, string b, uint flags, Result done)
    {
        if (_unsupported || Disabled.Value) return Result.Unsupported;
        int result, error;
        try
        {
            result = RenameAt2(InputFile.AtFdCwd, Native(a), InputFile.AtFdCwd, Native(b), flags);
            error = result == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unsupported = true;
            return Result.Unsupported;
        }
        const int ENOENT = 2, EEXIST = 17, EINVAL = 22, ENOSYS = 38;
        switch (error)
        {
            case 0: return done;
            case ENOENT when flags == RenameExchange: return Result.Missing;
            case EEXIST when flags == RenameNoReplace: return Result.Taken;
            case EINVAL or ENOSYS: return Result.Unsupported;
            default: throw new IOException(Marshal.GetPInvokeErrorMessage(error));
        }
    }

    // The system reads a path up to its first NUL, so a path holding one would name another file.
    private static byte[] Native(string path) => path.Contains('\0')
        ? throw new IOException($"{path.Replace("\0", "\\0")}: a path holding a NUL character names no file")
        : InputFile.NativePath(path);

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, uint flags);
}
