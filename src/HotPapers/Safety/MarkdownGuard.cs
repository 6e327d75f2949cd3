using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HotPapers.Safety;

/// <summary>
/// Decides whether Markdown that we emit as written (an imported post's <c>rawText</c>) can do harm:
/// raw HTML other than a bare formatting tag (<c>&lt;b&gt;</c>, <c>&lt;/sub&gt;</c>: old posts have them and
/// they run nothing), images, link reference definitions (which other fields could use), and links whose
/// URL is not http(s), mailto or relative. Markdig with raw HTML on (CommonMark) is the judge, so the answer is
/// what a renderer such as Gatsby's remark or Hugo's goldmark would build.
/// </summary>
internal static class MarkdownGuard
{
    private static readonly MarkdownPipeline CommonMark = new MarkdownPipelineBuilder().Build();

    public static bool IsHarmless(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, CommonMark);
        }
        catch (ArgumentException)
        {
            // Nested past Markdig's depth limit: no judgement, so not harmless (it is escaped instead).
            return false;
        }
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlInline html when IsFormattingTag(html.Tag):
                    break;
                case HtmlBlock or HtmlInline or LinkReferenceDefinition or LinkReferenceDefinitionGroup:
                    return false;
                case LinkInline { IsImage: true }:
                    return false;
                case LinkInline link when !IsSafeUrl(link.Url):
                    return false;
                case AutolinkInline auto when !IsSafeUrl(auto.IsEmail ? "mailto:" + auto.Url : auto.Url):
                    return false;
            }
        }
        return true;
    }

    private static readonly HashSet<string> FormattingTags = new(StringComparer.Ordinal)
    {
        "b", "i", "em", "strong", "sub", "sup", "u", "s", "small", "code", "mark", "del", "ins", "br",
    };

    // One start or end tag, read by AngleSharp's HTML tokenizer, of a formatting element, without attributes.
    private static bool IsFormattingTag(string? tag)
    {
        if (string.IsNullOrEmpty(tag)) return false;
        var failed = false;
        var tokenizer = new AngleSharp.Html.Parser.HtmlTokenizer(new AngleSharp.Text.TextSource(tag), AngleSharp.Html.HtmlEntityProvider.Resolver);
        tokenizer.Error += (_, _) => failed = true;
        var token = tokenizer.Get();
        if (failed || token.Type is not (AngleSharp.Html.Parser.HtmlTokenType.StartTag or AngleSharp.Html.Parser.HtmlTokenType.EndTag)) return false;
        var t = token.AsTag();
        return FormattingTags.Contains(t.Name) && t.Attributes.Count == 0 && !t.IsSelfClosing
            && tokenizer.Get().Type == AngleSharp.Html.Parser.HtmlTokenType.EndOfFile && !failed;
    }

    /// <summary>http(s), mailto or a relative URL (no scheme before the first / ? #); anything else may run.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        var trimmed = new string(url.Where(ch => !char.IsWhiteSpace(ch) && !char.IsControl(ch)).ToArray());
        var colon = trimmed.IndexOf(':');
        if (colon < 0) return true;
        var firstDelimiter = trimmed.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon) return true;
        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }
}
