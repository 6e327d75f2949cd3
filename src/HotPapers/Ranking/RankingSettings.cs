namespace HotPapers.Ranking;

/// <summary>The rules that decide which papers and tweets a digest shows; the defaults are the old generator's.</summary>
/// <param name="MinPaperScore">A paper is shown when its retweets plus favorites reach this.</param>
/// <param name="MinTweetScore">A tweet is shown when its retweets plus favorites reach this.</param>
/// <param name="MaxTweets">How many of a paper's best tweets are considered, before the score filter.</param>
/// <param name="RequirePdf">Leave out papers without a PDF link.</param>
public sealed record RankingSettings(int MinPaperScore = 50, int MinTweetScore = 25, int MaxTweets = 10, bool RequirePdf = true)
{
    public static RankingSettings Default { get; } = new();
}
