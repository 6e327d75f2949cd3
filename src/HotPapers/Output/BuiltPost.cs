namespace HotPapers.Output;

/// <summary>One post of a build: where it goes and what writing it did (or, with --check, would do).</summary>
public sealed record BuiltPost(string RecordsFile, string PostPath, WriteOutcome Outcome)
{
    /// <summary>The post's bytes were not what hotpapers last wrote (replaced only with --force).</summary>
    public bool EditedByHand { get; init; }
}
