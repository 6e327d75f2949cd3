using HotPapers.Building;
using HotPapers.Writing;

namespace HotPapers.Safety;

/// <summary>A rendered post ready to be written.</summary>
public sealed record RenderedPost(string RecordsFile, string PostPath, byte[] Bytes);

/// <summary>
/// Writes a build's posts into the output folder safely: under <see cref="OutputLock"/>, after removing
/// what a killed run left, refusing (all of them, before writing any) when a post was edited since we
/// wrote it unless forced, and keeping <see cref="PostManifest"/> so that a kill at any moment leaves
/// every post complete (old or new) and still recognised as ours.
/// </summary>
public static class GuardedOutput
{
    public static BuiltPost[] Write(string outputDirectory, IReadOnlyList<RenderedPost> posts, bool force, Action<int, Action<int>> forEach)
    {
        using var gate = OutputLock.Acquire(outputDirectory);
        PostWriter.RemoveLeftovers(outputDirectory);
        var manifest = PostManifest.Load(outputDirectory);
        var edited = posts.Where(p => manifest.IsEditedByHand(p.PostPath, p.Bytes)).Select(p => p.PostPath).Order(StringComparer.Ordinal).ToList();
        if (edited.Count > 0 && !force) throw new PostsEditedException(edited);

        var hashes = posts.Select(p => (p.PostPath, PostManifest.Hash(p.Bytes))).ToList();
        // First the new hashes beside the old ones, then the posts, then the new hashes alone.
        manifest.With(hashes, keepOld: true).Save();
        var built = new BuiltPost[posts.Count];
        forEach(posts.Count, i => built[i] = new BuiltPost(posts[i].RecordsFile, posts[i].PostPath, PostWriter.Write(posts[i].PostPath, posts[i].Bytes))
        {
            EditedByHand = edited.Contains(posts[i].PostPath),
        });
        manifest.With(hashes, keepOld: false).Save();
        return built;
    }

    /// <summary>What <see cref="Write"/> would do, touching nothing.</summary>
    public static BuiltPost[] Check(string outputDirectory, IReadOnlyList<RenderedPost> posts, Action<int, Action<int>> forEach)
    {
        var manifest = PostManifest.Load(outputDirectory);
        var built = new BuiltPost[posts.Count];
        forEach(posts.Count, i =>
        {
            var (file, path, bytes) = posts[i];
            var outcome = PostWriter.Compare(path, bytes);
            built[i] = new BuiltPost(file, path, outcome) { EditedByHand = outcome == WriteOutcome.Updated && manifest.IsEditedByHand(path, bytes) };
        });
        return built;
    }
}
