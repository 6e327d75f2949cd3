using System.Collections.Immutable;
using HotPapers.Ranking;
using HotPapers.Records;

namespace HotPapers.Tests.Ranking;

/// <summary>The ranking rules: thresholds and tweet limit as settings, deterministic order, tie order per format, ranked digests as listed.</summary>
public sealed class RankerTests
{
    private static readonly DateTimeOffset Collected = new(2021, 5, 1, 18, 50, 48, TimeSpan.FromHours(9));

    private static int _status;

    internal static MentionRecord Tweet(long? retweets, long? favorites, string? handle = null, string? retweetOf = null, string? embed = null)
    {
        var id = Interlocked.Increment(ref _status);
        handle ??= "u" + id;
        return new MentionRecord($"https://twitter.com/{handle}/status/{id}", handle, handle, "text " + id, TweetTime.FromDay(new DateOnly(2021, 4, 30)),
            "en", retweets, favorites, embed, retweetOf);
    }

    internal static PaperRecord Paper(string id, params MentionRecord[] tweets) => Paper(id, pdf: true, tweets);

    internal static PaperRecord Paper(string id, bool pdf, params MentionRecord[] tweets) =>
        new(new ArxivId(id), "Title " + id, ["Author"], "Abstract", ["cs.LG"], "https://arxiv.org/abs/" + id,
            pdf ? "https://arxiv.org/pdf/" + id : null, null, [], [.. tweets]);

    internal static DigestRecords Records(RecordsFormat format, params PaperRecord[] papers) =>
        new(new DateOnly(2021, 4, 30), new DateOnly(2021, 4, 30), Collected, false, [.. papers], PostOverrides.None, format);

    private static Digest Rank(DigestRecords records, RankingSettings? settings = null) => new Ranker(settings ?? RankingSettings.Default).Rank(records);

    private static string[] Ids(Digest digest) => [.. digest.Papers.Select(p => p.Paper.Id.Value)];

    [Fact]
    public void A_mentions_score_is_its_networks_weight_times_reposts_plus_likes()
    {
        var bluesky = Tweet(10, 10) with { Url = "https://bsky.app/profile/a/post/1", Network = Network.Bluesky };
        var tweet = Tweet(15, 15);
        var hn = Tweet(null, 100) with { Url = "https://news.ycombinator.com/item?id=1", Network = Network.HackerNews };
        var weights = System.Collections.Immutable.ImmutableSortedDictionary<string, decimal>.Empty.Add("bluesky", 2m).Add("hackernews", 0.25m);
        var settings = RankingSettings.Default with { Weights = weights, MinMentionScore = 26 };
        var paper = Assert.Single(Rank(Records(RecordsFormat.Records, Paper("2104.00001", tweet, hn, bluesky)), settings).Papers);
        // Bluesky 2 x 20 = 40, Twitter 30, Hacker News 0.25 x 100 = 25 (under 26).
        Assert.Equal([bluesky, tweet], paper.Mentions.ToArray());
        Assert.Equal(95m, paper.Score);
        Assert.Equal([Network.Twitter, Network.Bluesky, Network.HackerNews], paper.Totals.Select(t => t.Network));
        Assert.Equal((15L, 15L), (paper.Retweets, paper.Favorites));
        // With every weight 1 the paper's score is the plain sum, as for tweets alone.
        Assert.Equal(150m, Assert.Single(Rank(Records(RecordsFormat.Records, Paper("2104.00001", tweet, hn, bluesky))).Papers).Score);
    }

    [Fact]
    public void Stated_totals_per_network_are_weighted_too()
    {
        var weights = System.Collections.Immutable.ImmutableSortedDictionary<string, decimal>.Empty.Add("reddit", 0.5m);
        var paper = Paper("2104.00001") with { Totals = [new EngagementTotals(20, 20), new EngagementTotals(0, 40, Network.Reddit)] };
        Assert.Equal(60m, Assert.Single(Rank(Records(RecordsFormat.Records, paper), RankingSettings.Default with { Weights = weights }).Papers).Score);
        Assert.Empty(Rank(Records(RecordsFormat.Records, paper), RankingSettings.Default with { Weights = weights, MinPaperScore = 61 }).Papers);
    }

    // Found by a new user's trial: weighted scores are fractional, and a threshold between two of them could not be said.
    [Fact]
    public void Thresholds_between_whole_numbers_split_fractional_scores()
    {
        var weights = System.Collections.Immutable.ImmutableSortedDictionary<string, decimal>.Empty.Add("reddit", 0.25m);
        var paper = Paper("2104.00001") with { Totals = [new EngagementTotals(0, 50, Network.Reddit)] };
        var records = Records(RecordsFormat.Records, paper);
        Assert.Equal(12.5m, Assert.Single(Rank(records, RankingSettings.Default with { Weights = weights, MinPaperScore = 12.5m }).Papers).Score);
        Assert.Empty(Rank(records, RankingSettings.Default with { Weights = weights, MinPaperScore = 12.51m }).Papers);
    }

