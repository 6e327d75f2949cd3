using AngleSharp.Html;
using AngleSharp.Html.Dom.Events;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;

namespace HotPapers.Safety;

/// <summary>
/// Decides whether a stored embed is its network's oEmbed shape and nothing else, so that it can be
/// emitted byte for byte. Twitter's: one <c>blockquote class="twitter-tweet"</c> (data- attributes allowed)
/// holding <c>p</c> (lang, dir), <c>a</c> (an http(s) href) and <c>br</c>, text and entities, then a
/// line feed and exactly <see cref="WidgetsScript"/>. Bluesky's, on the same terms: one
/// <c>blockquote class="bluesky-embed"</c> (data-bluesky- attributes allowed: a post's at:// URI, tokens) holding <c>p</c> (lang),
/// <c>a</c> (an https href) and <c>br</c>, then exactly <see cref="BlueskyScript"/> (at once, as its
/// oEmbed answer has it, or after a line feed). The markup is read by AngleSharp's
/// HTML tokenizer, the one its spec-following parser uses, so that what we check is what a browser
/// reads (a regex would miss unquoted attributes, entity tricks, <c>&lt;/p&gt;</c> inside attribute
/// values and the like). Tags must be balanced and properly nested and any tokenizer parse error
/// rejects the embed, so the browser's error recovery never gets to build something we did not check.
/// </summary>
internal static partial class EmbedGuard
{
    /// <summary>The script line that ends every Twitter oEmbed answer, and the only script a tweet's embed may hold.</summary>
    public const string WidgetsScript = "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>";

    /// <summary>The script that ends every Bluesky oEmbed answer, and the only script a Bluesky post's embed may hold.</summary>
    public const string BlueskyScript = "<script async src=\"https://embed.bsky.app/static/embed.js\" charset=\"utf-8\"></script>";

    private const string Separator = "\n";

    /// <summary>The two embed shapes that pass: what differs between Twitter's and Bluesky's.</summary>
    private sealed record Shape(string Class, string DataPrefix, bool PDir, bool HttpsOnly);

    private static readonly Shape Tweet = new("twitter-tweet", "data-", PDir: true, HttpsOnly: false);

    private static readonly Shape Bluesky = new("bluesky-embed", "data-bluesky-", PDir: false, HttpsOnly: true);

    /// <summary>Null when <paramref name="html"/> (trailing line ends ignored) is a safe tweet embed; else why not.</summary>
    public static string? Problem(string html) => Problem(html, bluesky: false);

    /// <summary>Null when <paramref name="html"/> (trailing line ends ignored) is a safe embed of a tweet, or of a Bluesky post; else why not.</summary>
    public static string? Problem(string html, bool bluesky)
    {
        // Spans, not strings: every tweet of a rebuild comes through here, and each copy was a kilobyte.
        var trimmed = html.AsSpan().TrimEnd("\n\r");
        ReadOnlySpan<char> quote;
        if (!bluesky)
        {
            if (!trimmed.EndsWith(Separator + WidgetsScript, StringComparison.Ordinal))
                return "it does not end with a line feed and the widgets.js script line";
            quote = trimmed[..^(Separator.Length + WidgetsScript.Length)];
        }
        else
        {
            if (!trimmed.EndsWith(BlueskyScript, StringComparison.Ordinal))
                return "it does not end with the embed.js script";
            quote = trimmed[..^BlueskyScript.Length];
            if (quote.EndsWith(Separator, StringComparison.Ordinal)) quote = quote[..^Separator.Length];
        }
        if (!quote.StartsWith("<blockquote", StringComparison.Ordinal) || !quote.EndsWith("</blockquote>", StringComparison.Ordinal))
            return "it is not one blockquote followed by the script";
        // A blank line ends a Markdown HTML block: what follows it would be read as Markdown, not HTML.
        if (quote.ContainsAny('\r', '\0')) return "it holds a carriage return or NUL character";
        // HTML reads a form feed as white space, CommonMark does not: "<blockquote\f" starts no HTML block,
        // and Markdown renderers (remark) showed the embed as literal text.
        if (quote.ContainsAny('\f', '\v')) return "it holds a form feed or vertical tab";
        foreach (var line in quote.Split('\n'))
        {
            // (An empty line is white space too.)
            if (quote[line].IsWhiteSpace()) return "it holds a blank line";
        }
        return MarkupProblem(html.AsMemory(0, quote.Length), bluesky ? Bluesky : Tweet);
    }

