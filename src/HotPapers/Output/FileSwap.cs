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
    }

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;
    private static bool _unsupported = !OperatingSystem.IsLinux();

    /// <summary>Test seam: makes this flow of calls behave as where names cannot be swapped.</summary>
    internal static readonly AsyncLocal<bool> Disabled = new();

    public static Result Exchange(string a, string b)
    {
        if (_unsupported || Disabled.Value) return Result.Unsupported;
        int result, error;
        try
        {
            result = RenameAt2(AtFdCwd, Native(a), AtFdCwd, Native(b), RenameExchange);
            error = result == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unsupported = true;
            return Result.Unsupported;
        }
        const int ENOENT = 2, EINVAL = 22, ENOSYS = 38;
        switch (error)
        {
            case 0: return Result.Swapped;
            case ENOENT: return Result.Missing;
            case EINVAL or ENOSYS: return Result.Unsupported;
            default: throw new IOException(Marshal.GetPInvokeErrorMessage(error));
        }
    }

    private static byte[] Native(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, uint flags);
}
