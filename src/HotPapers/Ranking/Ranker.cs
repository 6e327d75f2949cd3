using System.Collections.Immutable;
using HotPapers.Records;

namespace HotPapers.Ranking;

/// <summary>
/// Orders papers by engagement and picks the tweets to show. Equal scores keep input order, except
/// for the old crawler's files, where they come out in reverse input order as the old generator's
/// reversed stable sort left them.
/// </summary>
internal sealed class Ranker(RankingSettings settings)
{
    /// <param name="shownBefore">Papers (by versionless id) that earlier digests showed, left out here
    /// (<see cref="RankingSettings.RepeatAfterDays"/>); records that are ranked already keep every paper.</param>
    public Digest Rank(DigestRecords records, IReadOnlySet<string>? shownBefore = null)
    {
        if (records.Ranked) return AsListed(records);
        var reverseTies = records.Format == RecordsFormat.LegacyCrawler;
        var papers = records.Papers;
        var candidates = new List<(long Score, int Tie, int Index, long Retweets, long Favorites)>(papers.Length);
        for (var i = 0; i < papers.Length; i++)
        {
            if (shownBefore is { Count: > 0 } && shownBefore.Contains(papers[i].Id.Versionless)) continue;
            var (retweets, favorites) = Totals(papers[i]);
            if (retweets + favorites >= settings.MinPaperScore && (!settings.RequirePdf || papers[i].PdfUrl is not null))
                candidates.Add((retweets + favorites, reverseTies ? -i : i, i, retweets, favorites));
        }
        // The tie-break makes the order total, so the sort need not be stable.
        candidates.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Tie.CompareTo(b.Tie));
        var shown = ImmutableArray.CreateBuilder<RankedPaper>(candidates.Count);
        foreach (var c in candidates)
        {
            var paper = papers[c.Index];
            shown.Add(new RankedPaper(shown.Count + 1, paper, c.Retweets, c.Favorites, paper.CollectedAt ?? records.CollectedAt,
                PickTweets(paper.Tweets, reverseTies)));
        }
        return new Digest(records, shown.MoveToImmutable());
    }

    private static Digest AsListed(DigestRecords records) =>
        new(records, [.. records.Papers.Select((p, i) =>
        {
            var (retweets, favorites) = Totals(p);
            return new RankedPaper(i + 1, p, retweets, favorites, p.CollectedAt ?? records.CollectedAt, p.Tweets);
        })]);

    /// <summary>Stated totals win; otherwise the sums over every tweet (an overflow throws, as the loader rules out).</summary>
    public static (long Retweets, long Favorites) Totals(PaperRecord paper)
    {
        if (paper.Totals is { } t) return (t.Retweets, t.Favorites);
        long retweets = 0, favorites = 0;
        foreach (var tweet in paper.Tweets)
        {
            retweets = checked(retweets + (tweet.Retweets ?? 0));
            favorites = checked(favorites + (tweet.Favorites ?? 0));
        }
        return (retweets, favorites);
    }

    // Written out rather than in LINQ: under Native AOT its chains were most of ranking's time, 3 to 4% of a rebuild.
    private ImmutableArray<TweetRecord> PickTweets(ImmutableArray<TweetRecord> tweets, bool reverseTies)
    {
        var order = new (long Score, int Tie, int Index)[tweets.Length];
        for (var i = 0; i < tweets.Length; i++) order[i] = (tweets[i].Score, reverseTies ? -i : i, i);
        System.Array.Sort(order, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Tie.CompareTo(b.Tie));
        var picked = ImmutableArray.CreateBuilder<TweetRecord>();
        var shownIds = new HashSet<string>(StringComparer.Ordinal);
        // Compared one by one, not hashed: embeds are kilobytes long, and two different ones differ in
        // length or early on, so each comparison stops at once.
        var shownEmbeds = new List<string>();
        foreach (var (_, _, index) in order.AsSpan(0, Math.Clamp(settings.MaxTweets, 0, order.Length)))
        {
            var tweet = tweets[index];
            if (tweet.Score < settings.MinTweetScore) continue;
            // A retweet of a tweet already shown, or the same embed twice, would show the same card twice.
            if (tweet.RetweetOf is { } original && shownIds.Contains(original)) continue;
            var id = tweet.StatusId;
            if (shownIds.Contains(id)) continue;
            if (tweet.EmbedHtml is { } embed)
            {
                if (shownEmbeds.Contains(embed)) continue;
                shownEmbeds.Add(embed);
            }
            shownIds.Add(id);
            picked.Add(tweet);
        }
        return picked.ToImmutable();
    }
}
