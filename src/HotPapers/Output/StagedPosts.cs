using System.Collections.Concurrent;

namespace HotPapers.Output;

/// <summary>
/// Posts written to temporary files beside their final paths while a build renders, so that a build of
/// thousands of posts holds none of them in memory and still writes all or nothing: <see cref="Commit"/>
/// renames them into place once every digest has rendered, <see cref="Discard"/> (or a crash, see
/// <see cref="PostWriter.RemoveLeftovers"/>) removes them. Thread-safe: renders stage in parallel.
/// </summary>
internal sealed class StagedPosts
{
    private readonly ConcurrentBag<(string Temp, string Path)> _staged = [];
    // Folders made for staged posts ({date}/index.md patterns), removed again on Discard when empty.
    private readonly ConcurrentBag<string> _made = [];

    public void Add(string path, ReadOnlySpan<byte> bytes)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            for (var dir = folder; dir is not null && !Directory.Exists(dir); dir = System.IO.Path.GetDirectoryName(dir)) _made.Add(dir);
            Directory.CreateDirectory(folder);
        }
        var temp = PostWriter.TempPath(path);
        // CreateNew, not Create: .NET makes Create an ftruncate to zero after opening, and ext4 answers
        // a file truncated to zero by starting its writeback at close, one file at a time (a tenth of a
        // rebuild's system time). The leftovers of a killed run are gone (the lock removes them), so
        // the name is free; the syncfs before the renames writes all of them at once. A file that is
        // there after all is not ours to delete: the open fails and leaves it.
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        try
        {
            using (stream) stream.Write(bytes);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        _staged.Add((temp, path));
    }

    /// <summary>
    /// Makes the staged bytes durable, renames each over its post, and makes the renames durable: after a
    /// crash at any point every post is its complete old or complete new self.
    /// </summary>
    public void Commit()
    {
        var staged = _staged.ToArray();
        if (staged.Length == 0) return;
        Durability.Flush(staged.Select(s => s.Temp));
        foreach (var (temp, path) in staged) File.Move(temp, path, overwrite: true);
        Durability.Flush(staged.Select(s => s.Path));
        _staged.Clear();
        _made.Clear();
    }

    public void Discard()
    {
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
