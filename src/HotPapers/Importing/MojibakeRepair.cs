using System.Collections.Frozen;
using System.Text;

namespace HotPapers.Importing;

/// <summary>One line that was repaired: where, from which mis-decoding, and a short before/after.</summary>
public sealed record MojibakeFix(int Line, string Encoding, string Before, string After)
{
    public override string ToString() => $"line {Line}: UTF-8 that was read as {Encoding}: \"{Before}\" -> \"{After}\"";
}

/// <summary>
/// Finds text that is UTF-8 decoded as Mac OS Roman, Windows-1252 or Latin-1 (<c>Herv√© J√©gou</c>,
/// <c>HervÃ© JÃ©gou</c>) and repairs it only when the repair is certain: the whole line re-encodes in
/// that single-byte code page, the bytes are valid UTF-8, going back gives the line exactly, the result
/// is free of control characters and of the mis-decoding's signatures, and the file as a whole points to
/// that one code page. Correct text fails these tests on its own: an accented letter or a <c>√</c> used on
/// purpose is not followed by what a UTF-8 continuation byte would look like, and Japanese, Arabic or
/// emoji have no place in a single-byte code page at all.
/// </summary>
/// <remarks>
/// The code pages are small tables of our own rather than System.Text.Encoding.CodePages: 128 and 32
/// characters, no process-wide provider registration, no fallback behaviour to configure, and the
/// tests check them against the framework's tables.
/// </remarks>
internal static class MojibakeRepair
{
    /// <summary>A single-byte code page: the characters of bytes 0x80-0xFF (0x00-0x7F are ASCII).</summary>
    public sealed class CodePage
    {
        private readonly FrozenDictionary<char, byte> _bytes;

        internal CodePage(string name, string upperHalf, params (char Char, byte Byte)[] aliases)
        {
            Name = name;
            UpperHalf = upperHalf;
            var map = new Dictionary<char, byte>();
            for (var i = 0; i < 128; i++) map[upperHalf[i]] = (byte)(0x80 + i);
            foreach (var (ch, b) in aliases) map.TryAdd(ch, b);
            _bytes = map.ToFrozenDictionary();
        }

        public string Name { get; }

        /// <summary>The characters of bytes 0x80 to 0xFF, in order.</summary>
        public string UpperHalf { get; }

        public bool TryEncode(string text, out byte[] bytes)
        {
            bytes = new byte[text.Length];
            for (var i = 0; i < text.Length; i++)
            {
                var ch = text[i];
                if (ch < 0x80) bytes[i] = (byte)ch;
                else if (_bytes.TryGetValue(ch, out var b)) bytes[i] = b;
                else return false;
            }
            return true;
        }

        public string Decode(ReadOnlySpan<byte> bytes)
        {
            var sb = new StringBuilder(bytes.Length);
            foreach (var b in bytes) sb.Append(b < 0x80 ? (char)b : UpperHalf[b - 0x80]);
            return sb.ToString();
        }
    }

    public static CodePage MacRoman { get; } = new("Mac OS Roman",
        "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ",
        // Older tables (and .NET's) have the currency sign at 0xDB (before Mac OS 8.5) and the ohm sign at 0xBD.
        ('\u00A4', 0xDB), ('\u2126', 0xBD));

    // The five bytes Windows-1252 leaves undefined decode, as Windows itself does it, to the C1 controls.
    public static CodePage Windows1252 { get; } = new("Windows-1252",
        "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ" + Latin1Upper()[32..]);

    public static CodePage Latin1 { get; } = new("Latin-1", Latin1Upper());

    /// <summary>The code pages tried, in order of preference when a file fits several equally well.</summary>
    public static IReadOnlyList<CodePage> CodePages { get; } = [MacRoman, Windows1252, Latin1];

