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

    /// <summary>
    /// Makes the folder and takes its lock. The lock held by another process is <see cref="OutputBusyException"/>;
    /// the system refusing to make the folder or the lock file in it is the folder's refusal (<see cref="OutputFolder.Refusal"/>).
    /// </summary>
    /// <param name="holder">What else would hold it, for the message: <c>build</c> (a build, a site), <c>collect</c>.</param>
    public static OutputLock Acquire(string outputDirectory, string holder = "build")
    {
        var path = Path.Combine(outputDirectory, FileName);
        try
        {
            Directory.CreateDirectory(outputDirectory);
            // Opening creates what a symbolic link points to, wherever that is; a FIFO or a device is no lock.
            var kind = InputFile.KindOf(path, followLinks: false);
            if (kind is not (FileKind.Missing or FileKind.File))
                throw InputFile.Refuse(path, InputProblem.WholeFile, "hotpapers' lock file (a plain file, or none; delete it and run again)", kind);
            BeforeOpening.Value?.Invoke(path);
            return new OutputLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
        }
        catch (IOException e) when (IsHeld(e))
        {
            throw new OutputBusyException(
                $"{outputDirectory}: another hotpapers {holder} is writing to this folder (it holds {path}). "
                + "Wait for it to finish and run again. Nothing was written.");
        }
        catch (Exception e) when (OutputFolder.Refusal(outputDirectory, e) is { } refusal)
        {
            throw refusal;
        }
    }

    // The lock taken by another process, as .NET reports it: flock's EWOULDBLOCK on Unix (its errno is the
    // HResult), a sharing or lock violation on Windows. Any other failure is no other build's doing.
    private const int WouldBlockLinux = 11, WouldBlockElsewhere = 35;
    private const int SharingViolation = unchecked((int)0x80070020), LockViolation = unchecked((int)0x80070021);

    private static bool IsHeld(IOException e) => OperatingSystem.IsWindows()
        ? e.HResult is SharingViolation or LockViolation
        : e.HResult == (OperatingSystem.IsLinux() ? WouldBlockLinux : WouldBlockElsewhere);

    public void Dispose() => _stream.Dispose();
}
