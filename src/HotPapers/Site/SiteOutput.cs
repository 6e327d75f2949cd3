using System.Collections.Concurrent;
using System.Text;
using HotPapers.Output;

namespace HotPapers.Site;

/// <summary>
/// The site's way into its output folder: every file is first written below a staging folder inside it
/// (<see cref="StagingFolder"/>), so that bad input or a broken template leaves the site that was there
/// as it was; <see cref="Commit"/> then renames each file into place and removes the files of the earlier
/// site that this one no longer has, as listed in <see cref="ManifestFile"/>. Files hotpapers did not
/// write are left alone, and none is replaced without --force: the output folder may be a blog's own
/// (Hugo's and Gatsby's <c>public/</c>). One writer per folder (<see cref="OutputLock"/>). Disposing
/// without committing removes the staging folder, and the output folder too when this made it. Writes
/// are thread-safe.
/// </summary>
internal sealed class SiteOutput : IDisposable
{
    public const string StagingFolder = ".hotpapers-site-staging";
    public const string ManifestFile = ".hotpapers-site";

    private readonly string _directory;
    private readonly string _staging;
    private readonly bool _madeDirectory;
    private readonly bool _force;
    private readonly OutputLock _lock;
    private readonly ConcurrentDictionary<string, bool> _written = new(StringComparer.Ordinal);
    private readonly Writeback _writeback = new();
    private bool _committed;

    private SiteOutput(string directory, bool madeDirectory, bool force, OutputLock outputLock)
    {
        _directory = directory;
        _madeDirectory = madeDirectory;
        _force = force;
        _lock = outputLock;
        _staging = Path.Combine(directory, StagingFolder);
    }

    public string Directory => _directory;

    /// <param name="force">Replace files of the site's names that hotpapers did not write.</param>
    public static SiteOutput Open(string directory, bool force = false)
    {
        var made = OutputFolder.Check(directory, "a folder for the site (or none yet)");
        var output = new SiteOutput(directory, made, force, OutputLock.Acquire(directory));
        try
        {
            // What a killed run left.
            if (System.IO.Directory.Exists(output._staging)) System.IO.Directory.Delete(output._staging, recursive: true);
            System.IO.Directory.CreateDirectory(output._staging);
            return output;
        }
        catch (Exception e)
        {
            output.Dispose();
            if (OutputFolder.Refusal(directory, e) is { } refusal) throw refusal;
            throw;
        }
    }

