using System.Collections.Immutable;

namespace HotPapers.Records;

/// <summary>
/// One digest of several days made from their daily records (<c>build --date A --until B</c> or
/// <c>--week</c> without a records file of the range): each paper once, with the tweets of every day
/// that discussed it, each tweet once with its latest counts. The days are taken in date order and a
/// later day's version of a paper or a tweet wins, so the result depends on the files only.
/// </summary>
internal static class DayMerge
{
    /// <param name="days">Each day's file and records, in date order.</param>
    public static DigestRecords Merge(DateOnly first, DateOnly last, IReadOnlyList<(string File, DigestRecords Records)> days)
    {
        var problems = new List<InputProblem>();
        foreach (var (file, records) in days)
        {
            // An imported post's records are that post as it was shown: there is nothing to rank them with.
            if (records.Ranked)
                problems.Add(new(file, "$.ranked", "records to rank (a digest of several days ranks the papers of all its days)", "ranked: true"));
        }
        if (problems.Count > 0) throw new InputException(problems);

        // By the paper's versionless id, in order of first appearance: ties in score keep that order.
        var order = new List<string>();
        var papers = new Dictionary<string, (PaperRecord Latest, List<MentionRecord> Tweets, Dictionary<string, int> TweetAt)>(StringComparer.Ordinal);
        foreach (var (_, records) in days)
        {
            foreach (var paper in records.Papers)
            {
                var id = paper.Id.Versionless;
                if (!papers.TryGetValue(id, out var merged))
                {
                    merged = (paper, [], new Dictionary<string, int>(StringComparer.Ordinal));
                    order.Add(id);
                }
                foreach (var tweet in paper.Mentions)
                {
                    // The same post on another day: its place stays, its counts are the later ones.
                    if (merged.TweetAt.TryGetValue(tweet.StatusId, out var at)) merged.Tweets[at] = tweet;
                    else
                    {
                        merged.TweetAt[tweet.StatusId] = merged.Tweets.Count;
                        merged.Tweets.Add(tweet);
                    }
                }
                papers[id] = (paper, merged.Tweets, merged.TweetAt);
            }
        }
        var result = ImmutableArray.CreateBuilder<PaperRecord>(order.Count);
        foreach (var id in order)
        {
            var (latest, tweets, _) = papers[id];
            // Stated totals are counts at one collection: the latest day's stand, when it states them.
            result.Add(latest with { Mentions = [.. tweets] });
        }
        var collectedAt = days.Max(d => d.Records.CollectedAt);
        return new DigestRecords(first, last, collectedAt, false, result.MoveToImmutable(), PostOverrides.None, RecordsFormat.Records);
    }
}
