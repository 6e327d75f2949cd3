using HotPapers.Output;

namespace HotPapers.Building;

public sealed record BuildResult(IReadOnlyList<BuiltPost> Posts, bool CheckOnly)
{
    /// <summary>Things the build did not use as given but worked around, each naming its file; the CLI prints them to stderr.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IEnumerable<BuiltPost> Changed => Posts.Where(p => p.Outcome != WriteOutcome.Unchanged);

    /// <summary>
    /// The posts <see cref="BuildRequest.All.Prune"/> deleted; with <see cref="CheckOnly"/>, the posts of an earlier fileName
    /// as hotpapers wrote them (what --prune would delete), with or without it.
    /// </summary>
    public IReadOnlyList<string> Pruned { get; init; } = [];

    /// <summary>With <see cref="CheckOnly"/>: a post is missing or would change, or one is stale (<c>build --check</c>'s exit 3).</summary>
    public bool FoundChanges => CheckOnly && (Changed.Any() || Pruned.Count > 0);
}
