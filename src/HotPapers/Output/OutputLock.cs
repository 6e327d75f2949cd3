namespace HotPapers.Output;

/// <summary>Another build holds the output folder.</summary>
public sealed class OutputBusyException(string message) : IOException(message);

/// <summary>
/// One writer per output folder: <c>.hotpapers.lock</c> opened with <see cref="FileShare.None"/> (a
/// <c>flock</c> on Linux, a share lock on Windows). The operating system drops it when the process ends,
/// however it ends, so a killed build never leaves a stale lock. The file itself stays (deleting it
/// would let a waiting process lock the unlinked file while a third locks a new one); it is a dot
/// file, which Gatsby and Hugo ignore.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    public const string FileName = ".hotpapers.lock";

    /// <summary>
    /// Test seam: called with the lock file's path right before it is opened (a test throws there what the
    /// open would on a read-only file system, which no test can mount).
    /// </summary>
    internal static readonly AsyncLocal<Action<string>?> BeforeOpening = new();

    private readonly FileStream _stream;

    private OutputLock(FileStream stream) => _stream = stream;

    public static OutputLock Acquire(string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, FileName);
        // Opening creates what a symbolic link points to, wherever that is; a FIFO or a device is no lock.
        var kind = InputFile.KindOf(path, followLinks: false);
        if (kind is not (FileKind.Missing or FileKind.File))
            throw InputFile.Refuse(path, "file", "hotpapers' lock file (a plain file, or none; delete it and run again)", kind);
        try
        {
            BeforeOpening.Value?.Invoke(path);
            return new OutputLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new OutputBusyException(
                $"{outputDirectory}: another hotpapers build is writing to this folder (it holds {path}). "
                + "Wait for it to finish and run again. Nothing was written.");
        }
    }

    public void Dispose() => _stream.Dispose();
}
