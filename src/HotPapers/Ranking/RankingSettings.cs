namespace HotPapers.Ranking;

/// <summary>The rules that decide which papers and tweets a digest shows; the defaults are the old generator's.</summary>
/// <param name="MinPaperScore">A paper is shown when its retweets plus favorites reach this.</param>
/// <param name="MinTweetScore">A tweet is shown when its retweets plus favorites reach this.</param>
/// <param name="MaxTweets">How many of a paper's best tweets are considered, before the score filter.</param>
/// <param name="RequirePdf">Leave out papers without a PDF link.</param>
/// <param name="RepeatAfterDays">Leave a paper out of a day's digest when one of this many days before showed it (0: off).</param>
public sealed record RankingSettings(int MinPaperScore = 50, int MinTweetScore = 25, int MaxTweets = 10, bool RequirePdf = true, int RepeatAfterDays = 0)
{
    public static RankingSettings Default { get; } = new();
}
