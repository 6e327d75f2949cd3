using System.Text.RegularExpressions;

namespace HotPapers.Settings;

/// <summary>
/// The <c>site:</c> section: what <c>hotpapers site</c> writes the HTML site with. Only the site reads
/// these; a build of posts ignores them.
/// </summary>
public sealed partial record SiteSettings
{
    /// <summary>The site's name: the header of every page, the feeds' title.</summary>
    public string Title { get; init; } = "Hot Papers";

    /// <summary>One sentence saying what the site is: the home page's description, the feeds' subtitle.</summary>
    public string Description { get; init; } = "The arXiv papers most discussed each day.";

    /// <summary>Who publishes the site (the pages' author meta, the feeds' author); empty for none.</summary>
    public string Author { get; init; } = "";

    /// <summary>The site's absolute address, ending in <c>/</c> (null: unknown, so no canonical links, sitemap or feeds).</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary><c>embeds: live</c>: tweets and Bluesky posts as their networks' embeds (stored ones as <c>EmbedGuard</c> judges them); else static cards.</summary>
    public bool LiveEmbeds { get; init; }

    /// <summary>How many digests a listing page (home, category) shows before it links to the next page.</summary>
    public int PageSize { get; init; } = 30;

    /// <summary>How many of the latest digests each feed carries.</summary>
    public int FeedItems { get; init; } = 20;

    /// <summary>The folder the site is written to.</summary>
    public string OutputDirectory { get; init; } = "public";

    /// <summary>The about page's text, in paragraphs (a blank line between two).</summary>
    public string About { get; init; } = "A daily digest of the arXiv papers people discussed most, with the posts that discussed them.";

    /// <summary>The pages' language (the html element's lang).</summary>
    public string Language { get; init; } = "en";

    public static SiteSettings Default { get; } = new();

    /// <summary>
    /// A language tag's shape (<c>en</c>, <c>pt-BR</c>, <c>zh-Hant-TW</c>): subtags of letters and digits
    /// joined by hyphens. A typo such as <c>en_US</c>, or an empty value, is refused where the settings are
    /// read, rather than going into every page's <c>lang</c>; which tags exist is left to the registry.
    /// The settings schema's pattern is the same expression.
    /// </summary>
    internal static bool IsLanguageTag(string text) => LanguageTagShape().IsMatch(text);

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTagShape();
}
