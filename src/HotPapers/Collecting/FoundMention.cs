using HotPapers.Records;

namespace HotPapers.Collecting;

/// <summary>A mention a source found, with the arXiv paper it links to (normalised by <see cref="ArxivId"/>: abs, pdf, html, versions and old-style ids are one paper).</summary>
/// <param name="Paper">The paper, without version.</param>
/// <param name="Mention">The mention, in the records' model; its counts are those read at <paramref name="ReadAt"/>.</param>
/// <param name="ReadAt">When the response holding its counts was fetched.</param>
internal sealed record FoundMention(ArxivId Paper, MentionRecord Mention, DateTimeOffset ReadAt);
