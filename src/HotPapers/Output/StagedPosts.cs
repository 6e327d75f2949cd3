using System.Collections.Concurrent;

namespace HotPapers.Output;

/// <summary>
/// Posts written to temporary files beside their final paths while a build renders, so that a build of
/// thousands of posts holds none of them in memory and still writes all or nothing: <see cref="Replace"/>
/// renames them into place once every digest has rendered, keeping the posts they replace until
/// <see cref="Finish"/>, so that a rename that fails part way puts back those already replaced
/// (<see cref="PutBack"/>); <see cref="Discard"/> (or a crash, see <see cref="PostWriter.RemoveLeftovers"/>)
/// removes staged files. Staging is thread-safe (renders stage in parallel); the commit is one thread's.
/// <c>init</c> writes its files (settings, workflow, tool manifest, ...) through it too, all or none.
/// </summary>
internal sealed class StagedPosts
{
    private readonly ConcurrentBag<(string Temp, string Path)> _staged = [];
    // Folders made for staged posts ({date}/index.md patterns), removed again on Discard when empty.
    private readonly ConcurrentBag<string> _made = [];
    private readonly Writeback _writeback = new();

    public void Add(string path, ReadOnlySpan<byte> bytes)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            for (var dir = folder; dir is not null && !Directory.Exists(dir); dir = System.IO.Path.GetDirectoryName(dir)) _made.Add(dir);
            Directory.CreateDirectory(folder);
        }
        var temp = PostWriter.TempPath(path);
        // The name is free: the lock removed the leftovers of a killed run.
        _writeback.Write(temp, bytes);
        _staged.Add((temp, path));
    }

    /// <summary>
    /// Test seam: called with each post's path right before its rename (a test edits the post there, as a
    /// hand would at that moment, or throws, as a failing rename would).
    /// </summary>
    internal static readonly AsyncLocal<Action<string>?> BeforeRename = new();

    /// <summary>Test seam: called with each displaced old post's backup right before it is removed or put back.</summary>
    internal static readonly AsyncLocal<Action<string>?> BeforeRemovingOld = new();

    // Posts renamed into place by Replace, in order, and where what they displaced now is (null: there was nothing).
    private readonly List<(string Temp, string Path, string? Backup, bool Swapped)> _replaced = [];

    /// <summary>
    /// Makes the staged bytes durable, then puts each staged post in place, in name order, keeping what it
    /// displaces until <see cref="Finish"/> (or <see cref="PutBack"/>). What was displaced is checked
    /// after the rename, on the displaced file itself: it must be a file (or nothing) and, when
    /// <paramref name="seen"/> is given, be as the build compared it. Otherwise, or when a rename fails,
    /// every post already replaced is put back before this throws: <see cref="PostsEditedException"/> for
    /// a post changed since it was compared, an <see cref="IOException"/> saying so for the rest; a refused
    /// rename's, once everything is put back, holds a <see cref="ReplaceRefusedException"/> naming the post
    /// (where something could not be put back, it says so instead, and holds none).
    /// </summary>
    public void Replace(IReadOnlyDictionary<string, FileStamp?>? seen)
    {
        _writeback.Finish();
        var staged = _staged.ToArray();
        if (staged.Length == 0) return;
        Durability.Flush(staged.Select(s => s.Temp));
        foreach (var (temp, path) in staged.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            string? backup;
            try
            {
                BeforeRename.Value?.Invoke(path);
                backup = PutInPlace(temp, path, expectNone: seen is not null && seen.GetValueOrDefault(path) is null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The cause, with the post's path, for a caller that tells it in words of its own (init).
                throw PutBackAfter(new IOException($"{path}: could not be replaced ({e.Message}). "
                    + "The posts already replaced were put back. Nothing was written.", new ReplaceRefusedException(path, e)));
            }
            var kind = backup is null ? FileKind.Missing : InputFile.KindOf(backup, followLinks: false);
            if (kind is not (FileKind.Missing or FileKind.File or FileKind.Link))
                throw PutBackAfter(new IOException($"{path}: expected a post file (or none), found {InputFile.Describe(kind)}. "
                    + "The posts already replaced were put back. Nothing was written."));
            if (seen is not null && (backup is null ? null : FileStamp.Of(backup)) != seen.GetValueOrDefault(path))
                throw PutBackAfter(new PostsEditedException([path]));
        }
    }

    // The new post at path; returns where what was there now is (null when nothing was).
    private string? PutInPlace(string temp, string path, bool expectNone)
    {
        // Where the build saw no post, the new one takes the free name in one step (a whole rebuild into an
        // empty folder is all such posts); one saved there meanwhile makes it fail, and the swap below
        // then hands that file to the check, which finds it edited.
        if (expectNone && FileSwap.MoveToFreeName(temp, path) == FileSwap.Result.Moved)
        {
            _replaced.Add((temp, path, null, false));
            return null;
        }
        switch (FileSwap.Exchange(temp, path))
        {
            case FileSwap.Result.Swapped:
                _replaced.Add((temp, path, temp, true));
                return temp;
            case FileSwap.Result.Missing:
                // No post yet: one saved meanwhile is not overwritten (the move fails, and all is put back).
                File.Move(temp, path, overwrite: false);
                _replaced.Add((temp, path, null, false));
                return null;
            default:
                // Two renames where names cannot be swapped: for a moment the post is missing (a crash then
                // leaves it to the next build, which writes it again), and nothing is overwritten.
                var backup = BackupPath(path);
                var existed = File.Exists(path);
                if (existed) File.Move(path, backup, overwrite: false);
                // Recorded only once the new post is in place: a file saved at its name in between makes the
                // move fail, and putting back would then have moved that file away to be discarded.
                File.Move(temp, path, overwrite: false);
                _replaced.Add((temp, path, existed ? backup : null, false));
                return existed ? backup : null;
        }
    }

    private static string BackupPath(string path) => $"{path}.{Environment.ProcessId}.old{PostWriter.TempSuffix}";

    private Exception PutBackAfter(Exception e)
    {
        var failed = PutBack();
        return failed.Count == 0 ? e : new IOException(string.Join(Environment.NewLine, [e.Message, .. failed]), e);
    }

    /// <summary>
    /// Puts back every post <see cref="Replace"/> replaced, last first, and their staged files where they
    /// were (for <see cref="Discard"/>); returns what could not be put back, saying where the old post is.
    /// </summary>
    public List<string> PutBack()
    {
        var failed = new List<string>();
        for (var i = _replaced.Count - 1; i >= 0; i--)
        {
            var (temp, path, backup, swapped) = _replaced[i];
            try
            {
                if (swapped)
                {
                    if (FileSwap.Exchange(temp, path) != FileSwap.Result.Swapped) throw new IOException("it could not be swapped back");
                }
                else
                {
                    if (File.Exists(path)) File.Move(path, temp, overwrite: true);
                    if (backup is not null) File.Move(backup, path, overwrite: false);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed.Add($"{path}: could not be put back ({e.Message}); its old version is {backup ?? "none"}");
            }
        }
        _replaced.Clear();
        return failed;
    }

    /// <summary>Makes the renames durable (the caller then saves the manifest) .</summary>
    public void FlushRenames() => Durability.Flush(_replaced.Select(r => r.Path));

    /// <summary>
    /// The commit is done: the displaced old posts go, each checked again right before (with
    /// <paramref name="seen"/>): one written to since, through a handle opened before its rename, is put
    /// back in place of the new post instead, so that its writer's words are not lost (the next build finds
    /// it edited by hand). Returns a warning for each such post, and for each old post that could not be
    /// removed or put back: the posts are written by then, so these are no failure of the build.
    /// </summary>
    public List<string> Finish(IReadOnlyDictionary<string, FileStamp?>? seen)
    {
        var warnings = new List<string>();
        foreach (var (_, path, backup, _) in _replaced)
        {
            if (backup is null) continue;
            var edited = seen is not null && FileStamp.Of(backup) != seen.GetValueOrDefault(path);
            try
            {
                BeforeRemovingOld.Value?.Invoke(backup);
                if (edited)
                {
                    File.Move(backup, path, overwrite: true);
                    warnings.Add($"{path}: written to while this build replaced it; what was written is kept in place of the new post, and the next build takes it as edited by hand");
                }
                else
                {
                    File.Delete(backup);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                warnings.Add(edited
                    ? $"{path}: written to while this build replaced it; what was written is left at {backup} ({e.Message})"
                    : $"{backup}: the old post, replaced, could not be removed ({e.Message}); the next build removes it");
            }
        }
        _replaced.Clear();
        _staged.Clear();
        _made.Clear();
        return warnings;
    }

    public void Discard()
    {
        _writeback.Finish();
        while (_staged.TryTake(out var s)) File.Delete(s.Temp);
        // Deepest first; a folder something else has since put a file in stays.
        foreach (var dir in _made.Distinct().OrderByDescending(d => d.Length))
        {
            try { Directory.Delete(dir); }
            catch (IOException) { }
        }
        _made.Clear();
    }
}
