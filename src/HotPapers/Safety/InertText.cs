using System.Buffers;

namespace HotPapers.Safety;

/// <summary>
/// Where one line of text could be markup, decided from the text alone by CommonMark's own definitions,
/// so that the answer holds for every CommonMark renderer (commonmark.js, markdown-it, marked, micromark
/// and so remark, goldmark and so Hugo, Markdig) rather than for the one we could ask: the renderers
/// disagree on hostile text (a tab inside a tag, a line-long tag with <c>a=b=c</c>), and asking one of
/// them made it the judge for the others. Where the rule is unsure it says "could be markup": the cost
/// is a backslash that was not needed.
/// </summary>
internal static class InertText
{
    /// <summary>
    /// Whether the <c>&lt;</c> at <paramref name="i"/> could open a tag, a closing tag, a comment, a
    /// processing instruction, a declaration, CDATA or an autolink, inline or as an HTML block at a line
    /// start: it is followed by <c>/</c>, <c>!</c> or <c>?</c>; or by a tag name (ASCII letter, then letters,
    /// digits, <c>- _ : .</c>) that ends in anything but ASCII punctuation, or in <c>/</c>, <c>&gt;</c> or the
    /// end of the text; or by a URI
    /// scheme and <c>:</c>; or by an e-mail address's local part and <c>@</c>. Whether a <c>&gt;</c> follows
    /// is not asked: an HTML block needs none, and a tag's white space may be a tab. A tag name followed by
    /// anything else (<c>a&lt;b,</c>) is no tag in CommonMark, so never raw HTML.
    /// </summary>
    public static bool OpensMarkup(ReadOnlySpan<char> text, int i)
    {
        if (i + 1 >= text.Length) return false;
        var next = text[i + 1];
        if (next is '/' or '!' or '?') return true;
        // Each run below stops at the next '<', so the scans of all '<' together are linear.
        if (char.IsAsciiLetter(next))
        {
            // Renderers differ on the name (marked allows '_' and ':') and on the white space after it (a
            // JavaScript \s takes U+00A0), so only ASCII punctuation that no name or tag takes after it
            // (as in "a<b, c") ends a name that opens nothing.
            var name = i + 2;
            while (name < text.Length && (char.IsAsciiLetterOrDigit(text[name]) || text[name] is '-' or '_' or ':' or '.')) name++;
            if (name == text.Length || !IsAsciiPunctuation(text[name]) || text[name] is '/' or '>') return true;
            var scheme = i + 2;
            while (scheme < text.Length && (char.IsAsciiLetterOrDigit(text[scheme]) || text[scheme] is '+' or '.' or '-')) scheme++;
            if (scheme < text.Length && text[scheme] == ':') return true;
        }
        var j = i + 1;
        while (j < text.Length && IsEmailLocal(text[j])) j++;
        return j > i + 1 && j < text.Length && text[j] == '@';
    }

    /// <summary>
    /// Whether a browser reading the text as HTML would start a tag, or a comment, at the <c>&lt;</c> at
    /// <paramref name="i"/>: it is followed by an ASCII letter, <c>/</c>, <c>!</c> or <c>?</c>. Hugo's math
    /// passthrough writes what is between its delimiters (<c>$</c>, <c>$$</c>, <c>\(</c>, <c>\[</c>) into the page
    /// unescaped, and there <c>&lt;x,</c>, no tag in CommonMark, is a tag named <c>x,</c> whose attributes may be
    /// handlers. So this is asked of text that holds such a delimiter (<see cref="MayPassThrough"/>): elsewhere
    /// such a <c>&lt;</c> is text, and old posts' bytes stay.
    /// </summary>
    public static bool OpensTagInBrowser(ReadOnlySpan<char> text, int i) =>
        i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!' or '?');

    /// <summary>Whether Hugo's math passthrough could hand part of the text to the browser as it is: it holds a <c>$</c>, <c>\(</c> or <c>\[</c>.</summary>
    public static bool MayPassThrough(ReadOnlySpan<char> text) =>
        text.Contains('$') || text.Contains(@"\(", StringComparison.Ordinal) || text.Contains(@"\[", StringComparison.Ordinal);

    /// <summary>
    /// Whether the <c>&lt;</c> at <paramref name="i"/> could be a tag in some renderer of the post: raw HTML or an
    /// autolink in Markdown (<see cref="CouldBeHtml"/>), or, in text a math passthrough may hand on, a tag in the browser.
    /// </summary>
    public static bool CouldBeTag(ReadOnlySpan<char> line, int i, bool heading, int lastGt) =>
        CouldBeHtml(line, i, heading, lastGt) || (OpensTagInBrowser(line, i) && MayPassThrough(line));

