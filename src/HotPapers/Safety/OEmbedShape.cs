namespace HotPapers.Safety;

/// <summary>
/// A one-pass look at a stored embed's blockquote for the exact form Twitter's oEmbed writes: the
/// opening <c>&lt;blockquote class="twitter-tweet"&gt;</c>, then text, a few plain entities and only
/// <c>&lt;p lang=".." dir=".."&gt;</c>, <c>&lt;a href="http(s)://.."&gt;</c> (URL characters only) and
/// <c>&lt;br&gt;</c>, properly nested, up to the closing tag. Anything else (an attribute more, another
/// quote style, an unusual character or entity) is "not sure", not "unsafe": <see cref="EmbedGuard"/>
/// then reads the markup with the HTML tokenizer, which is exact but costs a third of a full rebuild.
/// What this accepts is a strict subset of what the tokenizer check accepts; a property test holds it to that.
/// </summary>
internal static class OEmbedShape
{
    private const string Open = "<blockquote class=\"twitter-tweet\">";
    private const string Close = "</blockquote>";

    public static bool IsCertainlySafe(ReadOnlySpan<char> quote)
    {
        if (!quote.StartsWith(Open, StringComparison.Ordinal) || !quote.EndsWith(Close, StringComparison.Ordinal)) return false;
        var s = quote[Open.Length..^Close.Length];
        // Open elements inside the blockquote: at most <p> then <a>.
        var inP = false;
        var inA = false;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '<')
            {
                var rest = s[i..];
                int length;
                if (rest.StartsWith("<br>")) length = 4;
                else if (!inA && rest.StartsWith("<a href=\"") && (length = Href(rest)) > 0) inA = true;
                else if (inA && rest.StartsWith("</a>")) { length = 4; inA = false; }
                else if (!inP && !inA && rest.StartsWith("<p lang=\"") && (length = Paragraph(rest)) > 0) inP = true;
                else if (inP && !inA && rest.StartsWith("</p>")) { length = 4; inP = false; }
                else return false;
                i += length;
            }
            else if (c == '&')
            {
                var length = Entity(s[i..]);
                if (length == 0) return false;
                i += length;
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return false;
                if ((char.ConvertToUtf32(c, s[i + 1]) & 0xFFFE) == 0xFFFE) return false;
                i += 2;
            }
            else
            {
                if (!IsPlainTextChar(c)) return false;
                i++;
            }
        }
        return !inP && !inA;
    }

    // Characters the tokenizer reads as text without a parse error; '>' alone is text too.
    private static bool IsPlainTextChar(char c) =>
        c is '\n' or '\t' || (c >= ' ' && c < 0x7F) || (c >= 0xA0 && !char.IsSurrogate(c) && !(c >= 0xFDD0 && c <= 0xFDEF) && (c & 0xFFFE) != 0xFFFE);

    /// <summary>The length of <c>&lt;a href="URL"&gt;</c> at the start, or 0.</summary>
    private static int Href(ReadOnlySpan<char> s)
    {
        const int start = 9; // <a href="
        var end = s[start..].IndexOf('"');
        if (end <= 0 || start + end + 1 >= s.Length || s[start + end + 1] != '>') return 0;
        var url = s.Slice(start, end);
        // URL characters, and &amp; (Twitter's hashtag links have "?src=hash&amp;ref_src=...").
        for (var rest = url; rest.IndexOfAnyExcept(UrlChars) is var at and >= 0; rest = rest[(at + 5)..])
        {
            if (!rest[at..].StartsWith("&amp;")) return 0;
        }
        var value = url.ToString().Replace("&amp;", "&", StringComparison.Ordinal);
        return EmbedGuard.IsHttpUrl(value) ? start + end + 2 : 0;
    }

    private static readonly System.Buffers.SearchValues<char> UrlChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$()*+,;=%");

    /// <summary>The length of <c>&lt;p lang="xx" dir="ltr"&gt;</c> at the start, or 0.</summary>
    private static int Paragraph(ReadOnlySpan<char> s)
    {
        const int start = 9; // <p lang="
        var lang = s[start..].IndexOf('"');
        if (lang <= 0 || s.Slice(start, lang).ContainsAnyExcept(LangChars)) return 0;
        var rest = s[(start + lang + 1)..];
        foreach (var dir in (ReadOnlySpan<string>)[" dir=\"ltr\">", " dir=\"rtl\">", " dir=\"auto\">"])
        {
            if (rest.StartsWith(dir)) return start + lang + 1 + dir.Length;
        }
        return 0;
    }

    private static readonly System.Buffers.SearchValues<char> LangChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    /// <summary>The length of a plain character reference at the start (named ones Twitter writes, or a printable ASCII number), or 0.</summary>
    private static int Entity(ReadOnlySpan<char> s)
    {
        foreach (var named in (ReadOnlySpan<string>)["&amp;", "&lt;", "&gt;", "&quot;", "&mdash;", "&#39;", "&nbsp;", "&hellip;"])
        {
            if (s.StartsWith(named)) return named.Length;
        }
        if (s.Length < 5 || s[1] != '#') return 0;
        var semicolon = s.IndexOf(';');
        if (semicolon < 3 || semicolon > 5) return 0;
        var digits = s[2..semicolon];
        if (digits.ContainsAnyExceptInRange('0', '9') || !int.TryParse(digits, out var code)) return 0;
        return code is >= 32 and < 127 ? semicolon + 1 : 0;
    }
}
