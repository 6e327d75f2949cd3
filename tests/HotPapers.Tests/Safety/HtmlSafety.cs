using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace HotPapers.Tests.Safety;

/// <summary>
/// What a browser would run in an HTML page, found with AngleSharp's HTML5 parser: any element outside
/// the few a post is made of, a script other than the widgets.js one, on* or style attributes, and
/// URLs with a javascript:, data: or vbscript: scheme (as the browser reads them: entities decoded,
/// whitespace and controls dropped, any case).
/// </summary>
internal static class HtmlSafety
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "html", "head", "body", "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "a", "blockquote", "br", "hr",
        "em", "strong", "code", "pre", "del", "script",
    };

    public static List<string> Problems(string html)
    {
        var problems = new List<string>();
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            if (!Allowed.Contains(name) || element.NamespaceUri != "http://www.w3.org/1999/xhtml")
                problems.Add($"<{name}> element");
            if (name == "script" && !IsWidgetsScript(element)) problems.Add("a script other than widgets.js: " + element.OuterHtml);
            foreach (var attribute in element.Attributes)
            {
                var attr = attribute.LocalName;
                if (attr.StartsWith("on", StringComparison.Ordinal)) problems.Add($"<{name} {attr}>");
                if (attr is "style" or "srcdoc" or "formaction" or "action" or "background" or "dynsrc" or "lowsrc")
                    problems.Add($"<{name} {attr}>");
                var value = new string(attribute.Value.Where(ch => !char.IsWhiteSpace(ch) && !char.IsControl(ch)).ToArray()).ToLowerInvariant();
                if (value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("data:", StringComparison.Ordinal)
                    || value.StartsWith("vbscript:", StringComparison.Ordinal))
                    problems.Add($"<{name} {attr}=\"{attribute.Value}\">");
            }
        }
        foreach (var node in document.Descendants<IComment>()) problems.Add("a comment: " + node.Data);
        return problems;
    }

    // TweetEmbed.WidgetsScript or MentionEmbed.BlueskyScript as parsed: these three attributes and no content.
    private static bool IsWidgetsScript(IElement script) =>
        script.Attributes.Length == 3 && script.GetAttribute("async") == ""
        && script.GetAttribute("src") is "https://platform.twitter.com/widgets.js" or "https://embed.bsky.app/static/embed.js"
        && script.GetAttribute("charset") == "utf-8"
        && script.ChildNodes.Length == 0;
}
