using System.Collections.Immutable;
using HotPapers.Records;

namespace HotPapers.Ranking;

/// <summary>
/// Orders papers by engagement and picks the tweets to show. Equal scores keep input order, except
/// for the old crawler's files, where they come out in reverse input order as the old generator's
/// reversed stable sort left them.
/// </summary>
public sealed class Ranker(RankingSettings settings)
{
    public Digest Rank(DigestRecords records)
    {
        if (records.Ranked) return AsListed(records);
        var reverseTies = records.Format == RecordsFormat.LegacyCrawler;
        var shown = records.Papers
            .Select((paper, index) => (paper, index, totals: Totals(paper)))
            .Where(p => p.totals.Retweets + p.totals.Favorites >= settings.MinPaperScore && (!settings.RequirePdf || p.paper.PdfUrl is not null))
            .OrderByDescending(p => p.totals.Retweets + p.totals.Favorites)
            .ThenBy(p => reverseTies ? -p.index : p.index)
            .Select((p, i) => new RankedPaper(i + 1, p.paper, p.totals.Retweets, p.totals.Favorites,
                p.paper.CollectedAt ?? records.CollectedAt, PickTweets(p.paper.Tweets, reverseTies)))
            .ToImmutableArray();
        return new Digest(records, shown);
    }

    private static Digest AsListed(DigestRecords records) =>
        new(records, [.. records.Papers.Select((p, i) =>
        {
            var (retweets, favorites) = Totals(p);
            return new RankedPaper(i + 1, p, retweets, favorites, p.CollectedAt ?? records.CollectedAt, p.Tweets);
        })]);

    /// <summary>Stated totals win; otherwise the sums over every tweet.</summary>
    public static (long Retweets, long Favorites) Totals(PaperRecord paper) =>
        paper.Totals is { } t ? (t.Retweets, t.Favorites)
            : (paper.Tweets.Sum(t => t.Retweets ?? 0), paper.Tweets.Sum(t => t.Favorites ?? 0));

    private ImmutableArray<TweetRecord> PickTweets(ImmutableArray<TweetRecord> tweets, bool reverseTies)
    {
        var picked = ImmutableArray.CreateBuilder<TweetRecord>();
        var shownIds = new HashSet<string>(StringComparer.Ordinal);
        var shownEmbeds = new HashSet<string>(StringComparer.Ordinal);
        var considered = tweets
            .Select((tweet, index) => (tweet, index))
            .OrderByDescending(t => t.tweet.Score)
            .ThenBy(t => reverseTies ? -t.index : t.index)
            .Take(settings.MaxTweets)
            .Select(t => t.tweet);
        foreach (var tweet in considered)
        {
            if (tweet.Score < settings.MinTweetScore) continue;
            // A retweet of a tweet already shown, or the same embed twice, would show the same card twice.
            if (tweet.RetweetOf is { } original && shownIds.Contains(original)) continue;
            if (shownIds.Contains(tweet.StatusId)) continue;
            if (tweet.EmbedHtml is { } embed && !shownEmbeds.Add(embed)) continue;
            shownIds.Add(tweet.StatusId);
            picked.Add(tweet);
        }
        return picked.ToImmutable();
    }
}
