using System.Text;

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
        while (i >= 0 && i < text.Length - 1)
        {
            var end = Escaped(text, i) ? -1 : Close(text, i);
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

    /// <summary>
    /// The text with each math span's inside replaced by letters, so Markdown sees plain text there;
    /// <c>&lt; &gt; &amp;</c> stay, because a renderer without math support would still read HTML there.
    /// </summary>
    public static string Mask(string text)
    {
        if (!text.Contains('$')) return text;
        var spans = Find(text);
        if (spans.Count == 0) return text;
        var sb = new StringBuilder(text);
        foreach (var (start, end) in spans)
        {
            for (var k = start; k < end; k++)
            {
                if (sb[k] is not ('<' or '>' or '&')) sb[k] = 'm';
            }
        }
        return sb.ToString();
    }

    // Returns the index just past the closing delimiter, or -1 when the $ at i opens nothing.
    private static int Close(string text, int i)
    {
        var display = text[i + 1] == '$';
        var from = i + (display ? 2 : 1);
        if (from >= text.Length || char.IsWhiteSpace(text[from])) return -1;
        for (var j = from + 1; j < text.Length; j++)
        {
            if (text[j] != '$' || Escaped(text, j)) continue;
            if (display)
            {
                if (j + 1 < text.Length && text[j + 1] == '$') return j + 2;
                continue;
            }
            if (char.IsWhiteSpace(text[j - 1])) continue;
            if (j + 1 < text.Length && char.IsAsciiDigit(text[j + 1])) continue;
            return j + 1;
        }
        return -1;
    }

    private static bool Escaped(string text, int i)
    {
        var backslashes = 0;
        while (i - backslashes - 1 >= 0 && text[i - backslashes - 1] == '\\') backslashes++;
        return backslashes % 2 == 1;
    }
}