    /// <summary>Stages a file of the site at <paramref name="path"/> (a relative path made by <see cref="SitePaths"/>).</summary>
    public void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var staged = Staged(path);
        if (!_written.TryAdd(path, true)) throw new InvalidOperationException($"{path} written twice");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        _writeback.Write(staged, bytes);
    }

    public void Write(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));

    /// <summary>The paths staged so far.</summary>
    public IReadOnlyCollection<string> StagedPaths() => [.. _written.Keys];

    /// <summary>How many files have been staged.</summary>
    public int Count => _written.Count;

    // A path inside the staging folder, or a bug: paths come from SitePaths, never from the records.
    private string Staged(string path)
    {
        if (!IsSitePath(path)) throw new ArgumentException($"not a path inside the site: {path}", nameof(path));
        return Path.Combine(_staging, path);
    }

    // A relative path below the output folder, with no empty, dot or dot-dot part, and none of hotpapers' own files.
    private static bool IsSitePath(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path)
        && !path.Split('/').Any(part => part is "" or "." or ".." || part.StartsWith(".hotpapers", StringComparison.Ordinal));

    /// <summary>Puts every staged file in place and removes the earlier site's files this one does not have.</summary>
    /// <returns>How many files of the earlier site were removed.</returns>
    /// <exception cref="InputException">What stands where the site's files go (see <see cref="Obstacles"/>); nothing was put in place.</exception>
    public int Commit()
    {
        _writeback.Finish();
        var paths = _written.Keys.Order(StringComparer.Ordinal).ToList();
        var earlier = Manifest().ToHashSet(StringComparer.Ordinal);
        if (!_madeDirectory && Obstacles(paths, earlier) is { Count: > 0 } obstacles) throw new InputException(obstacles);
        Durability.Flush(paths.Select(Staged));
        // The files about to be put in place are listed before they are, beside the earlier ones: a run
        // killed while it moves them leaves none that the next run would take for someone else's.
        WriteManifest(earlier.Union(paths).Order(StringComparer.Ordinal));
        MoveInPlace(paths, 0, paths.Count, "");
        var removed = 0;
        foreach (var old in Leaving(earlier))
        {
            var file = Path.Combine(_directory, old);
            File.Delete(file);
            removed++;
            RemoveEmptyFolders(Path.GetDirectoryName(file)!);
        }
        WriteManifest(paths);
        System.IO.Directory.Delete(_staging, recursive: true);
        _committed = true;
        return removed;
    }

    /// <summary>
    /// The files of the earlier site, still there, that this one has not staged: those <see cref="Commit"/> would
    /// remove, were nothing more staged.
    /// </summary>
    public IReadOnlyList<string> Leaving() => [.. Leaving(Manifest()).Order(StringComparer.Ordinal)];

    // Looked at as it is enumerated: Commit's removals see the folder as the moves left it.
    // A file reached through a link out of the folder is none of the site's (found by a second trial: a list entry through
    // a link to the records folder had a site build delete a records file).
    private IEnumerable<string> Leaving(IEnumerable<string> earlier) => earlier.Where(old =>
        !_written.ContainsKey(old) && InputFile.KindOf(Path.Combine(_directory, old), followLinks: false) is FileKind.File
        && OutputFolder.Holds(_directory, Path.Combine(_directory, old)));

    // Puts the staged files paths[from..to) (sorted, all below folder, "" or ending in '/') in place. A folder
    // the output does not have yet (a first build's every folder, a new day's) is renamed whole: one rename
    // instead of a mkdir and a rename per file, a tenth of a site's time. A folder that is there is merged
    // into file by file, so files hotpapers did not write (a CNAME) stay.
    private void MoveInPlace(List<string> paths, int from, int to, string folder)
    {
        var i = from;
        while (i < to)
        {
            var rest = paths[i].AsSpan(folder.Length);
            var slash = rest.IndexOf('/');
            if (slash < 0)
            {
                MoveFile(paths[i]);
                i++;
                continue;
            }
            var sub = folder + rest[..(slash + 1)].ToString();
            var end = i + 1;
            while (end < to && paths[end].StartsWith(sub, StringComparison.Ordinal)) end++;
            var target = Path.Combine(_directory, sub.TrimEnd('/'));
            if (InputFile.KindOf(target, followLinks: false) is FileKind.Missing)
                System.IO.Directory.Move(Staged(sub.TrimEnd('/')), target);
            else
                MoveInPlace(paths, i, end, sub);
            i = end;
        }
    }

    private void MoveFile(string path)
    {
        var target = Path.Combine(_directory, path);
        // Obstacles found what was there before the moves began; this is only what came since.
        var kind = InputFile.KindOf(target, followLinks: false);
        if (kind is not (FileKind.Missing or FileKind.File))
            throw new IOException(new InputProblem(target, InputProblem.WholeFile, FileOrNothing, InputFile.Describe(kind)).ToString());
        // Found by a new user's trial: every file was replaced on every run, byte for byte the same, so a deploy
        // that syncs by time and size (aws s3 sync, rsync without --checksum) sent the whole site each night.
        // A file already as the site would write it keeps its time, as an unchanged post does.
        WriteOutcome outcome;
        try
        {
            outcome = kind is FileKind.File ? PostWriter.Compare(target, File.ReadAllBytes(Staged(path))) : WriteOutcome.Created;
        }
        // Mid-commit: an IOException, which the command line tells without "Nothing was written" (found by review).
        catch (InputException e)
        {
            throw new IOException(e.Message, e);
        }
        if (outcome == WriteOutcome.Unchanged)
        {
            _unchanged++;
            return;
        }
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(Staged(path), target, overwrite: true);
    }

    private int _unchanged;

    /// <summary>How many of the staged files <see cref="Commit"/> found in place already, with the same bytes, and left alone.</summary>
    public int Unchanged => _unchanged;

    private const string FileOrNothing = "a file of the site, or nothing (move it away and run again)";

    // Whole or not at all, as a post is written.
    private void WriteManifest(IEnumerable<string> paths) =>
        PostWriter.Write(Path.Combine(_directory, ManifestFile), PostWriter.Encode(string.Concat(paths.Select(p => p + "\n"))));

    /// <summary>
    /// What stands where the site's files go, found before any is moved: anything but a folder where a folder
    /// goes, anything but a file where a file goes (the move would meet it halfway through), and without
    /// force, a file no earlier site listed whose bytes are not the new ones (those replace nothing):
    /// someone else's, e.g. a blog generator's index.html in its own public/.
    /// </summary>
    private List<InputProblem> Obstacles(List<string> paths, HashSet<string> earlier)
    {
        var problems = new List<InputProblem>();
        var folders = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var blocked = false;
            for (var slash = path.IndexOf('/'); slash >= 0 && !blocked; slash = path.IndexOf('/', slash + 1))
            {
                var folder = path[..slash];
                if (!folders.TryGetValue(folder, out var isBlocked))
                {
                    var kind = InputFile.KindOf(Path.Combine(_directory, folder));
                    folders[folder] = isBlocked = kind is not (FileKind.Missing or FileKind.Folder);
                    if (isBlocked) problems.Add(new(Path.Combine(_directory, folder), InputProblem.WholeFile, "a folder of the site, or nothing (move it away and run again)", InputFile.Describe(kind)));
                }
                blocked = isBlocked;
            }
            if (blocked) continue;
            var target = Path.Combine(_directory, path);
            var found = InputFile.KindOf(target, followLinks: false);
            if (found is FileKind.Missing) continue;
            if (found is not FileKind.File)
                problems.Add(new(target, InputProblem.WholeFile, FileOrNothing, InputFile.Describe(found)));
            else if (!_force && !earlier.Contains(path) && PostWriter.Compare(target, File.ReadAllBytes(Staged(path))) != WriteOutcome.Unchanged)
                problems.Add(new(target, InputProblem.WholeFile, "a file the site wrote before, or nothing (run again with --force to replace it)", "a file hotpapers did not write"));
        }
        return problems;
    }

    // The files the earlier site wrote, as its manifest lists them; lines that are no path inside the site are not ours to delete.
    private IEnumerable<string> Manifest()
    {
        var path = Path.Combine(_directory, ManifestFile);
        if (InputFile.KindOf(path, followLinks: false) is not FileKind.File) return [];
        return File.ReadAllLines(path).Where(IsSitePath);
    }

    private void RemoveEmptyFolders(string folder)
    {
        var root = Path.GetFullPath(_directory);
        for (var dir = Path.GetFullPath(folder); dir.Length > root.Length && dir.StartsWith(root, StringComparison.Ordinal); dir = Path.GetDirectoryName(dir)!)
        {
            if (System.IO.Directory.EnumerateFileSystemEntries(dir).Any()) return;
            System.IO.Directory.Delete(dir);
        }
    }

    public void Dispose()
    {
        try
        {
            _writeback.Finish();
            if (!_committed && System.IO.Directory.Exists(_staging)) System.IO.Directory.Delete(_staging, recursive: true);
        }
        finally
        {
            _lock.Dispose();
            if (!_committed && _madeDirectory)
            {
                File.Delete(Path.Combine(_directory, OutputLock.FileName));
                if (!System.IO.Directory.EnumerateFileSystemEntries(_directory).Any()) System.IO.Directory.Delete(_directory);
            }
        }
    }
}
