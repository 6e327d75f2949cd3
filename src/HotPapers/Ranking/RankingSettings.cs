using System.Collections.Immutable;

namespace HotPapers.Ranking;

/// <summary>The rules that decide which papers and mentions a digest shows; the defaults are the old generator's.</summary>
/// <param name="MinPaperScore">A paper is shown when its score (each network's weight times its reposts plus likes, summed) reaches this
/// (a number, as weighted scores are: found by a new user's trial, 12.5 was refused while the scores were 1499.5).</param>
/// <param name="MinMentionScore">A mention is shown when its score (its network's weight times its reposts plus likes) reaches this.</param>
/// <param name="MaxMentions">How many of a paper's best mentions are considered, before the score filter.</param>
/// <param name="RequirePdf">Leave out papers without a PDF link.</param>
/// <param name="RepeatAfterDays">Leave a paper out of a day's digest when one of this many days before showed it (0: off).</param>
/// <param name="Weights">Each network's weight by its name (<c>twitter</c>, <c>bluesky</c>, ...); a network not listed weighs 1.</param>
public sealed record RankingSettings(decimal MinPaperScore = 50, decimal MinMentionScore = 25, int MaxMentions = 10, bool RequirePdf = true, int RepeatAfterDays = 0,
    ImmutableSortedDictionary<string, decimal>? Weights = null)
{
    public static RankingSettings Default { get; } = new();

    // A record compares a dictionary by reference: two settings with the same weights are equal.
    public bool Equals(RankingSettings? other) =>
        other is not null && MinPaperScore == other.MinPaperScore && MinMentionScore == other.MinMentionScore && MaxMentions == other.MaxMentions
        && RequirePdf == other.RequirePdf && RepeatAfterDays == other.RepeatAfterDays
        && (Weights ?? ImmutableSortedDictionary<string, decimal>.Empty).SequenceEqual(other.Weights ?? ImmutableSortedDictionary<string, decimal>.Empty);

    public override int GetHashCode() => HashCode.Combine(MinPaperScore, MinMentionScore, MaxMentions, RequirePdf, RepeatAfterDays, Weights?.Count ?? 0);
}
