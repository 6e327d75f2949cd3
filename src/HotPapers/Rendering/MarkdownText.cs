using System.Buffers;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HotPapers.Rendering;

/// <summary>
/// Escapes text for Markdown only where a renderer would turn it into markup it does not mean, so
/// that text which renders as itself (nearly every title and abstract) keeps its bytes and old posts
/// reproduce. Markdig, the reference CommonMark implementation for .NET, is the judge of "renders as
/// itself"; we never guess with regexes.
/// </summary>
internal static class MarkdownText
{
    // CommonMark plus ~~strikethrough~~, which GitHub-flavoured renderers such as Gatsby's remark add.
    public static MarkdownPipeline Judge { get; } = new MarkdownPipelineBuilder()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .Build();

    // Inline markup can only start at one of these; text without them and without a block marker
    // at its start renders as itself, and is returned without asking Markdig.
    private static readonly SearchValues<char> InlineMarkers = SearchValues.Create("\\`*_[]<>&~");
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
        if (IsPlain(text, context)) return text;
        // What RendersAsItself would find without a Markdig parse: text that is plain once its math
        // spans (where a backslash is LaTeX) are masked. Most abstracts with math are that.
        var masked = MathSpans.Mask(text);
        if ((!ReferenceEquals(masked, text) && IsPlain(masked, context)) || RendersAsItself(text, text, context)) return text;
        var escaped = EscapeMarkers(text, context);
        if (RendersAsItself(escaped, text, context)) return escaped;
        return EscapeAll(text);
    }

    public static string OneLine(string text) =>
        text.Contains('\n') || text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\n', ' ') : text;

    private static bool IsPlain(string text, Context context)
    {
        if (text.AsSpan().ContainsAny(InlineMarkers)) return false;
        if (context == Context.Heading) return !text.TrimEnd().EndsWith('#');
        return !StartsBlock(text);
    }

    private static bool StartsBlock(string text)
    {
        var t = text.TrimStart(' ');
        if (t.Length == 0) return false;
        if (text.Length - t.Length >= 4 || text.StartsWith('\t')) return true;
        if ("#>-+*=|:".Contains(t[0])) return true;
        var digits = 0;
        while (digits < t.Length && char.IsAsciiDigit(t[digits])) digits++;
        return digits is > 0 and < 10 && digits < t.Length && (t[digits] == '.' || t[digits] == ')');
    }

    /// <summary>
    /// Does <paramref name="markdown"/>, in this context, parse to nothing but literal text that reads
    /// exactly <paramref name="text"/>? Math spans (<c>$...$</c>) count as themselves: the old blog
    /// rendered them with KaTeX, and a backslash in them is LaTeX, not Markdown, so they are masked
    /// before Markdig reads the rest.
    /// </summary>
    public static bool RendersAsItself(string markdown, string text, Context context)
    {
        var masked = MathSpans.Mask(markdown);
        var source = context == Context.Heading ? "# 1. " + masked : masked;
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(source, Judge);
        }
        catch (ArgumentException)
        {
            // Markdig's depth limit: thousands of "[" or "*a " are no text a renderer shows as itself;
            // Escape then escapes it whole, which no renderer nests.
            return false;
        }
        var expected = (context == Context.Heading ? "1. " : "") + MathSpans.Mask(text).Trim();
        if (document.Count == 0) return expected.Length == 0;
        if (document.Count != 1 || document[0] is not LeafBlock { Inline: { } inline } block) return false;
        if (context == Context.Heading ? block is not HeadingBlock : block is not ParagraphBlock) return false;
        var read = new StringBuilder(expected.Length);
        foreach (var node in inline)
        {
            if (node is not LiteralInline literal) return false;
            read.Append(literal.Content.AsSpan());
        }
        return read.ToString() == expected;
    }

    private static string EscapeMarkers(string text, Context context)
    {
        var sb = new StringBuilder(text.Length + 16);
        var start = 0;
        if (context == Context.Paragraph)
        {
            // Indentation of four or more makes a code block; it means nothing here, so it goes.
            while (start < text.Length && (text[start] == ' ' || text[start] == '\t')) start++;
            if (start < 4 && !text.StartsWith('\t')) start = 0;
            var rest = text.AsSpan(start).TrimStart(' ');
            if (rest.Length > 0 && "#>-+*=|:".Contains(rest[0]))
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
                var span = math[nextMath];
                sb.Append(text.AsSpan(i, span.End - i));
                i = span.End - 1;
                continue;
            }
            if (InlineMarkers.Contains(ch)) sb.Append('\\');
            else if (ch == '#' && context == Context.Heading && i >= closingHashes) sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Link text: left alone when it is letters, digits, dots, hyphens and spaces (an arXiv category), else
    /// every ASCII punctuation character backslash-escaped, brackets included, so it stays inside the link.
    /// </summary>
    public static string LinkText(string text)
    {
        text = OneLine(text);
        return text.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or ' ') ? text : EscapeAll(text);
    }

    /// <summary>
    /// A link destination that ends where we mean it to: characters that would end it or start markup
    /// (space, controls, <c>&lt; &gt; " ' `</c>) are percent-encoded, <c>( ) [ ] \ &amp;</c> backslash-escaped.
    /// A plain URL (every arXiv one) keeps its bytes.
    /// </summary>
    public static string LinkDestination(string url)
    {
        if (!url.AsSpan().ContainsAny(DestinationSpecials) && !url.Any(ch => ch <= ' ' || ch == '\x7f')) return url;
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
            if (AsciiPunctuation.Contains(ch)) sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
