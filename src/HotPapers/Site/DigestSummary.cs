using System.Collections.Immutable;
using HotPapers.Ranking;
using HotPapers.Rendering;
using Scriban.Runtime;

namespace HotPapers.Site;

/// <summary>
/// What the listing pages (home, months, categories) and the sitemap need of a digest once its own page
/// is written: a few lines of text, not the digest, so that a catalog of years stays small in memory.
/// </summary>
/// <param name="File">The records file's index in the build's list, to rank it again for the home page and the feeds.</param>
internal sealed record DigestSummary(
    int File,
    DateOnly Date,
    DateOnly End,
    string Title,
    string DateText,
    DateTimeOffset CollectedAt,
    string Path,
    ImmutableArray<PaperSummary> Papers)
{
    public static DigestSummary Of(int file, Digest digest, string title) => new(
        file,
        digest.Records.Date,
        digest.Records.EndDate,
        title,
        PostModel.DateText(digest.Records),
        digest.Records.CollectedAt,
        SitePaths.Digest(digest.Records.Date, digest.Records.EndDate),
        [.. digest.Papers.Select(p => new PaperSummary(p.Rank, p.Paper.Id.Value, p.Paper.Title, p.Paper.Categories))]);

    /// <summary>
    /// Whether it is news: a digest no paper made (a day no source found a mention on) has its page and its
    /// place in the archive, but is neither the home page's digest nor a feed item (its subscribers would get
    /// "No paper made this digest.", and the home page would hide the latest real digest under it).
    /// </summary>
    public bool IsNews => Papers.Length > 0;

    /// <summary>The digest the home page shows in full: the newest that is news, or when none is, the newest; null without digests.</summary>
    public static DigestSummary? Latest(IReadOnlyList<DigestSummary> newestFirst) =>
        newestFirst.FirstOrDefault(d => d.IsNews) ?? newestFirst.FirstOrDefault();

    /// <summary>The categories of its papers, each once, in order of first appearance.</summary>
    public IEnumerable<string> Categories => Papers.SelectMany(p => p.Categories).Distinct(StringComparer.Ordinal);

    /// <summary>As a listing template sees it: <c>title</c>, <c>date_text</c>, <c>date</c>, <c>link</c> (from the root), <c>paper_count</c>, <c>papers</c>.</summary>
    public ScriptObject ToScriptObject(IEnumerable<PaperSummary>? papers = null)
    {
        var shown = new ScriptArray();
        foreach (var p in papers ?? Papers)
        {
            shown.Add(new ScriptObject(4)
            {
                { "rank", p.Rank },
                { "id", p.Id },
                { "title", p.Title },
                { "link", SitePaths.Link(Path) + "#paper-" + p.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            });
        }
        return new ScriptObject(7)
        {
            { "title", Title },
            { "date_text", DateText },
            { "date", Records.Rfc3339.FormatDate(Date) },
            { "end_date", Records.Rfc3339.FormatDate(End) },
            { "link", SitePaths.Link(Path) },
            { "paper_count", Papers.Length },
            { "papers", shown },
        };
    }
}

/// <summary>A shown paper, as listings name it.</summary>
internal sealed record PaperSummary(int Rank, string Id, string Title, ImmutableArray<string> Categories);
