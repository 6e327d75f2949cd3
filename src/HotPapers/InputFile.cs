using System.Runtime.InteropServices;

namespace HotPapers;

/// <summary>What is at a path, as far as reading it as a file goes.</summary>
internal enum FileKind
{
    Missing,
    File,
    Folder,
    Fifo,
    Device,
    Socket,
    /// <summary>Only when links are not followed.</summary>
    Link,
    LinkLoop,
    /// <summary>
    /// The system would not let hotpapers look (EACCES): a folder on the way that may be listed but not entered (mode
    /// 444). Found by a trial: such a records folder's files were "no such file", beside a list of them.
    /// </summary>
    Forbidden,
}

/// <summary>
/// The one rule for "is this a regular file we may read": every reader (records, manifest, templates,
/// settings, posts, import) asks here before it opens a file. Opening a FIFO blocks until a writer comes,
/// and a device such as <c>/dev/zero</c> never ends, so what is at the path is found with <c>statx</c>
/// (through links unless told otherwise), which opens nothing. .NET shows a FIFO or a device as an
/// ordinary file, so where <c>statx</c> is not there (not Linux) only folders are told apart.
/// </summary>
internal static class InputFile
{
    public static FileKind KindOf(string path, bool followLinks = true) =>
        Look(path, followLinks, out _) ?? (Directory.Exists(path) ? FileKind.Folder
            : File.Exists(path) ? FileKind.File
            : !followLinks && new FileInfo(path).LinkTarget is not null ? FileKind.Link
            : FileKind.Missing);

    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "no such file",
        FileKind.File => "a file",
        FileKind.Folder => "a folder",
        FileKind.Fifo => "a FIFO (a named pipe)",
        FileKind.Device => "a device",
        FileKind.Socket => "a socket",
        FileKind.Link => "a symbolic link",
        FileKind.Forbidden => "no permission to look at it (a folder on its path may be listed but not entered: chmod +x it)",
        _ => "a loop of symbolic links",
    };

    /// <summary>
    /// True when a regular file is at <paramref name="path"/> (through links), false when nothing is;
    /// anything else is refused, before it is opened, as not the <paramref name="expected"/> thing: a link to
    /// nothing too (found by a second trial: such a records file was "no such file", beside a folder listing it).
    /// </summary>
    public static bool Exists(string path, string expected, string where = InputProblem.WholeFile)
    {
        var kind = KindOf(path);
        if (kind is FileKind.Missing) return LinkToNothing(path, where, expected) is { } dangling ? throw dangling : false;
        if (kind is FileKind.File) return true;
        throw Refuse(path, where, expected, kind);
    }

    /// <summary>
    /// The length of the regular file at <paramref name="path"/>, through links (a link's own length is that
    /// of the path it holds); anything else, or nothing, is refused before it is opened.
    /// </summary>
    public static long Length(string path, string expected, string where = InputProblem.WholeFile)
    {
        // One statx tells both what is there and its length, through links.
        if (Look(path, followLinks: true, out var length) is { } kind)
            return kind is FileKind.File ? length
                : throw (kind is FileKind.Missing ? LinkToNothing(path, where, expected) : null) ?? Refuse(path, where, expected, kind);
        if (!Exists(path, expected, where)) throw Refuse(path, where, expected, FileKind.Missing);
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) info = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
        return info.Length;
    }

    /// <summary>
    /// What <paramref name="read"/> gives, where the system refusing hotpapers to read <paramref name="path"/> (no
    /// permission) is told with the path and what it was to be. Found by a new user's trial: an unreadable records
    /// file, records folder, manifest, settings file or template was .NET's "Access to the path '...' is denied."
    /// </summary>
    public static T Read<T>(string path, string expected, Func<T> read, string where = InputProblem.WholeFile)
    {
        try
        {
            return read();
        }
        catch (UnauthorizedAccessException)
        {
            throw Unreadable(path, expected, where);
        }
    }

    /// <summary>The problem of a file or folder the system will not let hotpapers read; see <see cref="Read"/>.</summary>
    public static InputException Unreadable(string path, string expected, string where = InputProblem.WholeFile) =>
        new([new InputProblem(path, where, expected, "no permission to read it")]);

    /// <summary>
    /// For a path at which nothing is, through links: the problem of a symbolic link there (to nothing, then), naming
    /// what it holds; null where there is no link either.
    /// </summary>
    private static InputException? LinkToNothing(string path, string where, string expected) =>
        !path.Contains('\0') && new FileInfo(path).LinkTarget is { } target
            ? new([new InputProblem(path, where, expected, $"a symbolic link to nothing ({target})")])
            : null;

    public static InputException Refuse(string path, string where, string expected, FileKind found) =>
        new([new InputProblem(path, where, expected, Describe(found))]);

    // statx's struct is the same on every architecture (stat's is not): stx_mode is the 16 bits at offset 28,
    // stx_size the 64 bits at offset 40.
    private const int StatxSize = 256;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;
    /// <summary>For the <c>*at</c> system calls: a relative path is taken from the current folder.</summary>
    internal const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxSizeMask = 0x200;
    private static bool _noStatx = !OperatingSystem.IsLinux();

    /// <summary>What is at the path, and its length when it is a file; null where statx cannot tell (not Linux, a path too long).</summary>
    private static FileKind? Look(string path, bool followLinks, out long length)
    {
        length = 0;
        if (_noStatx) return null;
        // The system reads a path up to its first NUL: "a\0b" would be taken for "a". No file has such a name.
        if (path.Contains('\0')) return FileKind.Missing;
        var buffer = new byte[StatxSize];
        int result, error;
        try
        {
            result = Statx(AtFdCwd, NativePath(path), followLinks ? 0 : AtSymlinkNoFollow, StatxType | StatxSizeMask, buffer);
            error = result == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _noStatx = true;
            return null;
        }
        const int ENOENT = 2, EACCES = 13, ENOTDIR = 20, ELOOP = 40, ENOSYS = 38;
        if (result != 0)
        {
            if (error == ENOSYS) _noStatx = true;
            return error switch
            {
                ENOENT or ENOTDIR => FileKind.Missing,
                ELOOP => FileKind.LinkLoop,
                EACCES => FileKind.Forbidden,
                // The like of ENAMETOOLONG: the open that follows says why.
                _ => null,
            };
        }
        length = BitConverter.ToInt64(buffer, SizeOffset);
        return (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
        {
            0x8000 => FileKind.File,
            0x4000 => FileKind.Folder,
            0x1000 => FileKind.Fifo,
            0x2000 or 0x6000 => FileKind.Device,
            0xC000 => FileKind.Socket,
            0xA000 => FileKind.Link,
            _ => FileKind.Device,
        };
    }

    /// <summary>A path as the system calls take it: UTF-8 ending in NUL. The caller has ruled out a NUL inside it.</summary>
    internal static byte[] NativePath(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

    /// <summary>
    /// The path with every symbolic link in it followed (realpath), where it is there; else, and off Unix, the full
    /// path. Found by a new user's trial: a link to the records folder passed for another folder.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows() || path.Contains('\0')) return full;
        var resolved = new byte[PathMax];
        try
        {
            if (RealPath(NativePath(full), resolved) == IntPtr.Zero) return full;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return full;
        }
        return System.Text.Encoding.UTF8.GetString(resolved, 0, Math.Max(0, Array.IndexOf(resolved, (byte)0)));
    }

    // Linux's PATH_MAX; macOS's is 1,024, within it.
    private const int PathMax = 4096;

    [DllImport("libc", EntryPoint = "realpath")]
    private static extern IntPtr RealPath(byte[] path, byte[] resolved);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, byte[] path, int flags, uint mask, byte[] statxbuf);
}
