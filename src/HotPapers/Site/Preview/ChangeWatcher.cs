namespace HotPapers.Site;

/// <summary>
/// Calls back once a burst of changes to the watched files is over: an editor's save is several events
/// (a temporary file, a rename, a write), and a copied folder of records many; each event pushes the call
/// back by the quiet time, so one burst makes one rebuild. An overflow of the system's event queue counts
/// as a change.
/// </summary>
internal sealed class ChangeWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly TimeSpan _quiet;
    private readonly IReadOnlyList<Target> _targets;
    private int _pending;

    /// <summary>What is watched for a path: a folder with everything below it (<see cref="Name"/> null), or the entry <see cref="Name"/> in <see cref="Folder"/>.</summary>
    private sealed record Target(string Folder, string? Name)
    {
        public override string ToString() => Name is null ? Folder : Path.Combine(Folder, Name);
    }

    /// <param name="paths">Files and folders (a folder with everything below it); one that does not exist yet is watched for from its parent folder, if that exists.</param>
    /// <param name="quiet">How long no event must come before <paramref name="changed"/> is called.</param>
    public ChangeWatcher(IEnumerable<string> paths, TimeSpan quiet, Action changed)
    {
        _quiet = quiet;
        _timer = new Timer(_ =>
        {
            Volatile.Write(ref _pending, 0);
            changed();
        });
        _targets = TargetsOf(paths);
        try
        {
            foreach (var target in _targets)
            {
                var watcher = target.Name is null
                    ? new FileSystemWatcher(target.Folder) { IncludeSubdirectories = true }
                    : new FileSystemWatcher(target.Folder, target.Name) { IncludeSubdirectories = false };
                _watchers.Add(watcher);
                watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
                watcher.Changed += (_, _) => Poke();
                watcher.Created += (_, _) => Poke();
                watcher.Deleted += (_, _) => Poke();
                watcher.Renamed += (_, _) => Poke();
                watcher.Error += (_, _) => Poke();
                watcher.EnableRaisingEvents = true;
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// What watching <paramref name="paths"/> watches as the disk is now: a folder that exists with everything
    /// below it, one that does not yet from its parent.
    /// </summary>
    private static IReadOnlyList<Target> TargetsOf(IEnumerable<string> paths) =>
    [
        .. paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Select(path =>
            Directory.Exists(path) ? new Target(path, null)
            : Path.GetDirectoryName(path) is { } parent && Directory.Exists(parent) ? new Target(parent, Path.GetFileName(path))
            : null).OfType<Target>(),
    ];

    /// <summary>The files and folders watched (for the message that says what serve watches).</summary>
    public IEnumerable<string> Watched => _targets.Select(t => t.ToString());

    /// <summary>Whether a change came that has not been called back yet.</summary>
    public bool Pending => Volatile.Read(ref _pending) != 0;

    /// <summary>Calls back after the quiet time, as a change does (one a watcher before this one saw and did not call back).</summary>
    public void Poke()
    {
        Volatile.Write(ref _pending, 1);
        try
        {
            _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // An event on its way as this watcher was replaced (the settings name other folders) or stopped:
            // it is not this watcher's to report, and throwing on the system's event thread would end serve.
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _timer.Dispose();
    }
}
