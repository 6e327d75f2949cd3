using System.Collections.Immutable;
using HotPapers.Ranking;
using HotPapers.Records;

namespace HotPapers.Tests.Ranking;

/// <summary>
/// The ranker against its rules written as the LINQ query it once was (kept here as the statement of
/// them): on random digests full of ties, repeated statuses, retweets of shown tweets and repeated
/// embeds, under random settings, both give the same papers, in the same order, with the same tweets.
/// </summary>
public sealed class RankerPropertyTests
{
    [Theory]
    [InlineData(nameof(RecordsFormat.Records))]
    [InlineData(nameof(RecordsFormat.LegacyCrawler))]
    public void Random_digests_rank_as_the_rules_say(string formatName)
    {
        var format = Enum.Parse<RecordsFormat>(formatName);
        var random = new Random(format == RecordsFormat.Records ? 3 : 4);
        var shownTweets = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var settings = new RankingSettings(random.Next(0, 40), random.Next(0, 15), random.Next(-1, 6), random.Next(2) == 0);
            var records = RankerTests.Records(format, [.. Enumerable.Range(0, random.Next(0, 8)).Select(p => Paper(random, p))]);
            var actual = new Ranker(settings).Rank(records);
            var expected = Rules(records, settings);
            Assert.Equal(Describe(expected), Describe(actual));
            shownTweets += actual.Papers.Sum(p => p.Mentions.Length);
        }
        // The draws show papers and tweets, not only empty digests.
        Assert.True(shownTweets > 2_000, $"only {shownTweets} tweets shown");
    }

    private static PaperRecord Paper(Random random, int index)
    {
        // Few distinct counts, handles and embeds, so that ties, repeats and retweets of shown tweets are common.
        var tweets = new List<MentionRecord>();
        for (var t = random.Next(0, 9); t > 0; t--)
        {
            var earlier = tweets.Count > 0 && random.Next(3) == 0 ? tweets[random.Next(tweets.Count)] : null;
            var tweet = RankerTests.Tweet(Count(random), Count(random), handle: "h" + random.Next(3),
                retweetOf: earlier is not null && random.Next(2) == 0 ? earlier.StatusId : null,
                embed: random.Next(3) == 0 ? null : "<blockquote>" + random.Next(4) + "</blockquote>");
            // Now and then the same status twice.
            tweets.Add(earlier is not null && random.Next(4) == 0 ? tweet with { Url = earlier.Url } : tweet);
        }
        var paper = RankerTests.Paper("2104." + (10000 + index), pdf: random.Next(4) != 0, [.. tweets]);
        return random.Next(5) == 0 ? paper with { Totals = [new EngagementTotals(random.Next(0, 30), random.Next(0, 30))] } : paper;
    }

    private static long? Count(Random random) => random.Next(6) == 0 ? null : random.Next(0, 12);

    private static string Describe(Digest digest) => string.Join("\n", digest.Papers.Select(p =>
        $"{p.Rank} {p.Paper.Id} {p.Retweets}/{p.Favorites} {p.CollectedAt:O}: {string.Join(", ", p.Mentions.Select(t => t.Url + "|" + t.EmbedHtml))}"));

    // The rules as the ranker first stated them (Ranking/Ranker.cs before it was written out without LINQ).
    private static Digest Rules(DigestRecords records, RankingSettings settings)
    {
        var reverseTies = records.Format == RecordsFormat.LegacyCrawler;
        var shown = records.Papers
            .Select((paper, index) => (paper, index, totals: Totals(paper)))
            .Where(p => p.totals.Retweets + p.totals.Favorites >= settings.MinPaperScore && (!settings.RequirePdf || p.paper.PdfUrl is not null))
            .OrderByDescending(p => p.totals.Retweets + p.totals.Favorites)
            .ThenBy(p => reverseTies ? -p.index : p.index)
            .Select((p, i) => new RankedPaper(i + 1, p.paper, [new EngagementTotals(p.totals.Retweets, p.totals.Favorites)], p.totals.Retweets + p.totals.Favorites,
                p.paper.CollectedAt ?? records.CollectedAt, PickTweets(p.paper.Mentions, reverseTies, settings)))
            .ToImmutableArray();
        return new Digest(records, shown);
    }

    private static (long Retweets, long Favorites) Totals(PaperRecord paper) =>
        paper.Totals is [var t] ? (t.Reposts, t.Likes)
            : (paper.Mentions.Sum(t => t.Reposts ?? 0), paper.Mentions.Sum(t => t.Likes ?? 0));

    private static ImmutableArray<MentionRecord> PickTweets(ImmutableArray<MentionRecord> tweets, bool reverseTies, RankingSettings settings)
    {
        var picked = ImmutableArray.CreateBuilder<MentionRecord>();
        var shownIds = new HashSet<string>(StringComparer.Ordinal);
        var shownEmbeds = new HashSet<string>(StringComparer.Ordinal);
        var considered = tweets
            .Select((tweet, index) => (tweet, index))
            .OrderByDescending(t => t.tweet.Score)
            .ThenBy(t => reverseTies ? -t.index : t.index)
            .Take(settings.MaxMentions)
            .Select(t => t.tweet);
        foreach (var tweet in considered)
        {
            if (tweet.Score < settings.MinMentionScore) continue;
            if (tweet.RepostOf is { } original && shownIds.Contains(original)) continue;
            if (shownIds.Contains(tweet.StatusId)) continue;
            if (tweet.EmbedHtml is { } embed && !shownEmbeds.Add(embed)) continue;
            shownIds.Add(tweet.StatusId);
            picked.Add(tweet);
        }
        return picked.ToImmutable();
    }
}