    /// <summary>
    /// Whether the <c>&lt;</c> at <paramref name="i"/> could be raw HTML or an autolink: where
    /// <see cref="OpensMarkup"/> says it opens one. In a paragraph that is enough, whether or not a
    /// <c>&gt;</c> follows on the line: a tag's white space may be a line break, and a template may put the
    /// next value on the next line (<c>a &lt;img src=x onerror=f()</c>, then <c>x&gt;</c>, is one live tag).
    /// A heading is one line, so there a <c>&gt;</c> must follow (<paramref name="lastGt"/>, the line's last).
    /// </summary>
    public static bool CouldBeHtml(ReadOnlySpan<char> line, int i, bool heading, int lastGt) =>
        (!heading || i < lastGt) && OpensMarkup(line, i);

    /// <summary>Whether the <c>&amp;</c> at <paramref name="i"/> starts something shaped like an entity or a numeric character reference.</summary>
    public static bool IsReference(ReadOnlySpan<char> text, int i)
    {
        var j = i + 1;
        if (j < text.Length && text[j] == '#')
        {
            j++;
            var hex = j < text.Length && text[j] is 'x' or 'X';
            if (hex) j++;
            var digits = j;
            while (j < text.Length && j - digits < 8 && (hex ? char.IsAsciiHexDigit(text[j]) : char.IsAsciiDigit(text[j]))) j++;
            return j > digits && j < text.Length && text[j] == ';';
        }
        if (j >= text.Length || !char.IsAsciiLetter(text[j])) return false;
        while (j < text.Length && j - i < 40 && char.IsAsciiLetterOrDigit(text[j])) j++;
        return j < text.Length && text[j] == ';';
    }

