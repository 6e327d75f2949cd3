using HotPapers.Records;

namespace HotPapers.TestData;

/// <summary>
/// Consecutive days of records in which papers stay hot: each day is a <see cref="DayGenerator"/> day,
/// plus some papers of the day before carried over (sometimes as another version of the id), their
/// tweets again with grown counts and new tweets besides, as a crawler run each day sees them. The
/// same seed gives the same days.
/// </summary>
internal static class WeekGenerator
{
    public static IReadOnlyList<DigestRecords> Generate(int seed, DateOnly first, int days)
    {
        var rng = new Random(seed);
        var result = new List<DigestRecords>(days);
        for (var i = 0; i < days; i++)
        {
            var day = DayGenerator.Generate(new Random(DayGenerator.DaySeed(seed, i)), first.AddDays(i));
            if (result.Count > 0)
            {
                var carried = result[^1].Papers.Where(_ => rng.Next(3) == 0).Select(p => Again(rng, p, day.Papers[0])).ToList();
                // Carried papers go among the day's own, not all first, so first appearance is not the day's order.
                var papers = day.Papers.ToList();
                foreach (var paper in carried) papers.Insert(rng.Next(papers.Count + 1), paper);
                day = day with { Papers = [.. papers] };
            }
            result.Add(day);
        }
        return result;
    }

    // The paper a day later: the same tweets with counts that grew (or, now and then, a retweet undone), a new one besides.
    private static PaperRecord Again(Random rng, PaperRecord paper, PaperRecord donor)
    {
        var tweets = paper.Mentions.Select(t => t with
        {
            Reposts = t.Reposts is { } r ? Math.Max(0, r + rng.Next(-2, 40)) : null,
            Likes = t.Likes is { } f ? f + rng.Next(0, 120) : null,
        }).Where(_ => rng.Next(8) > 0).ToList();
        if (donor.Mentions.Length > 0 && rng.Next(2) == 0) tweets.Add(donor.Mentions[0]);
        var id = rng.Next(4) == 0 && !paper.Id.Value.Contains('v') ? new ArxivId(paper.Id.Value + "v2") : paper.Id;
        return paper with { Id = id, Mentions = [.. tweets], Title = paper.Title + (rng.Next(3) == 0 ? " (revised)" : "") };
    }
}
