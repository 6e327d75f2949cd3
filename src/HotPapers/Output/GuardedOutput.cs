using System.Collections.Concurrent;

namespace HotPapers.Output;

/// <summary>
/// One build's way into its output folder. <see cref="Offer"/> compares each rendered post with the one on disk, notes hand
/// edits, and stages what changed (<see cref="StagedPosts"/>); <see cref="Commit"/> refuses all of it,
/// before writing any, when a post was edited since we wrote it unless forced, and otherwise writes it
/// under <see cref="PostManifest"/> so that a kill at any moment leaves every post complete (old or new)
/// and still recognised as ours. A commit that fails part way (a rename refused, a post edited at that
/// moment) puts back every post it replaced and the manifest; the posts <see cref="Prune"/> deleted by then
/// stay deleted (hotpapers' own, unchanged since it wrote them, and made by no records file now). Disposing without committing leaves every post as it was. The
/// <see cref="OutputLock"/> is taken when the first post is staged (a build that writes nothing, or
/// fails before it would write, leaves the folder untouched), and then what a killed run left is removed.
/// With <c>checkOnly</c> it takes no lock and writes nothing.
/// </summary>
internal sealed class GuardedOutput : IDisposable
{
    private readonly bool _checkOnly;
    private readonly bool _force;
    private readonly string _directory;
    private readonly bool _folderIsNew;
    private bool _committed;
    private readonly Lock _locking = new();
    private OutputLock? _lock;
    private readonly StagedPosts _staged = new();
    private readonly ConcurrentBag<(string PostPath, string Hash)> _hashes = [];
    private readonly ConcurrentBag<string> _edited = [];
    private readonly ConcurrentDictionary<string, string> _claimed = new(StringComparer.Ordinal);
    // What each staged post's file was when it was compared (null: none), checked again at commit.
    private readonly ConcurrentDictionary<string, FileStamp?> _seen = new(StringComparer.Ordinal);

    private GuardedOutput(string directory, bool checkOnly, bool force)
    {
        _directory = directory;
        _checkOnly = checkOnly;
        _force = force;
        _folderIsNew = OutputFolder.Check(directory, "a folder for the posts (or none yet)");
        Manifest = PostManifest.Load(directory);
    }

    /// <summary>The manifest as the build found it.</summary>
    private PostManifest Manifest { get; }

    public static GuardedOutput Open(string outputDirectory, bool checkOnly, bool force) => new(outputDirectory, checkOnly, force);

    /// <summary>The posts the manifest lists (by <see cref="Key"/>) that this build has not offered so far.</summary>
    public IEnumerable<string> NotOffered() => Manifest.Posts.Keys.Except(_claimed.Keys.Select(Manifest.Key), StringComparer.Ordinal);

    /// <summary>
    /// Those of <paramref name="keys"/> (<see cref="NotOffered"/>) still there as files, each with its path and whether
    /// its bytes are what hotpapers wrote (else someone edited it since).
    /// </summary>
    public List<(string Path, bool AsWritten)> StillThere(IEnumerable<string> keys)
    {
        var there = new List<(string, bool)>();
        // Found by review: on a file system that ignores case (macOS, Windows), a fileName changed only in case names
        // the post this build offered, under its old spelling: it is that post, not another.
        var offered = _claimed.Keys.Select(Manifest.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            if (offered.Contains(key)) continue;
            var path = Path.Combine(_directory, key.Replace('/', Path.DirectorySeparatorChar));
            if (InputFile.KindOf(path, followLinks: false) != FileKind.File) continue;
            there.Add((path, Manifest.Accepts(path, PostManifest.Hash(File.ReadAllBytes(path)))));
        }
        return there;
    }

    /// <summary>The posts <see cref="Prune"/> was given that the commit deleted.</summary>
    public IReadOnlyList<string> Deleted { get; private set; } = [];

    // Posts to delete at the commit (build --all --prune), each with the file as it was when judged.
    private readonly List<(string Path, FileStamp? Seen)> _pruned = [];

    /// <summary>
    /// Deletes these posts at the commit, after the new ones are in place, and takes them out of the manifest: posts an
    /// earlier build wrote that no records file makes now, each as hotpapers wrote it (<see cref="StillThere"/>). One
    /// written to after this call is left, with a warning. Nothing with checkOnly.
    /// </summary>
    public void Prune(IEnumerable<string> postPaths)
    {
        if (_checkOnly) return;
        var count = _pruned.Count;
        _pruned.AddRange(postPaths.Select(path => (path, FileStamp.Of(path))));
        if (_pruned.Count > count) EnsureLocked();
    }

    /// <summary>A post's name in the manifest: relative to the folder, '/' separated.</summary>
    public string Key(string postPath) => Manifest.Key(postPath);

