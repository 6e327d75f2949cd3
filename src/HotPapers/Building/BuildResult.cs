using HotPapers.Writing;

namespace HotPapers.Building;

/// <summary>One post of a build: where it goes and what writing it did (or, with --check, would do).</summary>
public sealed record BuiltPost(string RecordsFile, string PostPath, WriteOutcome Outcome)
{
    /// <summary>The post's bytes were not what hotpapers last wrote (replaced only with --force).</summary>
    public bool EditedByHand { get; init; }

    /// <summary>The SHA-256 of the post's bytes as built (see <see cref="Safety.PostManifest.Hash"/>).</summary>
    public string Hash { get; init; } = "";
}

public sealed record BuildResult(IReadOnlyList<BuiltPost> Posts, bool CheckOnly)
{
    /// <summary>Things the build did not use as given but worked around, each naming its file; the CLI prints them to stderr.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IEnumerable<BuiltPost> Changed => Posts.Where(p => p.Outcome != WriteOutcome.Unchanged);
}
