namespace HotPapers.Safety;

/// <summary>
/// Decides whether Markdown that we emit as written (an imported post's <c>rawText</c>) can do harm in
/// any CommonMark renderer, by the rule <see cref="InertText"/> states on the text, not by one renderer's
/// parse: every <c>&lt;</c> that could open markup (or, in text with math, a tag in a browser) must be a bare formatting tag (<c>&lt;b&gt;</c>,
/// <c>&lt;/sub&gt;</c>: old posts have them and they run nothing), where it could be HTML; no image; no link reference definition
/// (which other fields could use); no math block left open; and a link's URL is http(s), mailto or relative, with no character
/// reference that a renderer would decode into a scheme.
/// </summary>
internal static class MarkdownGuard
{
    /// <summary>Whether <paramref name="markdown"/>, one line, is harmless at the start of a paragraph or in a heading.</summary>
    public static bool IsHarmless(string markdown, bool heading)
    {
        var text = markdown.AsSpan();
        var lastGt = text.LastIndexOf('>');
        if (InertText.StartsLinkReferenceDefinition(text)) return false;
        // A math block opened and never closed takes the rest of the post with it in remark-math.
        if (!heading && InertText.OpensMathBlock(text.TrimStart(' '))) return false;
        var image = false;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '<' when InertText.CouldBeTag(text, i, heading, lastGt):
                    var length = FormattingTagLength(text[i..]);
                    if (length == 0) return false;
                    i += length - 1;
                    break;
                case '!' when i + 1 < text.Length && text[i + 1] == '[':
                    image = true;
                    break;
                case ']' when i + 1 < text.Length && text[i + 1] == '(':
                    if (image || !IsSafeDestination(text[(i + 2)..])) return false;
                    break;
            }
        }
        return true;
    }

    private static readonly HashSet<string> FormattingTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "b", "i", "em", "strong", "sub", "sup", "u", "s", "small", "code", "mark", "del", "ins", "br",
    };

    // The length of a start or end tag of a formatting element, without attributes, at the start; else 0.
    private static int FormattingTagLength(ReadOnlySpan<char> text)
    {
        var start = text.Length > 1 && text[1] == '/' ? 2 : 1;
        var end = start;
        while (end < text.Length && char.IsAsciiLetter(text[end])) end++;
        if (end >= text.Length || text[end] != '>') return 0;
        return FormattingTags.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text[start..end]) ? end + 1 : 0;
    }

    // The destination after "](": up to white space or ')' (or '>' when in angle brackets); enough to read its scheme.
    private static bool IsSafeDestination(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(" \t");
        var angle = rest.StartsWith("<");
        if (angle) rest = rest[1..];
        var end = rest.IndexOfAny(angle ? ">" : " \t)");
        var url = end < 0 ? rest : rest[..end];
        for (var j = 0; j < url.Length; j++)
        {
            if (url[j] == '&' && InertText.IsReference(url, j)) return false;
        }
        return IsSafeUrl(url.ToString());
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
