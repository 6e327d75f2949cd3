using System.Collections.Immutable;
using HotPapers.Records;

namespace HotPapers.Collecting;

/// <summary>
/// A source's mentions of the day: one per post and paper, in the order found. A post seen twice (pages of a
/// search can overlap, a Mastodon status can be both trending and tagged) keeps its first reading.
/// </summary>
internal sealed class Mentions
{
    private readonly ImmutableArray<FoundMention>.Builder found = ImmutableArray.CreateBuilder<FoundMention>();

    private readonly HashSet<(ArxivId, string)> seen = [];

    public void Add(IEnumerable<ArxivId> papers, MentionRecord mention, DateTimeOffset readAt)
    {
        foreach (var paper in papers)
        {
            if (seen.Add((paper, mention.Url))) found.Add(new FoundMention(paper, mention, readAt));
        }
    }

    public int Count => found.Count;

    public ImmutableArray<FoundMention> ToImmutable() => found.ToImmutable();
}
