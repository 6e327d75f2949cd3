using AngleSharp.Html;
using AngleSharp.Html.Dom.Events;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using HotPapers.Rendering;

namespace HotPapers.Safety;

/// <summary>
/// Decides whether a stored embed is Twitter's oEmbed shape and nothing else, so that it can be
/// emitted byte for byte: one <c>blockquote class="twitter-tweet"</c> (data- attributes allowed)
/// holding <c>p</c> (lang, dir), <c>a</c> (an http(s) href) and <c>br</c>, text and entities, then a
/// line feed and exactly <see cref="TweetEmbed.WidgetsScript"/>. The markup is read by AngleSharp's
/// HTML tokenizer, the one its spec-following parser uses, so that what we check is what a browser
/// reads (a regex would miss unquoted attributes, entity tricks, <c>&lt;/p&gt;</c> inside attribute
/// values and the like). Tags must be balanced and properly nested and any tokenizer parse error
/// rejects the embed, so the browser's error recovery never gets to build something we did not check.
/// </summary>
public static class EmbedGuard
{
    private const string Separator = "\n";

    /// <summary>Null when <paramref name="html"/> (trailing line ends ignored) is a safe embed; else why not.</summary>
    public static string? Problem(string html)
    {
        // Spans, not strings: every tweet of a rebuild comes through here, and each copy was a kilobyte.
        var trimmed = html.AsSpan().TrimEnd("\n\r");
        if (!trimmed.EndsWith(Separator + TweetEmbed.WidgetsScript, StringComparison.Ordinal))
            return "it does not end with a line feed and the widgets.js script line";
        var quote = trimmed[..^(Separator.Length + TweetEmbed.WidgetsScript.Length)];
        if (!quote.StartsWith("<blockquote", StringComparison.Ordinal) || !quote.EndsWith("</blockquote>", StringComparison.Ordinal))
            return "it is not one blockquote followed by the script";
        // A blank line ends a Markdown HTML block: what follows it would be read as Markdown, not HTML.
        if (quote.ContainsAny('\r', '\0')) return "it holds a carriage return or NUL character";
        foreach (var line in quote.Split('\n'))
        {
            // (An empty line is white space too.)
            if (quote[line].IsWhiteSpace()) return "it holds a blank line";
        }
        return OEmbedShape.IsCertainlySafe(quote) ? null : MarkupProblem(quote.ToString());
    }

    public static bool IsSafe(string html) => Problem(html) is null;

    /// <summary>The tokenizer check of the blockquote's markup: null when safe, else why not.</summary>
    internal static string? MarkupProblem(string quote)
    {
        string? error = null;
        var tokenizer = new HtmlTokenizer(new TextSource(quote), HtmlEntityProvider.Resolver);
        tokenizer.Error += (_, e) => error ??= "HTML parse error: " + ((HtmlErrorEvent)e).Message;
        var open = new Stack<string>();
        var closedRoot = false;
        while (true)
        {
            var token = tokenizer.Get();
            if (error is not null) return error;
            switch (token.Type)
            {
                case HtmlTokenType.EndOfFile:
                    return open.Count == 0 && closedRoot ? null : "an element is not closed";
                case HtmlTokenType.Character:
                    if (closedRoot || open.Count == 0) return "it has text outside the blockquote";
                    break;
                case HtmlTokenType.StartTag:
                {
                    if (closedRoot) return "it has markup after the blockquote";
                    var tag = token.AsTag();
                    if (tag.IsSelfClosing) return $"<{tag.Name}/> is self-closing";
                    if (ElementProblem(tag, open.Count == 0) is { } problem) return problem;
                    if (tag.Name != "br") open.Push(tag.Name);
                    break;
                }
                case HtmlTokenType.EndTag:
                {
                    var tag = token.AsTag();
                    if (open.Count == 0 || open.Peek() != tag.Name) return $"</{tag.Name}> does not close the open element";
                    if (tag.Attributes.Count > 0) return $"</{tag.Name}> has attributes";
                    open.Pop();
                    if (open.Count == 0) closedRoot = true;
                    break;
                }
                case HtmlTokenType.Comment:
                    return "it holds a comment";
                default:
                    return $"it holds a {token.Type} token";
            }
        }
    }

    private static string? ElementProblem(HtmlTagToken tag, bool isRoot)
    {
        var name = tag.Name;
        if (isRoot != (name == "blockquote")) return isRoot ? $"it starts with <{name}>" : "a blockquote inside the blockquote";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var hasTweetClass = false;
        foreach (var attribute in tag.Attributes)
        {
            var attrName = attribute.Name.ToString();
            var value = attribute.Value.ToString();
            if (!seen.Add(attrName)) return $"<{name}> repeats {attrName}";
            var allowed = (name, attrName) switch
            {
                ("blockquote", "class") => hasTweetClass = IsTweetClass(value),
                ("blockquote", _) => IsDataAttribute(attrName),
                ("p", "lang" or "dir") => true,
                ("a", "href") => IsHttpUrl(value),
                _ => false,
            };
            if (!allowed) return $"<{name}> has the attribute {attrName}=\"{Shorten(value)}\"";
        }
        return name switch
        {
            "blockquote" => hasTweetClass ? null : "the blockquote is not class=\"twitter-tweet\"",
            "p" or "a" or "br" => null,
            _ => $"it holds a <{name}> element",
        };
    }

    // Twitter writes class="twitter-tweet", and with align also tw-align-left/right/center.
    private static bool IsTweetClass(string value)
    {
        var tokens = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length > 0 && tokens[0] == "twitter-tweet"
            && tokens.Skip(1).All(t => t is "tw-align-left" or "tw-align-right" or "tw-align-center");
    }

    private static bool IsDataAttribute(string name) =>
        name.Length > 5 && name.StartsWith("data-", StringComparison.Ordinal) && name.AsSpan(5).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789-") < 0;

    // The value as the browser reads it (entities already decoded by the tokenizer): http(s) only, and
    // no whitespace or control characters, which browsers strip and which hide schemes.
    public static bool IsHttpUrl(string value) =>
        (value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal))
        && !value.AsSpan().ContainsAnyInRange('\0', '\x1f') && !value.AsSpan().ContainsAnyInRange('\x7f', '\x9f')
        && Records.HttpUrl.IsHttp(value);

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
