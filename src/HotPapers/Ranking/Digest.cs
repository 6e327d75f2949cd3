using System.Collections.Immutable;
using HotPapers.Records;

namespace HotPapers.Ranking;

/// <summary>A digest ready to render: the papers to show, in order, each with the mentions to show.</summary>
internal sealed record Digest(DigestRecords Records, ImmutableArray<RankedPaper> Papers)
{
    /// <summary>Why the records' other papers are not shown.</summary>
    public LeftOut LeftOut { get; init; }
}

/// <summary>How many of a digest's papers the ranking left out, by reason (the first that applies, in this order).</summary>
/// <param name="Repeats">Shown in the days before (<see cref="RankingSettings.RepeatAfterDays"/>).</param>
/// <param name="BelowScore">Scored below <see cref="RankingSettings.MinPaperScore"/>.</param>
/// <param name="WithoutPdf">No PDF link, under <see cref="RankingSettings.RequirePdf"/>.</param>
internal readonly record struct LeftOut(int Repeats, int BelowScore, int WithoutPdf);

/// <summary>A shown paper. The totals are over all its mentions, also those not shown, as the old posts had them.</summary>
/// <param name="Totals">Per network with any count, in the order of <see cref="Network"/>.</param>
/// <param name="Score">Each network's weight times its reposts plus likes, summed.</param>
internal sealed record RankedPaper(
    int Rank,
    PaperRecord Paper,
    ImmutableArray<EngagementTotals> Totals,
    decimal Score,
    DateTimeOffset CollectedAt,
    ImmutableArray<MentionRecord> Mentions)
{
    /// <summary>A mention's score, by the weights it was ranked with (1 for every network, where the paper was not ranked here).</summary>
    public Func<MentionRecord, decimal> Scores { get; init; } = static m => m.Score;

    /// <summary>Twitter's retweets (the old posts' and templates' <c>paper.retweets</c>).</summary>
    public long Retweets => Of(Network.Twitter)?.Reposts ?? 0;

    /// <summary>Twitter's favorites.</summary>
    public long Favorites => Of(Network.Twitter)?.Likes ?? 0;

    public EngagementTotals? Of(Network network)
    {
        foreach (var t in Totals)
        {
            if (t.Network == network) return t;
        }
        return null;
    }
}
