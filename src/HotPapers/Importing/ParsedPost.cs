using System.Collections.Immutable;
using HotPapers.Records;
using HotPapers.Rendering;

namespace HotPapers.Importing;

/// <summary>
/// A post as read, before it becomes records: its front matter and its papers, as written, the kind of
/// blog it was written for, and its empty-line counts.
/// </summary>
internal sealed record ParsedPost(PostFrontMatter FrontMatter, ImmutableArray<ParsedPaper> Papers, Flavor Flavor, PostLayout Layout);

/// <summary>
/// The front matter's values, as strings as the post wrote them (date included, in whatever form it had).
/// A Hugo post's <c>categories</c> and <c>images</c> lists give <see cref="Category"/> and <see cref="SocialImage"/>.
/// </summary>
/// <param name="IsHugo">The keys are Hugo's (<c>categories</c>, <c>images</c>; no <c>template</c>, <c>category</c> or <c>socialImage</c>).</param>
internal sealed record PostFrontMatter(
    string Title,
    string Date,
    int DateLine,
    string? Template,
    bool? Draft,
    string? Slug,
    string? Category,
    ImmutableArray<string>? Tags,
    string? Description,
    string? SocialImage,
    bool IsHugo);

/// <summary>
/// One paper section of a post; <see cref="Totals"/> are its counts line's (Twitter's alone in the old
/// form), <see cref="Stamp"/> is the naive wall clock of its <c>(MM/DD/YYYY HH:MM:SS)</c>.
/// </summary>
internal sealed record ParsedPaper(
    int Line,
    string Title,
    string Authors,
    ImmutableArray<EngagementTotals> Totals,
    DateTime Stamp,
    string AbsUrl,
    string? PdfUrl,
    ImmutableArray<string> Categories,
    string Abstract,
    ImmutableArray<ParsedEmbed> Embeds);

/// <summary>One embed as it stands in the post (its lines joined by LF), and the line it starts on.</summary>
internal sealed record ParsedEmbed(int Line, string Html);