    private static string Latin1Upper() => string.Create(128, 0, (span, _) =>
    {
        for (var i = 0; i < 128; i++) span[i] = (char)(0x80 + i);
    });

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>The text with every certainly garbled line repaired, and what was repaired.</summary>
    public static (string Text, IReadOnlyList<MojibakeFix> Fixes) Repair(string text)
    {
        var lines = text.Split('\n');
        // One file was garbled one way: the code page that explains the most lines is the file's, and
        // a line that only another code page would "repair" is left alone. A repair that leaves a
        // stray combining accent (Windows-1252's "Ã©" read as Mac OS Roman gives "̩") explains nothing.
        CodePage? best = null;
        var bestScore = 0;
        foreach (var page in CodePages)
        {
            var score = lines.Select(l => TryRepairLine(l, page)).Count(r => r is not null && !r.Any(ch => ch is >= '\u0300' and <= '\u036F'));
            if (score > bestScore) (best, bestScore) = (page, score);
        }
        if (best is null) return (text, []);
        var fixes = new List<MojibakeFix>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (TryRepairLine(lines[i], best) is not { } repaired) continue;
            var (before, after) = Excerpt(lines[i], repaired);
            fixes.Add(new MojibakeFix(i + 1, best.Name, before, after));
            lines[i] = repaired;
        }
        return (string.Join('\n', lines), fixes);
    }

    /// <summary>
    /// Lines that still look garbled (two or more lead-and-continuation pairs of one code page, such as
    /// <c>Ã©</c> or <c>√©</c>) but could not be repaired with certainty, e.g. because a tool lost some
    /// of the bytes on the way. They are left as they are; the importer says so, since the self-check
    /// cannot see it.
    /// </summary>
    public static IReadOnlyList<(int Line, string Excerpt)> Suspects(string text)
    {
        var suspects = new List<(int, string)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (Ascii.IsValid(lines[i])) continue;
            var first = -1;
            foreach (var page in CodePages)
            {
                var (count, at) = Signatures(lines[i], page);
                if (count >= 2) { first = at; break; }
            }
            if (first >= 0) suspects.Add((i + 1, Clip(lines[i][Math.Max(0, first - 8)..])));
        }
        return suspects;
    }

    /// <summary>The repaired line, or null when the line is not certainly UTF-8 read as <paramref name="page"/>.</summary>
    public static string? TryRepairLine(string line, CodePage page)
    {
        if (Ascii.IsValid(line)) return null;
        if (!page.TryEncode(line, out var bytes)) return null;
        string repaired;
        try
        {
            repaired = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        if (repaired == line || page.Decode(Encoding.UTF8.GetBytes(repaired)) != line) return null;
        foreach (var ch in repaired)
        {
            // Control characters, a replacement character or a private-use character are not what a
            // real post held: the "repair" would be a guess.
            if ((ch < 0x20 && ch != '\t') || (ch >= 0x7F && ch < 0xA0) || ch == '\uFFFD' || (ch >= '\uE000' && ch <= '\uF8FF')) return null;
        }
        // The line must start a character where the garbled text did: a combining mark right after
        // ASCII or at the start is the sign of bytes that were never UTF-8.
        for (var i = 0; i < repaired.Length; i++)
        {
            if (char.GetUnicodeCategory(repaired[i]) is System.Globalization.UnicodeCategory.NonSpacingMark
                && (i == 0 || char.IsAscii(repaired[i - 1]) && !char.IsAsciiLetter(repaired[i - 1]))) return null;
        }
        // Still garbled after one repair would mean twice-garbled text or a coincidence: not certain.
        if (HasSignature(repaired, page)) return null;
        return repaired;
    }

    /// <summary>A lead byte's character followed by a continuation byte's character in this code page.</summary>
    private static bool HasSignature(string text, CodePage page) => Signatures(text, page).Count > 0;

    private static (int Count, int First) Signatures(string text, CodePage page)
    {
        var (count, first) = (0, -1);
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] < 0x80 || text[i + 1] < 0x80) continue;
            if (page.TryEncode(text.Substring(i, 2), out var b) && b[0] is >= 0xC2 and <= 0xF4 && b[1] is >= 0x80 and <= 0xBF)
            {
                if (count++ == 0) first = i;
                i++;
            }
        }
        return (count, first);
    }

    // The stretch from the first to the last changed character, with a little context, capped in length.
    private static (string Before, string After) Excerpt(string before, string after)
    {
        var start = 0;
        while (start < before.Length && start < after.Length && before[start] == after[start]) start++;
        var endB = before.Length;
        var endA = after.Length;
        while (endB > start && endA > start && before[endB - 1] == after[endA - 1]) { endB--; endA--; }
        start = Math.Max(0, start - 8);
        return (Clip(before[start..Math.Min(before.Length, endB + 8)]), Clip(after[start..Math.Min(after.Length, endA + 8)]));
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
