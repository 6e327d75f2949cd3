namespace HotPapers.Output;

/// <summary>One post of a build: where it goes and what writing it did (or, with --check, would do).</summary>
public sealed record BuiltPost(string RecordsFile, string PostPath, WriteOutcome Outcome)
{
    /// <summary>The post's bytes were not what hotpapers last wrote (replaced only with --force).</summary>
    public bool EditedByHand { get; init; }

    /// <summary>
    /// Of a post <see cref="EditedByHand"/>: hotpapers never wrote it into this folder (the old generator's, or one
    /// imported), so "edited" would be a guess. Found by a user's trial: <c>build --check</c> right after an import
    /// called every old post edited by hand.
    /// </summary>
    public bool NotWrittenByHotpapers { get; init; }
}