    /// <summary>
    /// Whether <paramref name="line"/> (no line breaks), written as it is at the start of a paragraph or
    /// after <c># N. </c> in a heading, renders as its own text in every CommonMark renderer with
    /// GitHub's strikethrough: no block marker, no raw HTML or autolink, no entity, no backslash escape,
    /// no code span, no link or image, no emphasis or strikethrough. A bare URL may become a link in GFM
    /// renderers; its text is still itself.
    /// </summary>
    public static bool IsInert(ReadOnlySpan<char> line, bool heading)
    {
        if (heading ? EndsWithClosingHashes(line) : StartsBlock(line)) return false;
        Span<bool> opener = stackalloc bool[3]; // '*', '_', '~': a run that could open came before
        HashSet<int>? codeRuns = null;
        var bracket = false;
        var lastGt = line.LastIndexOf('>');
        // Only the characters of the cases below matter; the runs between them (nearly all of an abstract)
        // are skipped in one vectorized search each rather than looked at one by one.
        for (var i = NextSpecial(line, 0); i < line.Length; i = NextSpecial(line, i + 1))
        {
            var ch = line[i];
            switch (ch)
            {
                case '\\' when i + 1 < line.Length && IsAsciiPunctuation(line[i + 1]):
                    return false;
                case '<' when CouldBeTag(line, i, heading, lastGt):
                    return false;
                case '&' when IsReference(line, i):
                    return false;
                case '[':
                    bracket = true;
                    break;
                case ']' when bracket && i + 1 < line.Length && line[i + 1] == '(':
                    return false;
                case '`':
                {
                    var start = i;
                    while (i + 1 < line.Length && line[i + 1] == '`') i++;
                    // A code span needs a closing run as long as its opening one.
                    if (!(codeRuns ??= []).Add(i - start + 1)) return false;
                    break;
                }
                case '*' or '_' or '~':
                {
                    var start = i;
                    while (i + 1 < line.Length && line[i + 1] == ch) i++;
                    var before = start > 0 ? line[start - 1] : ' ';
                    var after = i + 1 < line.Length ? line[i + 1] : ' ';
                    var (canOpen, canClose) = (!IsWhiteSpace(after), !IsWhiteSpace(before));
                    // Between two letters or digits '_' neither opens nor closes (snake_case stays text).
                    if (ch == '_' && char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after)) (canOpen, canClose) = (false, false);
                    var k = ch == '*' ? 0 : ch == '_' ? 1 : 2;
                    if (canClose && opener[k]) return false;
                    opener[k] |= canOpen;
                    break;
                }
            }
        }
        return true;
    }

    private static readonly SearchValues<char> Specials = SearchValues.Create("\\<&[]`*_~");

    // The index of the next character IsInert looks at, from from on; the line's length where none is left.
    private static int NextSpecial(ReadOnlySpan<char> line, int from)
    {
        if (from >= line.Length) return line.Length;
        var next = line[from..].IndexOfAny(Specials);
        return next < 0 ? line.Length : from + next;
    }

    /// <summary>
    /// A block marker at the start of a paragraph: indentation that makes code, or a heading, quote,
    /// list item, thematic break, code fence, link reference definition or math block. (<c>=</c>, <c>|</c> and
    /// <c>:</c> need a second line, which one line of text does not have.) Any Unicode white space counts
    /// after a marker: marked takes U+00A0 there.
    /// </summary>
    public static bool StartsBlock(ReadOnlySpan<char> line)
    {
        var indent = 0;
        while (indent < line.Length && line[indent] is ' ' or '\t')
        {
            if (line[indent] == '\t' || indent == 3) return true;
            indent++;
        }
        var t = line[indent..];
        if (t.IsEmpty) return false;
        var first = t[0];
        var second = t.Length > 1 ? t[1] : ' ';
        switch (first)
        {
            case '>':
                return true;
            case '-' or '+' or '*' when char.IsWhiteSpace(second):
                return true;
            case '-' or '*' or '_' when IsThematicBreak(t):
                return true;
            case '#':
            {
                var hashes = 0;
                while (hashes < t.Length && t[hashes] == '#') hashes++;
                return hashes <= 6 && (hashes == t.Length || char.IsWhiteSpace(t[hashes]));
            }
            case '`' or '~':
                return t.Length >= 3 && t[1] == first && t[2] == first;
            case '[':
                return StartsLinkReferenceDefinition(t);
            case '$':
                return OpensMathBlock(t);
        }
        var digits = 0;
        while (digits < t.Length && char.IsAsciiDigit(t[digits])) digits++;
        return digits is > 0 and < 10 && digits < t.Length && t[digits] is '.' or ')'
            && (digits + 1 == t.Length || char.IsWhiteSpace(t[digits + 1]));
    }

    /// <summary>
    /// Whether the line, from its first character, could open a display math block that takes what follows:
    /// remark-math (and so gatsby-remark-katex) opens one at a run of two or more <c>$</c> whose line has no
    /// other <c>$</c>, and markdown-it's KaTeX plugin at any <c>$$</c> whose line does not end in <c>$$</c>; each
    /// then reads the rest of the post, every paper after it, as one formula. Only a line that is all one
    /// formula (<c>$$x$$</c>) is safe in both.
    /// </summary>
    public static bool OpensMathBlock(ReadOnlySpan<char> line)
    {
        if (!line.StartsWith("$$")) return false;
        var rest = line.TrimStart('$');
        return !rest.Contains('$') || !line.TrimEnd().EndsWith("$$");
    }

    /// <summary>
    /// Whether the line, from its first character, could be a link reference definition (<c>[label]: url</c>,
    /// GFM's footnotes too), which would give a <c>[label]</c> elsewhere in the post any URL.
    /// </summary>
    public static bool StartsLinkReferenceDefinition(ReadOnlySpan<char> line) =>
        line.TrimStart(" \t").StartsWith("[") && line.IndexOf("]:") > 0;

    // After "# N. ", a run of '#' at the end that follows white space is taken off as the closing sequence.
    private static bool EndsWithClosingHashes(ReadOnlySpan<char> line)
    {
        var end = line.TrimEnd().Length;
        var run = end;
        while (run > 0 && line[run - 1] == '#') run--;
        return run < end && (run == 0 || char.IsWhiteSpace(line[run - 1]));
    }

    private static bool IsThematicBreak(ReadOnlySpan<char> t)
    {
        var count = 0;
        foreach (var ch in t)
        {
            if (ch == t[0]) count++;
            else if (ch is not (' ' or '\t')) return false;
        }
        return count >= 3;
    }

    /// <summary>Whether the character at <paramref name="i"/> follows an odd run of backslashes, which escapes it.</summary>
    public static bool IsEscaped(ReadOnlySpan<char> text, int i)
    {
        var backslashes = 0;
        while (i - backslashes > 0 && text[i - backslashes - 1] == '\\') backslashes++;
        return backslashes % 2 == 1;
    }

    public static bool IsAsciiPunctuation(char ch) => ch < 128 && char.IsAsciiLetterOrDigit(ch) is false && ch > ' ' && ch != '\x7f';

    // CommonMark's Unicode white space; a narrower set than a renderer's only makes more runs count.
    private static bool IsWhiteSpace(char ch) =>
        ch is ' ' or '\t' or '\n' or '\f' or '\r' || char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.SpaceSeparator;

    private static bool IsEmailLocal(char ch) => char.IsAsciiLetterOrDigit(ch) || ".!#$%&'*+/=?^_`{|}~-".Contains(ch);
}
