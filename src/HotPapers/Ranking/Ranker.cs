using System.Collections.Immutable;
using HotPapers.Records;

namespace HotPapers.Ranking;

/// <summary>
/// Orders papers by engagement and picks the mentions to show. A mention's score is its network's
/// weight times its reposts plus likes; a paper's is the sum over its networks' totals. Equal scores
/// keep input order, except for the old crawler's files, where they come out in reverse input order as
/// the old generator's reversed stable sort left them.
/// </summary>
internal sealed class Ranker(RankingSettings settings)
{
    private readonly decimal[] _weights = Weights(settings);

    // One delegate per ranker, handed to every paper it ranks (the templates' mention.score): a method
    // group converted at each paper was a new delegate per paper.
    private Func<MentionRecord, decimal>? _scores;

    private Func<MentionRecord, decimal> Scores => _scores ??= Score;

    /// <param name="shownBefore">Papers (by versionless id) that earlier digests showed, left out here
    /// (<see cref="RankingSettings.RepeatAfterDays"/>); records that are ranked already keep every paper.</param>
    public Digest Rank(DigestRecords records, IReadOnlySet<string>? shownBefore = null)
    {
        if (records.Ranked) return AsListed(records);
        var reverseTies = records.Format == RecordsFormat.LegacyCrawler;
        var papers = records.Papers;
        var candidates = new List<(decimal Score, int Tie, int Index, ImmutableArray<EngagementTotals> Totals)>(papers.Length);
        var (repeats, belowScore, withoutPdf) = (0, 0, 0);
        for (var i = 0; i < papers.Length; i++)
        {
            if (shownBefore is { Count: > 0 } && shownBefore.Contains(papers[i].Id.Versionless))
            {
                repeats++;
                continue;
            }
            var totals = Totals(papers[i]);
            var score = Score(totals);
            if (score < settings.MinPaperScore) belowScore++;
            else if (settings.RequirePdf && papers[i].PdfUrl is null) withoutPdf++;
            else candidates.Add((score, reverseTies ? -i : i, i, totals));
        }
        // The tie-break makes the order total, so the sort need not be stable.
        candidates.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Tie.CompareTo(b.Tie));
        var shown = ImmutableArray.CreateBuilder<RankedPaper>(candidates.Count);
        foreach (var c in candidates)
        {
            var paper = papers[c.Index];
            shown.Add(new RankedPaper(shown.Count + 1, paper, c.Totals, c.Score, paper.CollectedAt ?? records.CollectedAt,
                PickMentions(paper.Mentions, reverseTies)) { Scores = Scores });
        }
        return new Digest(records, shown.MoveToImmutable()) { LeftOut = new LeftOut(repeats, belowScore, withoutPdf) };
    }

    private Digest AsListed(DigestRecords records) =>
        new(records, [.. records.Papers.Select((p, i) =>
        {
            var totals = Totals(p);
            return new RankedPaper(i + 1, p, totals, Score(totals), p.CollectedAt ?? records.CollectedAt, p.Mentions) { Scores = Scores };
        })]);

    /// <summary>A mention's score: its network's weight times its reposts plus likes.</summary>
    public decimal Score(MentionRecord mention) => _weights[(int)mention.Network] * mention.Score;

    private decimal Score(ImmutableArray<EngagementTotals> totals)
    {
        decimal score = 0;
        foreach (var t in totals) score += _weights[(int)t.Network] * (t.Reposts + t.Likes);
        return score;
    }

    /// <summary>
    /// Stated totals win; otherwise each network's sums over its mentions (an overflow throws, as the
    /// loader rules out). The networks with a mention or a stated total; Twitter's zeros where there is
    /// none at all (the old posts' counts line shows them).
    /// </summary>
    public static ImmutableArray<EngagementTotals> Totals(PaperRecord paper)
    {
        var reposts = new long[Networks.All.Length];
        var likes = new long[Networks.All.Length];
        var present = new bool[Networks.All.Length];
        if (!paper.Totals.IsDefaultOrEmpty)
        {
            foreach (var t in paper.Totals)
            {
                present[(int)t.Network] = true;
                reposts[(int)t.Network] = t.Reposts;
                likes[(int)t.Network] = t.Likes;
            }
        }
        else
        {
            foreach (var m in paper.Mentions)
            {
                var n = (int)m.Network;
                present[n] = true;
                reposts[n] = checked(reposts[n] + (m.Reposts ?? 0));
                likes[n] = checked(likes[n] + (m.Likes ?? 0));
            }
        }
        if (!present.Contains(true)) present[(int)Network.Twitter] = true;
        var totals = ImmutableArray.CreateBuilder<EngagementTotals>();
        foreach (var n in Networks.All)
        {
            if (present[(int)n]) totals.Add(new EngagementTotals(reposts[(int)n], likes[(int)n], n));
        }
        return totals.ToImmutable();
    }

    private static decimal[] Weights(RankingSettings settings)
    {
        var weights = new decimal[Networks.All.Length];
        System.Array.Fill(weights, 1m);
        foreach (var (name, weight) in settings.Weights ?? ImmutableSortedDictionary<string, decimal>.Empty)
        {
            if (Networks.TryParse(name, out var n)) weights[(int)n] = weight;
        }
        return weights;
    }

    // Written out rather than in LINQ: under Native AOT its chains were most of ranking's time, 3 to 4% of a rebuild.
    private ImmutableArray<MentionRecord> PickMentions(ImmutableArray<MentionRecord> mentions, bool reverseTies)
    {
        var order = new (decimal Score, int Tie, int Index)[mentions.Length];
        for (var i = 0; i < mentions.Length; i++) order[i] = (Score(mentions[i]), reverseTies ? -i : i, i);
        System.Array.Sort(order, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Tie.CompareTo(b.Tie));
        var picked = ImmutableArray.CreateBuilder<MentionRecord>();
        var shownIds = new HashSet<string>(StringComparer.Ordinal);
        // Compared one by one, not hashed: embeds are kilobytes long, and two different ones differ in
        // length or early on, so each comparison stops at once.
        var shownEmbeds = new List<string>();
        foreach (var (score, _, index) in order.AsSpan(0, Math.Clamp(settings.MaxMentions, 0, order.Length)))
        {
            var mention = mentions[index];
            if (score < settings.MinMentionScore) continue;
            // A repost of a mention already shown, or the same embed twice, would show the same card twice.
            if (mention.RepostOf is { } original && shownIds.Contains(original)) continue;
            var id = mention.StatusId;
            if (shownIds.Contains(id)) continue;
            if (mention.EmbedHtml is { } embed)
            {
                if (shownEmbeds.Contains(embed)) continue;
                shownEmbeds.Add(embed);
            }
            shownIds.Add(id);
            picked.Add(mention);
        }
        return picked.ToImmutable();
    }
}
