using System.Collections.Immutable;
using HotPapers.Records;

namespace HotPapers.Ranking;

/// <summary>A digest ready to render: the papers to show, in order, each with the tweets to show.</summary>
internal sealed record Digest(DigestRecords Records, ImmutableArray<RankedPaper> Papers);

/// <summary>A shown paper. The totals are over all its tweets, also those not shown, as the old posts had them.</summary>
internal sealed record RankedPaper(
    int Rank,
    PaperRecord Paper,
    long Retweets,
    long Favorites,
    DateTimeOffset CollectedAt,
    ImmutableArray<TweetRecord> Tweets)
{
    public long Score => Retweets + Favorites;
}
