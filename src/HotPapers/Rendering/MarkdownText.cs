using System.Buffers;
using System.Text;
using HotPapers.Safety;

namespace HotPapers.Rendering;

/// <summary>
/// Escapes text for Markdown where it could be markup in any CommonMark renderer, by the rule
/// <see cref="InertText"/> states on the text itself; text that is inert by that rule (nearly every
/// title and abstract) keeps its bytes, so old posts reproduce. Math spans (<c>$...$</c>) are LaTeX
/// for KaTeX: their backslashes, underscores and stars are not Markdown, but what could be HTML, an
/// entity or a link in them is escaped all the same, for renderers without math.
/// </summary>
internal static class MarkdownText
{
    private static readonly SearchValues<char> InlineMarkers = SearchValues.Create("\\`*_[]<>&~");
    // Link text left as it is: an arXiv category's letters, digits, dots, hyphens and spaces.
    private static readonly SearchValues<char> PlainLinkText = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.- ");
    private static readonly SearchValues<char> AsciiPunctuation = SearchValues.Create("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

    /// <summary>Where the text stands: its own paragraph (a line start), or after <c># N. </c> in a heading.</summary>
    public enum Context
    {
        Paragraph,
        Heading,
    }

    /// <summary>Line breaks fold into one space each (as the old generator did), then markup is escaped.</summary>
    public static string Escape(string text, Context context = Context.Paragraph)
    {
        text = OneLine(text);
        return InertText.IsInert(MathSpans.Mask(text), context == Context.Heading) ? text : EscapeMarkers(text, context);
    }

    public static string OneLine(string text) =>
        text.AsSpan().ContainsAny('\n', '\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\n', ' ') : text;

    private static string EscapeMarkers(string text, Context context)
    {
        var sb = new StringBuilder(text.Length + 16);
        var start = 0;
        if (context == Context.Paragraph)
        {
            // Indentation of four columns or more (a tab reaches four) makes a code block; it means nothing here, so it goes.
            while (start < text.Length && (text[start] == ' ' || text[start] == '\t')) start++;
            if (start < 4 && !text.AsSpan(0, start).Contains('\t')) start = 0;
            var rest = text.AsSpan(start).TrimStart(' ');
            if (rest.Length > 0 && ("#>-+*=|:".Contains(rest[0]) || InertText.OpensMathBlock(rest)))
            {
                sb.Append(text.AsSpan(start, text.Length - start - rest.Length)).Append('\\').Append(rest[0]);
                start = text.Length - rest.Length + 1;
            }
            else
            {
                var digits = 0;
                while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
                if (digits > 0 && digits < rest.Length && (rest[digits] == '.' || rest[digits] == ')'))
                {
                    sb.Append(text.AsSpan(start, text.Length - start - rest.Length + digits)).Append('\\').Append(rest[digits]);
                    start = text.Length - rest.Length + digits + 1;
                }
            }
        }
        var math = MathSpans.Find(text);
        var nextMath = 0;
        // Where the heading's closing run of # starts (before trailing white space): each # from there is escaped.
        var trimmedEnd = text.AsSpan().TrimEnd().Length;
        var closingHashes = trimmedEnd;
        while (closingHashes > 0 && text[closingHashes - 1] == '#') closingHashes--;
        for (var i = start; i < text.Length; i++)
        {
            var ch = text[i];
            // Spans in order, one look each: a search of all of them per character was quadratic.
            while (nextMath < math.Count && math[nextMath].End <= i) nextMath++;
            if (nextMath < math.Count && math[nextMath].Start <= i)
            {
                // LaTeX as it is, but for what a renderer without math would read as HTML, an entity or a
                // link: that gets a backslash, unless a backslash of the LaTeX escapes it already. A '<' that
                // could open a tag, in Markdown or in a browser given the math as it is (Hugo's passthrough),
                // gets a space after it instead: TeX skips spaces in math (but in \text{...}), so KaTeX and MathJax
                // show "a<b" still, where "&lt;" would reach remark-math's KaTeX as those four characters.
                if (ch == '<' && (InertText.OpensMarkup(text, i) || InertText.OpensTagInBrowser(text, i))) sb.Append("< ");
                else if (MarkupInMath(text, i) && !InertText.IsEscaped(text, i)) sb.Append('\\').Append(ch);
                else sb.Append(ch);
                continue;
            }
            if (ch == '<') sb.Append(Lt);
            else if (InlineMarkers.Contains(ch) || StartsBareUrl(text, i)) sb.Append('\\').Append(ch);
            else if (ch == '#' && context == Context.Heading && i >= closingHashes) sb.Append('\\').Append(ch);
            else sb.Append(ch);
        }
        return sb.ToString();
    }

    // '<' is written as a character reference, not "\<": GFM's bare-URL autolinks (marked, micromark) run up
    // to the '<' and take the backslash in, which left "https://x\<img ...>" a live tag.
    private const string Lt = "&lt;";

    // GFM's bare-URL autolinks (www.x, http://x, mailto:x) would take the backslashes after them into the
    // URL, shown; escaping the ':' or the "www." dot means no such link starts in escaped text.
    private static bool StartsBareUrl(string text, int i) =>
        text[i] == ':' || (text[i] == '.' && i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase));

    private static bool MarkupInMath(string text, int i) => text[i] switch
    {
        '&' => InertText.IsReference(text, i),
        ']' => i + 1 < text.Length && text[i + 1] == '(',
        _ => false,
    };

    /// <summary>
    /// Link text: left alone when it is letters, digits, dots, hyphens and spaces (an arXiv category), else
    /// every ASCII punctuation character backslash-escaped, brackets included, so it stays inside the link.
    /// </summary>
    public static string LinkText(string text)
    {
        text = OneLine(text);
        return !text.AsSpan().ContainsAnyExcept(PlainLinkText) ? text : EscapeAll(text);
    }

    /// <summary>
    /// A link destination that ends where we mean it to: characters that would end it or start markup
    /// (space, controls, <c>&lt; &gt; " ' `</c>) are percent-encoded, <c>( ) [ ] \ &amp;</c> backslash-escaped.
    /// A plain URL (every arXiv one) keeps its bytes.
    /// </summary>
    public static string LinkDestination(string url)
    {
        if (!url.AsSpan().ContainsAny(DestinationSpecials) && !url.AsSpan().ContainsAnyInRange('\0', ' ') && !url.Contains('\x7f')) return url;
        var sb = new StringBuilder(url.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < url.Length; i++)
        {
            var ch = url[i];
            if (ch <= ' ' || ch == '\x7f' || ch is '<' or '>' or '"' or '\'' or '`')
                sb.Append('%').Append(((int)ch).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else if (ch is '(' or ')' or '[' or ']' or '\\' or '&')
                sb.Append('\\').Append(ch);
            else
                sb.Append(ch);
        }
        return sb.ToString();
    }

    private static readonly SearchValues<char> DestinationSpecials = SearchValues.Create("<>\"'`()[]\\&");

    private static string EscapeAll(string text)
    {
        var sb = new StringBuilder(text.Length * 2);
        foreach (var ch in text.TrimStart(' ', '\t'))
        {
            if (ch == '<') sb.Append(Lt);
            else if (AsciiPunctuation.Contains(ch)) sb.Append('\\').Append(ch);
            else sb.Append(ch);
        }
        return sb.ToString();
    }
}
