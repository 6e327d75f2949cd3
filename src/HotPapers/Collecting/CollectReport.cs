using HotPapers.Output;

namespace HotPapers.Collecting;

/// <summary>How a run went: every source answered, some did not (the records hold what the others gave), or nothing could be collected.</summary>
public enum CollectOutcome
{
    Complete,
    Partial,
    Failed,
}

/// <summary>A source that did not answer as its API documents: which, the request, and what was wrong.</summary>
public sealed record SourceFailure(string Source, string? Url, string What)
{
    public override string ToString() => Url is null ? $"{Source}: {What}" : $"{Source}: {Url}: {What}";
}

/// <summary>One day's collection.</summary>
/// <param name="RecordsPath">The day's records file; null when nothing was written.</param>
/// <param name="Written">What writing it did; null when nothing could be collected.</param>
/// <param name="WriteError">Why the day could not be written (its file does not load, is an imported post's, or cannot be written), a line per problem; null otherwise.</param>
public sealed record CollectedDay(
    DateOnly Date,
    CollectOutcome Outcome,
    string? RecordsPath,
    WriteOutcome? Written,
    int Papers,
    int Mentions,
    IReadOnlyList<SourceFailure> Failures,
    IReadOnlyList<string> Notices,
    string? WriteError = null)
{
    /// <summary>The day was not written for want of arXiv's metadata: the sources found mentions, but without titles and abstracts there are no records.</summary>
    public bool WithoutMetadata { get; init; }

    /// <summary>The networks the day's file names as not answered (<c>unanswered</c>): this run's failures, and earlier ones not answered since.</summary>
    public IReadOnlyList<string> Unanswered { get; init; } = [];

    /// <summary>Those of <see cref="Unanswered"/> that did not fail this run: not asked (skipped), so still not answered.</summary>
    public IReadOnlyList<string> StillUnanswered => [.. Unanswered.Except(Failures.Select(f => f.Source))];

    /// <summary>
    /// The day's file is not one collect may replace (<see cref="WriteError"/> says why: it does not load, or it is
    /// an imported post's): it was left as it is, and no source was asked.
    /// </summary>
    public bool FileRefused { get; init; }
}

public sealed record CollectReport(IReadOnlyList<CollectedDay> Days)
{
    /// <summary>What the run notices about the settings it ran with (no contact address for the User-Agent).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The day being collected when the run was stopped (Ctrl+C): it and the days after it were not written; null when the run ended.</summary>
    public DateOnly? StoppedAt { get; init; }

    /// <summary>Complete when every day is; Failed when no day could be written; else Partial.</summary>
    public CollectOutcome Outcome =>
        Days.All(d => d.Outcome == CollectOutcome.Complete) ? CollectOutcome.Complete
        : Days.All(d => d.Outcome == CollectOutcome.Failed) ? CollectOutcome.Failed
        : CollectOutcome.Partial;
}
