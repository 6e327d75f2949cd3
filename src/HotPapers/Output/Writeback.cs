namespace HotPapers.Output;

/// <summary>
/// Writes a build's staged files, and on Linux gets them onto the disk while the build still renders: every
/// <see cref="Batch"/> files, a thread of its own calls <c>syncfs</c>, so that the commit's <c>syncfs</c>
/// (<see cref="Durability"/>) finds most of the writing done instead of doing all of it while the cores
/// wait (docs/performance.md has the figures, and the ways tried and not kept). Only a head start: the
/// commit's flush is what makes the files durable, so nothing here can fail a build. A build of fewer
/// files than a batch (the nightly post) starts no thread. Thread-safe.
/// </summary>
internal sealed class Writeback
{
    // Large enough that the kernel writes each batch's files together, merging neighbours' blocks (a
    // sync per file cost ten times the CPU), small enough that a rebuild's writing is spread over it.
    private const int Batch = 256;

    private readonly SemaphoreSlim _due = new(0);
    private readonly Lock _starting = new();
    private System.Threading.Thread? _thread;
    private int _written;
    // A file on the file system to sync (syncfs needs a descriptor on it), and whether Finish was called.
    private volatile string? _latest;
    private volatile bool _finished;
    private int _synced;

    /// <summary>How many batches have been synced so far.</summary>
    internal int Synced => Volatile.Read(ref _synced);

    /// <summary>Whether a syncing thread was started, and whether it still runs.</summary>
    internal (bool Started, bool Running) Thread => (_thread is not null, _thread is { IsAlive: true });

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
        AfterWriting.Value?.Invoke(path);
        if (!OperatingSystem.IsLinux()) return;
        _latest = path;
        if (Interlocked.Increment(ref _written) % Batch == 0 && Started()) _due.Release();
    }

    /// <summary>
    /// Test seam: called with each staged file's path once it is written (a test stops a build or a site
    /// there, as Ctrl+C would).
    /// </summary>
    internal static readonly AsyncLocal<Action<string>?> AfterWriting = new();

    /// <summary>Waits for the batch being synced, if any; no more are started.</summary>
    public void Finish()
    {
        lock (_starting) _finished = true;
        _due.Release();
        _thread?.Join();
    }

    // Starts the thread on the first batch; false once Finish has been called, or where no thread can start.
    private bool Started()
    {
        lock (_starting)
        {
            if (_finished) return false;
            if (_thread is not null) return true;
            var thread = new System.Threading.Thread(SyncBatches) { IsBackground = true, Name = "hotpapers writeback" };
            try
            {
                thread.Start();
            }
            catch (OutOfMemoryException)
            {
                // No thread left in the process: the build goes on, and the commit writes everything.
                _finished = true;
                return false;
            }
            _thread = thread;
            return true;
        }
    }

    private void SyncBatches()
    {
        try
        {
            while (true)
            {
                _due.Wait();
                // Batches that came due while the last sync ran are written by one.
                while (_due.Wait(0)) { }
                if (_finished || !Durability.TrySyncFileSystem(_latest!)) return;
                Interlocked.Increment(ref _synced);
            }
        }
        catch (Exception)
        {
            // A failure here is met again, and reported, by the commit's own flush; an exception on this
            // thread would end the process.
        }
    }
}
