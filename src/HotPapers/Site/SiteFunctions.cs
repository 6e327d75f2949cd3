using HotPapers.Records;
using HotPapers.Rendering;
using Scriban.Runtime;

namespace HotPapers.Site;

/// <summary>
/// The functions the site's templates call: <c>html</c> escapes any text for an element or a quoted
/// attribute (the one escaping of the site, the embeds' own), <c>html_url</c> is a link from the records
/// escaped when it is an http(s) URL and empty otherwise (so no <c>javascript:</c> link), and
/// <c>category_link</c> is a category page's path from the site's root.
/// </summary>
internal static class SiteFunctions
{
    public static ScriptObject Functions { get; } = Make();

    /// <summary>Text as HTML, for an element's content or a double-quoted attribute value.</summary>
    public static string Html(string text) => TweetEmbed.Html(text);

    /// <summary>An http(s) URL as an escaped attribute value; anything else is empty.</summary>
    public static string HtmlUrl(string url) => HttpUrl.IsHttpHref(url) ? Html(url) : "";

    private static ScriptObject Make()
    {
        var functions = new ScriptObject(3)
        {
            ["html"] = new TextFunction("html", Html),
            ["html_url"] = new TextFunction("html_url", HtmlUrl),
            ["category_link"] = new TextFunction("category_link", c => Html(SitePaths.Link(SitePaths.Category(c)))),
        };
        functions.IsReadOnly = true;
        return functions;
    }
}