    [Fact]
    public void Defaults_are_the_old_generators()
    {
        Assert.Equal(new RankingSettings(MinPaperScore: 50, MinMentionScore: 25, MaxMentions: 10, RequirePdf: true), RankingSettings.Default);
    }

    [Theory]
    [InlineData(49, 50, false)]
    [InlineData(50, 50, true)]
    [InlineData(51, 50, true)]
    [InlineData(10, 10, true)]
    [InlineData(9, 10, false)]
    [InlineData(0, 0, true)]
    public void A_paper_is_shown_when_its_score_reaches_the_paper_threshold(int score, int threshold, bool shown)
    {
        var records = Records(RecordsFormat.Records, Paper("2104.00001", Tweet(score / 2, score - score / 2)));
        var digest = Rank(records, RankingSettings.Default with { MinPaperScore = threshold });
        Assert.Equal(shown, digest.Papers.Length == 1);
    }

    [Theory]
    [InlineData(24, 25, false)]
    [InlineData(25, 25, true)]
    [InlineData(5, 5, true)]
    [InlineData(4, 5, false)]
    public void A_tweet_is_shown_when_its_score_reaches_the_tweet_threshold(int score, int threshold, bool shown)
    {
        var records = Records(RecordsFormat.Records, Paper("2104.00001", Tweet(100, 0), Tweet(score, 0)));
        var paper = Assert.Single(Rank(records, RankingSettings.Default with { MinMentionScore = threshold }).Papers);
        Assert.Equal(shown ? 2 : 1, paper.Mentions.Length);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(3, 3)]
    [InlineData(1, 1)]
    [InlineData(20, 12)]
    public void At_most_MaxTweets_are_considered(int max, int expected)
    {
        var tweets = Enumerable.Range(0, 12).Select(i => Tweet(30 + i, 0)).ToArray();
        var paper = Assert.Single(Rank(Records(RecordsFormat.Records, Paper("2104.00001", tweets)), RankingSettings.Default with { MaxMentions = max }).Papers);
        Assert.Equal(expected, paper.Mentions.Length);
        // The best ones, best first.
        Assert.Equal(tweets.Reverse().Take(expected).Select(t => t.Url), paper.Mentions.Select(t => t.Url));
    }