    /// <summary>The tokenizer check of the blockquote's markup: null when safe, else why not.</summary>
    /// <remarks>
    /// Cheap per embed, as every tweet of a rebuild comes here: the tokenizer reads the caller's characters
    /// in place (a <see cref="ReadOnlyMemoryTextSource"/>, not the copying text source a string gets), hands
    /// out its reused struct token instead of a token object each, and gives its pooled buffer back when
    /// disposed; attribute names and values are compared as spans. It does not track rows and columns,
    /// which no message here names. What outlives one embed (the stack of open elements, the error
    /// handler) is the thread's <see cref="Check"/>, not made again for each.
    /// </remarks>
    private static string? MarkupProblem(ReadOnlyMemory<char> quote, Shape shape)
    {
        var check = _check ??= new Check();
        check.Error = null;
        check.Open.Clear();
        using var source = new TextSource(new ReadOnlyMemoryTextSource(quote));
        using var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver) { DisableElementPositionTracking = true };
        tokenizer.Error += check.OnError;
        return check.Run(tokenizer, shape);
    }

    [ThreadStatic]
    private static Check? _check;

    /// <summary>One embed's walk through its tokens; a thread's, reused from embed to embed.</summary>
    private sealed class Check
    {
        public Check() => OnError = (_, e) => Error ??= "HTML parse error: " + e.Message;

        public string? Error;

        public readonly EventHandler<HtmlErrorEvent> OnError;

        // The open elements, innermost last; only blockquote, p and a are ever pushed (br has no end tag).
        public readonly Stack<string> Open = new();

        public string? Run(HtmlTokenizer tokenizer, Shape shape)
        {
            var open = Open;
            var closedRoot = false;
            while (true)
            {
                // A reference to the tokenizer's one token, overwritten by the next call: read it before then.
                ref var token = ref tokenizer.GetStructToken();
                if (Error is { } error) return error;
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
                        if (token.IsSelfClosing) return $"<{token.Name}/> is self-closing";
                        if (ElementProblem(ref token, open.Count == 0, shape, out var element) is { } problem) return problem;
                        if (element != "br") open.Push(element);
                        break;
                    }
                    case HtmlTokenType.EndTag:
                    {
                        if (open.Count == 0 || !token.Name.Memory.Span.SequenceEqual(open.Peek())) return $"</{token.Name}> does not close the open element";
                        if (token.Attributes.Count > 0) return $"</{token.Name}> has attributes";
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
    }

    /// <summary>Null when the start tag is allowed where it is, with <paramref name="element"/> its name; else why not.</summary>
    private static string? ElementProblem(ref StructHtmlToken tag, bool isRoot, Shape shape, out string element)
    {
        var name = tag.Name.Memory.Span;
        element = name switch
        {
            "blockquote" => "blockquote",
            "p" => "p",
            "a" => "a",
            "br" => "br",
            _ => "",
        };
        if (isRoot != (element == "blockquote")) return isRoot ? $"it starts with <{tag.Name}>" : "a blockquote inside the blockquote";
        if (element.Length == 0) return Unallowed(ref tag);
        var attributes = tag.Attributes;
        var hasTweetClass = false;
        for (var i = 0; i < attributes.Count; i++)
        {
            var attrName = attributes[i].Name.Memory.Span;
            var value = attributes[i].Value.Memory.Span;
            for (var j = 0; j < i; j++)
            {
                if (attributes[j].Name.Memory.Span.SequenceEqual(attrName)) return $"<{element}> repeats {attrName}";
            }
            var allowed = element switch
            {
                "blockquote" when attrName is "class" => hasTweetClass = shape == Tweet ? IsTweetClass(value) : value.SequenceEqual(shape.Class),
                "blockquote" => IsDataAttribute(attrName, shape.DataPrefix) && DataValueAllowed(attrName, value, shape),
                "p" => attrName is "lang" || (shape.PDir && attrName is "dir"),
                "a" => attrName is "href" && Records.HttpUrl.IsHttpHref(value.ToString())
                    && (!shape.HttpsOnly || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)),
                _ => false,
            };
            if (!allowed) return $"<{element}> has the attribute {attrName}=\"{Shorten(value)}\"";
        }
        return element == "blockquote" && !hasTweetClass ? $"the blockquote is not class=\"{shape.Class}\"" : null;
    }

    // Any other element: the old order of checks holds, so its first attribute (none is allowed on it) is named first.
    private static string Unallowed(ref StructHtmlToken tag) => tag.Attributes.Count > 0
        ? $"<{tag.Name}> has the attribute {tag.Attributes[0].Name}=\"{Shorten(tag.Attributes[0].Value.Memory.Span)}\""
        : $"it holds a <{tag.Name}> element";

    // Twitter writes class="twitter-tweet", and with align also tw-align-left/right/center.
    private static bool IsTweetClass(ReadOnlySpan<char> value)
    {
        var first = true;
        foreach (var range in value.Split(' '))
        {
            var token = value[range];
            if (token.IsEmpty) continue;
            if (first ? token is not "twitter-tweet" : token is not ("tw-align-left" or "tw-align-right" or "tw-align-center")) return false;
            first = false;
        }
        return !first;
    }

    /// <summary>
    /// Bluesky's embed.js reads the <c>data-bluesky-</c> attributes of any element on the page and frames
    /// what <c>data-bluesky-uri</c> names: that is a post's at:// URI, and the others (the cid, the colour
    /// mode) are letters, digits and hyphens; a tweet has none of them. Found by a red-team review: any
    /// value passed, <c>javascript:</c> and <c>../</c> paths included.
    /// </summary>
    private static bool DataValueAllowed(ReadOnlySpan<char> name, ReadOnlySpan<char> value, Shape shape)
    {
        if (!name.StartsWith("data-bluesky-", StringComparison.Ordinal)) return true;
        if (shape != Bluesky) return false;
        return name is "data-bluesky-uri" ? AtPostUri().IsMatch(value) : value.IndexOfAnyExcept(BlueskyToken) < 0;
    }

    private static readonly System.Buffers.SearchValues<char> BlueskyToken =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    // at://<DID or handle>/app.bsky.feed.post/<record key>: the shape every Bluesky post's URI has. The record key
    // is atproto's (never "." or ".."); \z, not $, which would take a line feed after it (found in review).
    [System.Text.RegularExpressions.GeneratedRegex(@"^at://(?:did:[a-z]+:[A-Za-z0-9._:%-]+|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/app\.bsky\.feed\.post/(?!\.{1,2}\z)[A-Za-z0-9._:~-]{1,512}\z")]
    private static partial System.Text.RegularExpressions.Regex AtPostUri();

    private static bool IsDataAttribute(ReadOnlySpan<char> name, string prefix) =>
        name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && name[prefix.Length..].IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789-") < 0;

    private static string Shorten(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : string.Concat(s[..37], "...");
}
