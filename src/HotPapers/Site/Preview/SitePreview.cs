using HotPapers.Rendering;
using HotPapers.Settings;

namespace HotPapers.Site;

/// <summary>One build of the preview: what it wrote, or why it failed.</summary>
/// <param name="Number">1 for the first build, then one more for each rebuild.</param>
/// <param name="Result">What was written; null when the build failed.</param>
/// <param name="Error">Why the build failed (an <see cref="InputException"/> or <see cref="Rendering.TemplateException"/> for bad input); the site served is still the last good one.</param>
public sealed record PreviewBuild(int Number, SiteResult? Result, Exception? Error)
{
    /// <summary>
    /// The files and folders watched from this build on that were not before it: the settings it read name
    /// them (a templates folder added to hotpapers.yml), or they exist now where only their parent was watched for them.
    /// </summary>
    public IReadOnlyList<string> NewlyWatched { get; init; } = [];
}

/// <summary>
/// <c>hotpapers serve</c>: builds the site (<see cref="SiteGenerator"/>) into a folder, serves it on
/// 127.0.0.1 (<see cref="StaticFileServer"/>) and builds it again when the records, the templates or the
/// settings change (<see cref="ChangeWatcher"/>); each rebuild watches what the settings it read name. A rebuild that fails leaves the folder as the last good
/// build made it (the generator stages every file and puts them in place only when all are written), so
/// the browser keeps showing that one while the failure is reported.
/// </summary>
public sealed class SitePreview : IDisposable
{
    private readonly SettingsOverrides _overrides;
    private readonly SiteOptions _options;
    private readonly StaticFileServer _server;
    private readonly bool _ownsFolder;
    private readonly TimeSpan _quiet;
    private readonly Lock _building = new();
    private ChangeWatcher? _watcher;
    private int _builds;
    private bool _disposed;

    private SitePreview(SettingsOverrides overrides, SiteOptions options, StaticFileServer server, bool ownsFolder, TimeSpan quiet)
    {
        _overrides = overrides;
        _options = options;
        _server = server;
        _ownsFolder = ownsFolder;
        _quiet = quiet;
    }

    /// <summary>The site's address on this machine.</summary>
    public Uri Address => _server.Address;

    /// <summary>The folder the site is built into and served from.</summary>
    public string Folder => _server.Root;

    /// <summary>
    /// Whether the folder outlives the preview with pages whose links name the preview's address: a folder
    /// given to it (not its own temporary one) and no base URL of the site's.
    /// </summary>
    public bool LeavesPreviewLinks => !_ownsFolder && _options.BaseUrl == _server.Address;

    /// <summary>The files and folders whose changes rebuild the site: those the settings read last name (see <see cref="PreviewBuild.NewlyWatched"/>).</summary>
    public IReadOnlyList<string> Watched => [.. _watcher?.Watched ?? []];

    /// <summary>The first build.</summary>
    public PreviewBuild First { get; private set; } = null!;

    /// <summary>Each rebuild, when it is done (on a thread of its own).</summary>
    public event Action<PreviewBuild>? Rebuilt;

    /// <summary>
    /// Builds the site and starts serving it. The first build's failure is thrown (<see cref="InputException"/>,
    /// <see cref="Rendering.TemplateException"/>), as <c>hotpapers site</c> would fail, and nothing is left running.
    /// </summary>
    /// <param name="options">Where to build (null: a folder of its own under the system's temporary folder, removed at the end; the
    /// pages of records removed while it runs go from it without <see cref="SiteOptions.Prune"/>, since it holds nothing to keep) and the base URL (null: the preview's own address).</param>
    /// <param name="port">The port on 127.0.0.1; 0 for any free one.</param>
    /// <param name="quiet">How long after the last change the rebuild starts (default 300 ms).</param>
    public static SitePreview Start(SettingsOverrides overrides, SiteOptions options, int port, TimeSpan? quiet = null)
    {
        var settings = overrides.Resolve();
        var ownsFolder = options.OutputDirectory is null;
        var folder = options.OutputDirectory ?? Path.Combine(Path.GetTempPath(), "hotpapers-serve-" + Guid.NewGuid().ToString("N")[..12]);
        var server = new StaticFileServer(folder, port);
        var preview = new SitePreview(overrides, options with { OutputDirectory = folder, BaseUrl = options.BaseUrl ?? server.Address, Prune = options.Prune || ownsFolder }, server, ownsFolder,
            quiet ?? TimeSpan.FromMilliseconds(300));
        try
        {
            preview.First = preview.Build(settings);
            if (preview.First.Error is { } error) throw error;
            preview._watcher = new ChangeWatcher(WatchedPaths(settings), preview._quiet, preview.Rebuild);
            return preview;
        }
        catch
        {
            preview.Dispose();
            throw;
        }
    }

