using HotPapers.Safety;

namespace HotPapers.Rendering;

/// <summary>
/// TeX math in text, delimited as pandoc and remark-math read it: <c>$...$</c> whose opening <c>$</c>
/// is followed by a non-space, whose closing <c>$</c> follows a non-space and is not followed by a
/// digit (so "$5 and $6" is not math), and <c>$$...$$</c>. A backslash-escaped <c>\$</c> opens nothing.
/// </summary>
internal static class MathSpans
{
    public static List<(int Start, int End)> Find(string text)
    {
        var spans = new List<(int Start, int End)>();
        var i = text.IndexOf('$');
        if (i < 0) return spans;
        // Whether a $ closes depends on it alone, not on where its span opened, so the closers are found in
        // one pass; openers come in order, so the first closer after each is found by a cursor that only
        // moves forward. (Looking from each opener to the end was quadratic: "$x $x $x ..." took minutes.)
        var (inline, display) = Closers(text, i);
        var (nextInline, nextDisplay) = (0, 0);
        while (i >= 0 && i < text.Length - 1)
        {
            var end = -1;
            if (!InertText.IsEscaped(text, i))
            {
                var isDisplay = text[i + 1] == '$';
                var from = i + (isDisplay ? 2 : 1);
                if (from < text.Length && !char.IsWhiteSpace(text[from]))
                {
                    var closers = isDisplay ? display : inline;
                    ref var next = ref isDisplay ? ref nextDisplay : ref nextInline;
                    while (next < closers.Count && closers[next] < from + 1) next++;
                    if (next < closers.Count) end = closers[next] + (isDisplay ? 2 : 1);
                }
            }
            if (end > 0)
            {
                spans.Add((i, end));
                i = end < text.Length ? text.IndexOf('$', end) : -1;
            }
            else
            {
                i = text.IndexOf('$', i + 1);
            }
        }
        return spans;
    }

    // Each unescaped $ that can close a $...$ span (after a non-space, not before a digit), and each that
    // starts a $$ closing a $$...$$ span, in order.
    private static (List<int> Inline, List<int> Display) Closers(string text, int first)
    {
        var (inline, display) = (new List<int>(), new List<int>());
        for (var j = first; j >= 0; j = j + 1 < text.Length ? text.IndexOf('$', j + 1) : -1)
        {
            if (j == 0 || InertText.IsEscaped(text, j)) continue;
            var next = j + 1 < text.Length ? text[j + 1] : '\0';
            if (next == '$') display.Add(j);
            if (!char.IsWhiteSpace(text[j - 1]) && !char.IsAsciiDigit(next)) inline.Add(j);
        }
        return (inline, display);
    }

    /// <summary>
    /// The text with each math span's Markdown formatting characters (<c>\ * _ ~ `</c>, which are LaTeX
    /// there) replaced by letters; everything else stays, because a renderer without math support would
    /// still read HTML, entities and links there.
    /// </summary>
    public static string Mask(string text)
    {
        if (!text.Contains('$')) return text;
        var spans = Find(text);
        if (spans.Count == 0) return text;
        // One copy, changed in place (a StringBuilder's indexer looks up its chunk for each character).
        return string.Create(text.Length, (text, spans), static (masked, state) =>
        {
            state.text.CopyTo(masked);
            foreach (var (start, end) in state.spans)
            {
                var span = masked[start..end];
                for (var k = 0; k < span.Length; k++)
                {
                    if (span[k] is '\\' or '*' or '_' or '~' or '`') span[k] = 'm';
                }
            }
        });
    }
}