    /// <summary>What writing this post does (or, with checkOnly, would do); changed posts are staged. Thread-safe.</summary>
    public BuiltPost Offer(string recordsFile, string postPath, ReadOnlySpan<byte> bytes)
    {
        // A second digest for the same post: the builder refuses the build (RecordsFiles.CheckDistinct), naming both.
        if (_claimed.GetOrAdd(postPath, recordsFile) != recordsFile) return new BuiltPost(recordsFile, postPath, WriteOutcome.Unchanged);
        var kind = InputFile.KindOf(postPath);
        if (kind is not (FileKind.Missing or FileKind.File))
            throw new IOException($"{postPath}: expected a post file (or none), found {InputFile.Describe(kind)}. Nothing was written.");
        var seen = FileStamp.Of(postPath);
        var hash = PostManifest.Hash(bytes);
        var current = seen is null ? null : InputFile.Read(postPath, PostWriter.ComparedFile, () => File.ReadAllBytes(postPath));
        if (current is not null && current.AsSpan().SequenceEqual(bytes))
        {
            // Ours even if the manifest does not say so yet (a post the old generator wrote the same way).
            if (!Manifest.Accepts(postPath, hash)) _hashes.Add((postPath, hash));
            return new BuiltPost(recordsFile, postPath, WriteOutcome.Unchanged);
        }
        var edited = current is not null && Manifest.IsEditedByHand(postPath, current, bytes);
        if (edited) _edited.Add(postPath);
        if (!_checkOnly && (!edited || _force))
        {
            EnsureLocked();
            _seen[postPath] = seen;
            _staged.Add(postPath, bytes);
            _hashes.Add((postPath, hash));
        }
        return new BuiltPost(recordsFile, postPath, current is null ? WriteOutcome.Created : WriteOutcome.Updated) { EditedByHand = edited, NotWrittenByHotpapers = edited && !Manifest.Knows(postPath) };
    }

    /// <summary>
    /// Writes what was staged; returns warnings about what came after the posts were written (a post
    /// written to during the commit, kept as its writer left it; an old post that could not be removed).
    /// </summary>
    public IReadOnlyList<string> Commit()
    {
        if (_checkOnly) return [];
        if (!_edited.IsEmpty && !_force)
        {
            // Posts another build wrote while this one rendered look edited against the manifest we
            // read before: taking the lock tells that case apart (OutputBusyException) from real edits.
            EnsureLocked();
            throw new PostsEditedException([.. _edited.Order(StringComparer.Ordinal)]);
        }
        // Nothing to write still cleans up after a killed run.
        if (_hashes.IsEmpty && _pruned.Count == 0 && !PostWriter.HasLeftovers(_directory)) return [];
        EnsureLocked();
        if (_hashes.IsEmpty && _pruned.Count == 0) return [];
        // A post saved by hand while this build rendered (after it was compared) is not replaced either.
        if (!_force)
        {
            var changed = _seen.Where(s => FileStamp.Of(s.Key) != s.Value).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
            if (changed.Count > 0) throw new PostsEditedException(changed);
        }
        // First the new hashes beside the old ones, then the posts, then the new hashes alone; a kill at any
        // point leaves each post old or new, and accepted. A failure puts back every post and the manifest.
        var hashes = _hashes.ToArray();
        var pruneWarnings = new List<string>();
        try
        {
            Manifest.With(hashes, keepOld: true).Save();
            // Checked again right at each rename, on the file the rename displaced (see StagedPosts.Replace).
            _staged.Replace(_force ? null : _seen);
            _staged.FlushRenames();
            // Deleted before the manifest forgets them: a kill in between leaves entries for posts that are gone, which
            // no build minds; the other way round would leave posts no manifest names, never found stale again.
            Deleted = DeletePruned(pruneWarnings);
            Manifest.With(hashes, keepOld: false).Without(Deleted).Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PostsEditedException)
        {
            var failed = _staged.PutBack();
            try
            {
                Manifest.Restore();
            }
            catch (Exception m) when (m is IOException or UnauthorizedAccessException)
            {
                failed.Add($"{Manifest.Path}: could not be put back ({m.Message})");
            }
            if (failed.Count > 0) throw new IOException(string.Join(Environment.NewLine, [e.Message, .. failed]), e);
            throw;
        }
        _committed = true;
        return [.. _staged.Finish(_force ? null : _seen), .. pruneWarnings];
    }

    /// <summary>The posts <see cref="Prune"/> was given, deleted (and their folders, left empty); returns those deleted.</summary>
    private List<string> DeletePruned(List<string> warnings)
    {
        var deleted = new List<string>();
        foreach (var (path, seen) in _pruned)
        {
            if (FileStamp.Of(path) != seen)
            {
                warnings.Add($"{path}: written to while this build ran, so --prune left it");
                continue;
            }
            if (!OutputFolder.Holds(_directory, path))
            {
                warnings.Add($"{path}: outside {_directory} through a link, so --prune left it");
                continue;
            }
            try
            {
                File.Delete(path);
                deleted.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                warnings.Add($"{path}: could not be deleted ({e.Message})");
                continue;
            }
            // A page bundle's folder ({date}/index.md) goes with its post once empty; never the output folder.
            var folder = Path.GetDirectoryName(path);
            try
            {
                if (folder is not null && Path.GetFullPath(folder) != Path.GetFullPath(_directory) && !Directory.EnumerateFileSystemEntries(folder).Any())
                    Directory.Delete(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Something was put there meanwhile, or the folder is not ours to remove: it stays.
            }
        }
        return deleted;
    }

    private void EnsureLocked()
    {
        lock (_locking)
        {
            if (_lock is not null) return;
            var gate = OutputLock.Acquire(_directory);
            // The manifest we compared against is stale if a build that finished meanwhile rewrote it.
            if (PostManifest.FileHash(_directory) != Manifest.LoadedHash)
            {
                gate.Dispose();
                throw new OutputBusyException(
                    $"{_directory}: another hotpapers build wrote to this folder while this one was running. Run again. Nothing was written.");
            }
            PostWriter.RemoveLeftovers(_directory);
            _lock = gate;
        }
    }

    public void Dispose()
    {
        _staged.Discard();
        if (!_committed && _folderIsNew && _lock is not null)
        {
            // A failed build into a folder it made leaves no folder. Only a build that started within
            // this build's lifetime on the same new folder could race for the lock file we delete.
            File.Delete(Path.Combine(_directory, OutputLock.FileName));
            _lock.Dispose();
            try { Directory.Delete(_directory); }
            catch (IOException) { }
            return;
        }
        _lock?.Dispose();
    }
}