    [Fact]
    public void The_limit_applies_before_the_tweet_threshold()
    {
        // Best first: 100, 90, then 20 (under 25) fills the third place, so the 25 after it is never considered.
        var records = Records(RecordsFormat.Records, Paper("2104.00001", Tweet(100, 0), Tweet(90, 0), Tweet(20, 0), Tweet(19, 0)));
        var paper = Assert.Single(Rank(records, RankingSettings.Default with { MaxMentions = 3, MinMentionScore = 19 }).Papers);
        Assert.Equal([100L, 90, 20], paper.Mentions.Select(t => t.Score));
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public void A_pdf_link_is_required_unless_the_setting_says_otherwise(bool requirePdf, int shown)
    {
        var records = Records(RecordsFormat.Records, Paper("2104.00001", Tweet(60, 0)), Paper("2104.00002", pdf: false, Tweet(70, 0)));
        Assert.Equal(shown, Rank(records, RankingSettings.Default with { RequirePdf = requirePdf }).Papers.Length);
    }

    [Fact]
    public void Papers_are_ordered_by_score_highest_first()
    {
        var records = Records(RecordsFormat.Records,
            Paper("2104.00001", Tweet(60, 0)), Paper("2104.00002", Tweet(0, 90)), Paper("2104.00003", Tweet(30, 45)), Paper("2104.00004", Tweet(50, 51)));
        var digest = Rank(records);
        Assert.Equal(["2104.00004", "2104.00002", "2104.00003", "2104.00001"], Ids(digest));
        Assert.Equal([1, 2, 3, 4], digest.Papers.Select(p => p.Rank));
    }

    [Fact]
    public void New_format_keeps_input_order_on_ties()
    {
        var records = Records(RecordsFormat.Records,
            Paper("2104.00001", Tweet(15, 15, "a"), Tweet(15, 15, "b"), Tweet(15, 15, "c")),
            Paper("2104.00002", Tweet(90, 0)),
            Paper("2104.00003", Tweet(50, 30)),
            Paper("2104.00004", Tweet(90, 0)));
        var digest = Rank(records);
        // 00001, 00002 and 00004 tie at 90; 00003 has 80.
        Assert.Equal(["2104.00001", "2104.00002", "2104.00004", "2104.00003"], Ids(digest));
        Assert.Equal(["a", "b", "c"], digest.Papers[0].Mentions.Select(t => t.Handle));
    }

    [Fact]
    public void Old_crawler_format_reverses_input_order_on_ties()
    {
        var records = Records(RecordsFormat.LegacyCrawler,
            Paper("2104.00001", Tweet(15, 15, "a"), Tweet(15, 15, "b"), Tweet(15, 15, "c")),
            Paper("2104.00002", Tweet(90, 0)),
            Paper("2104.00003", Tweet(50, 30)),
            Paper("2104.00004", Tweet(90, 0)));
        var digest = Rank(records);
        Assert.Equal(["2104.00004", "2104.00002", "2104.00001", "2104.00003"], Ids(digest));
        Assert.Equal(["c", "b", "a"], digest.Papers[2].Mentions.Select(t => t.Handle));
    }

    [Fact]
    public void Ranked_digests_are_kept_as_listed_unfiltered()
    {
        var quiet = Paper("2104.00001", pdf: false, Tweet(1, 1, "low"), Tweet(90, 0, "high"));
        var loud = Paper("2104.00002", Tweet(500, 500));
        var records = Records(RecordsFormat.Records, quiet, loud) with { Ranked = true };
        var digest = Rank(records);
        Assert.Equal(["2104.00001", "2104.00002"], Ids(digest));
        Assert.Equal([1, 2], digest.Papers.Select(p => p.Rank));
        Assert.Equal(["low", "high"], digest.Papers[0].Mentions.Select(t => t.Handle));
        Assert.Equal((91L, 1L), (digest.Papers[0].Retweets, digest.Papers[0].Favorites));
    }

    [Fact]
    public void Stated_totals_win_over_the_sums_of_the_tweets()
    {
        var withTotals = Paper("2104.00001", Tweet(1, 1)) with { Totals = [new EngagementTotals(40, 20)] };
        var paper = Assert.Single(Rank(Records(RecordsFormat.Records, withTotals)).Papers);
        Assert.Equal((40L, 20L, 60L), (paper.Retweets, paper.Favorites, paper.Score));
        Assert.Empty(paper.Mentions); // the tweet's own score (2) is under 25
    }

    [Fact]
    public void Totals_sum_every_tweet_and_unknown_counts_are_zero()
    {
        var paper = Paper("2104.00001", Tweet(40, null), Tweet(null, 15), Tweet(null, null), Tweet(3, 4));
        var ranked = Assert.Single(Rank(Records(RecordsFormat.Records, paper)).Papers);
        Assert.Equal((43L, 19L), (ranked.Retweets, ranked.Favorites));
        Assert.Equal([40L], ranked.Mentions.Select(t => t.Score));
    }

    [Fact]
    public void A_papers_own_collection_time_wins_over_the_digests()
    {
        var own = new DateTimeOffset(2021, 5, 2, 1, 2, 3, TimeSpan.FromHours(-5));
        var records = Records(RecordsFormat.Records, Paper("2104.00001", Tweet(60, 0)) with { CollectedAt = own }, Paper("2104.00002", Tweet(55, 0)));
        var digest = Rank(records);
        Assert.Equal([own, Collected], digest.Papers.Select(p => p.CollectedAt));
    }

    [Fact]
    public void Duplicates_are_shown_once_retweets_of_unshown_tweets_are_not_duplicates()
    {
        const string embed = "<blockquote class=\"twitter-tweet\">same</blockquote>";
        var original = Tweet(60, 0, "orig");
        var retweet = Tweet(50, 0, "rt", retweetOf: original.StatusId);
        var sameEmbedA = Tweet(40, 0, "ea", embed: embed);
        var sameEmbedB = Tweet(39, 0, "eb", embed: embed);
        var low = Tweet(10, 0, "low");
        var retweetOfLow = Tweet(30, 0, "rtlow", retweetOf: low.StatusId);
        var sameUrl = original with { Handle = "again", Reposts = 45 };
        var paper = Paper("2104.00001", original, retweet, sameEmbedA, sameEmbedB, low, retweetOfLow, sameUrl);
        var ranked = Assert.Single(Rank(Records(RecordsFormat.Records, paper)).Papers);
        Assert.Equal(["orig", "ea", "rtlow"], ranked.Mentions.Select(t => t.Handle));
    }

    [Fact]
    public void Ranking_is_deterministic()
    {
        var papers = Enumerable.Range(1, 40).Select(i => Paper($"2104.{i:00000}", Tweet(i % 5 * 20, i % 3 * 10), Tweet(i % 4 * 10, 25))).ToArray();
        foreach (var format in new[] { RecordsFormat.Records, RecordsFormat.LegacyCrawler })
        {
            var first = Rank(Records(format, papers));
            var second = Rank(Records(format, papers));
            Assert.Equal(Ids(first), Ids(second));
            Assert.Equal(first.Papers.SelectMany(p => p.Mentions.Select(t => t.Url)), second.Papers.SelectMany(p => p.Mentions.Select(t => t.Url)));
            // Sorted by score, and every tie in the order the format promises.
            for (var i = 1; i < first.Papers.Length; i++)
            {
                var (a, b) = (first.Papers[i - 1], first.Papers[i]);
                Assert.True(a.Score >= b.Score);
                if (a.Score == b.Score)
                {
                    var (ia, ib) = (Array.IndexOf(papers, a.Paper), Array.IndexOf(papers, b.Paper));
                    Assert.True(format == RecordsFormat.Records ? ia < ib : ia > ib);
                }
            }
        }
    }
}
