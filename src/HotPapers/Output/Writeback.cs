namespace HotPapers.Output;

/// <summary>
/// Writes a build's staged files, and on Linux gets them onto the disk while the build still renders: every
/// <see cref="Batch"/> files, a thread of its own calls <c>syncfs</c>, so that the commit's <c>syncfs</c>
/// (<see cref="Durability"/>) finds most of the writing done. Without it, that last call wrote every post
/// at once while both cores sat idle (a fifth of a second of a 3,650-day rebuild's 2.7 s). A build of fewer
/// files than a batch (the nightly post) starts no thread. Thread-safe.
/// </summary>
/// <remarks>
/// Two other ways were measured and not kept: <c>sync_file_range</c> on each file from the render threads
/// (the kernel holds a caller back while the disk's queue is full: a slower rebuild), and the same from
/// this thread (a write per small file, which the kernel can no longer merge with its neighbours': ten
/// times the system time of a batch).
/// </remarks>
internal sealed class Writeback
{
    private const int Batch = 256;

    private readonly SemaphoreSlim _due = new(0);
    private readonly Lock _starting = new();
    private Thread? _thread;
    private int _written;
    // A file on the file system to sync (syncfs needs a descriptor on it), and whether Finish was called.
    private volatile string? _latest;
    private volatile bool _finished;
    private int _synced;

    /// <summary>How many batches have been synced so far (for tests).</summary>
    internal int Synced => Volatile.Read(ref _synced);

    /// <summary>
    /// Writes <paramref name="bytes"/> as the new file <paramref name="path"/>. The name must be free: a file
    /// there is not ours to overwrite, and the open fails and leaves it.
    /// </summary>
    public void Write(string path, ReadOnlySpan<byte> bytes)
    {
        // CreateNew, not Create: .NET makes Create an ftruncate to zero after opening, and ext4 answers a
        // file truncated to zero by starting its writeback at close, one file at a time, on the render
        // thread (a tenth of a rebuild's system time).
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        try
        {
            using (handle) RandomAccess.Write(handle, bytes, 0);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        if (!OperatingSystem.IsLinux()) return;
        _latest = path;
        if (Interlocked.Increment(ref _written) % Batch == 0 && Started()) _due.Release();
    }

    /// <summary>Waits for the batch being synced, if any; no more are started.</summary>
    public void Finish()
    {
        lock (_starting) _finished = true;
        _due.Release();
        _thread?.Join();
    }

    // Starts the thread on the first batch; false once Finish has been called.
    private bool Started()
    {
        lock (_starting)
        {
            if (_finished) return false;
            _thread ??= StartThread();
            return true;
        }
    }

    private Thread StartThread()
    {
        var thread = new Thread(SyncBatches) { IsBackground = true, Name = "hotpapers writeback" };
        thread.Start();
        return thread;
    }

    private void SyncBatches()
    {
        while (true)
        {
            _due.Wait();
            // Batches that came due while the last sync ran are written by one.
            while (_due.Wait(0)) { }
            if (_finished) return;
            // Only a head start: a failure here is met again, and reported, by the commit's own flush.
            if (!Durability.TrySyncFileSystem(_latest!)) return;
            Interlocked.Increment(ref _synced);
        }
    }
}