    // The records (a file or a folder), the templates folder, and the settings file, there or not yet.
    private static IEnumerable<string> WatchedPaths(BuildSettings settings)
    {
        yield return settings.RecordsPath;
        if (settings.TemplatesDirectory is { } templates) yield return templates;
        yield return settings.SourceFile ?? Path.GetFullPath(SettingsFile.FileName);
    }

    private void Rebuild()
    {
        PreviewBuild? build;
        // Not after Dispose: a change on its way as serve stopped would build into a folder removed already.
        lock (_building) build = _disposed ? null : BuildAgain();
        if (build is not null) Rebuilt?.Invoke(build);
    }

    private PreviewBuild BuildAgain()
    {
        BuildSettings settings;
        // The settings file is read again: a change to it is one of the changes that rebuild.
        try
        {
            settings = _overrides.Resolve();
        }
        catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException)
        {
            return new PreviewBuild(Interlocked.Increment(ref _builds), null, e);
        }
        var newlyWatched = Follow(settings);
        return Build(settings) with { NewlyWatched = newlyWatched };
    }

    /// <summary>
    /// Watches what <paramref name="settings"/> name, as the disk is now; returns what is watched that was not before.
    /// </summary>
    /// <remarks>
    /// A new watcher each time, even for the same paths: a watched folder deleted and made again (records
    /// copied back from a backup) is another folder, and the system's watch on the old one is gone with it,
    /// without an error to say so.
    /// </remarks>
    private IReadOnlyList<string> Follow(BuildSettings settings)
    {
        var before = _watcher;
        try
        {
            // The new watcher first: no change falls between the two.
            _watcher = new ChangeWatcher(WatchedPaths(settings), _quiet, Rebuild);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // A folder gone again, or the system's limit of watchers reached: the watcher there was still
            // watches what it did, and the next change tries again.
            return [];
        }
        before?.Dispose();
        // A change the old watcher saw since it called back (during this rebuild, before the new one watched) is not lost.
        if (before is { Pending: true }) _watcher.Poke();
        return [.. _watcher.Watched.Except(before?.Watched ?? [], StringComparer.Ordinal)];
    }

    private PreviewBuild Build(BuildSettings settings)
    {
        var number = Interlocked.Increment(ref _builds);
        try
        {
            return new PreviewBuild(number, new SiteGenerator(settings, _options).Generate(), null);
        }
        catch (Exception e)
        {
            // Reported, never thrown on the watcher's thread: that would end the process with a stack trace.
            return new PreviewBuild(number, null, Served(e));
        }
    }

    /// <summary>
    /// A template's failure on a page of the preview's own temporary folder names the page by its address instead
    /// (found by users' trials: "rendering /tmp/hotpapers-serve-3f9a.../2021/04/30/index.html", a folder nobody
    /// knows); a folder the user gave keeps its path.
    /// </summary>
    private Exception Served(Exception e) =>
        _ownsFolder && e is TemplateException { Rendering: { } page } t && PathBelow.Relative(Folder, page) is { } relative
            ? new TemplateException(t.File, t.Line, t.Column, t.Reason, new Uri(Address, relative.Replace('\\', '/')).AbsoluteUri) { IsSyntax = t.IsSyntax }
            : e;

    public void Dispose()
    {
        lock (_building)
        {
            _disposed = true;
            _watcher?.Dispose();
            _server.Dispose();
            if (_ownsFolder && Directory.Exists(_server.Root)) Directory.Delete(_server.Root, recursive: true);
        }
    }
}
