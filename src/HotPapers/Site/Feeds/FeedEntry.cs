using System.Collections.Immutable;

namespace HotPapers.Site;

/// <summary>The site a feed belongs to.</summary>
/// <param name="Title">The site's title (from the settings).</param>
/// <param name="Description">What the site is, one sentence.</param>
/// <param name="Home">The absolute URL of the page the feed is of (its alternate link, JSON Feed's <c>home_page_url</c>): the site's
/// base URL for the site's feeds, a category's page for its feed.</param>
/// <param name="Author">Who publishes it, when the settings say.</param>
/// <param name="Language">The site's language tag (<c>site.language</c>), which the pages also carry: RSS's
/// <c>language</c>, Atom's <c>xml:lang</c>, JSON Feed's <c>language</c>.</param>
internal sealed record FeedSite(string Title, string Description, Uri Home, string? Author, string Language = "en");

/// <summary>One digest as a feed item.</summary>
/// <param name="Id">Stable across rebuilds: the digest page's absolute URL (a tag URI would do as well), never a build time.</param>
/// <param name="Title">The digest's title.</param>
/// <param name="Url">The digest page's absolute URL.</param>
/// <param name="Published">The digest's date, as an instant (its records' collection time).</param>
/// <param name="Updated">When its counts were last collected.</param>
/// <param name="Summary">Plain text: what the digest holds, one line.</param>
/// <param name="HtmlContent">The digest's full content as HTML, already judged safe by the site's renderer.</param>
/// <param name="Categories">The arXiv categories of its papers.</param>
internal sealed record FeedEntry(
    string Id,
    string Title,
    Uri Url,
    DateTimeOffset Published,
    DateTimeOffset Updated,
    string Summary,
    string HtmlContent,
    ImmutableArray<string> Categories);
