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

    /// <param name="paths">Files and folders (a folder with everything below it); one that does not exist yet is watched for from its parent folder, if that exists.</param>
    /// <param name="quiet">How long no event must come before <paramref name="changed"/> is called.</param>
    public ChangeWatcher(IEnumerable<string> paths, TimeSpan quiet, Action changed)
    {
        _quiet = quiet;
        _timer = new Timer(_ => changed());
        foreach (var path in paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            var watcher = Directory.Exists(path)
                ? new FileSystemWatcher(path) { IncludeSubdirectories = true }
                : Path.GetDirectoryName(path) is { } parent && Directory.Exists(parent)
                    ? new FileSystemWatcher(parent, Path.GetFileName(path)) { IncludeSubdirectories = false }
                    : null;
            if (watcher is null) continue;
            watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
            watcher.Changed += (_, _) => Poke();
            watcher.Created += (_, _) => Poke();
            watcher.Deleted += (_, _) => Poke();
            watcher.Renamed += (_, _) => Poke();
            watcher.Error += (_, _) => Poke();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>The folders watched (for the message that says what serve watches).</summary>
    public IEnumerable<string> Watched => _watchers.Select(w => w.Filter is "*" or "*.*" or "" ? w.Path : Path.Combine(w.Path, w.Filter));

    private void Poke() => _timer.Change(_quiet, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _timer.Dispose();
    }
}
