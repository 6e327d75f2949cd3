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
        // Stated totals, per network: the latest day that states a network's stands for it.
        var stated = new Dictionary<string, SortedDictionary<Network, EngagementTotals>>(StringComparer.Ordinal);
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
                if (!paper.Totals.IsDefaultOrEmpty)
                {
                    if (!stated.TryGetValue(id, out var byNetwork)) stated[id] = byNetwork = [];
                    foreach (var t in paper.Totals) byNetwork[t.Network] = t;
                }
            }
        }
        var result = ImmutableArray.CreateBuilder<PaperRecord>(order.Count);
        foreach (var id in order)
        {
            var (latest, tweets, _) = papers[id];
            var merged = latest with
            {
                Mentions = [.. tweets],
                Totals = stated.TryGetValue(id, out var byNetwork) ? [.. byNetwork.Values] : latest.Totals,
            };
            // Each day's sums fit in 64 bits (the loader checks); the merged mentions' need not.
            if (!stated.ContainsKey(id) && !SumsFit(merged))
            {
                problems.Add(new(days[^1].File, $"$.papers[{id}]", "counts whose sums over the days fit in 64 bits",
                    "counts too large to add up"));
            }
            result.Add(merged);
        }
        if (problems.Count > 0) throw new InputException(problems);
        var collectedAt = days.Max(d => d.Records.CollectedAt);
        return new DigestRecords(first, last, collectedAt, false, result.MoveToImmutable(), PostOverrides.None, RecordsFormat.Records);
    }

    private static bool SumsFit(PaperRecord paper)
    {
        long reposts = 0, likes = 0;
        foreach (var m in paper.Mentions)
        {
            if (long.MaxValue - reposts < (m.Reposts ?? 0) || long.MaxValue - likes < (m.Likes ?? 0)) return false;
            reposts += m.Reposts ?? 0;
            likes += m.Likes ?? 0;
        }
        return true;
    }
}
