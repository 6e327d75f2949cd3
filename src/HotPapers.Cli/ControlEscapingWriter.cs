using System.Globalization;
using System.Text;

namespace HotPapers.Cli;

/// <summary>
/// What the tool prints, with every control character but the line feed and the tab, and every format character
/// (<c>\uFEFF</c>, <c>\u202E</c>, the tag characters), shown as <c>\u001B</c>:
/// messages quote the input (a title, a file name, a JSON value), and an escape sequence in it would
/// otherwise move the cursor, recolour or hide text in a terminal or a CI log, or plant a link there.
/// </summary>
internal sealed class ControlEscapingWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value)
    {
        if (IsShownEscaped(value)) inner.Write($"\\u{(int)value:X4}");
        else inner.Write(value);
    }

    public override void Write(string? value)
    {
        // Most of what is printed is printable ASCII and line ends: one vectorized look.
        if (value is null || !value.AsSpan().ContainsAnyExcept(PlainAscii) || !NeedsEscaping(value))
        {
            inner.Write(value);
            return;
        }
        for (var i = 0; i < value.Length;)
        {
            // A line end written as CR LF (Windows' NewLine) is layout; a carriage return alone is input.
            if (value[i] == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
            {
                inner.Write('\r');
                i++;
                continue;
            }
            Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var length);
            // An escaped character beyond the BMP (a tag character) is shown as its two UTF-16 halves, as JSON writes it.
            if (IsShownEscaped(rune)) foreach (var half in value.AsSpan(i, length)) inner.Write($"\\u{(int)half:X4}");
            else inner.Write(value.AsSpan(i, length));
            i += length;
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush() => inner.Flush();

    /// <summary><paramref name="text"/> as this writer shows it.</summary>
    public static string Escape(string text)
    {
        var shown = new StringWriter();
        new ControlEscapingWriter(shown).Write(text);
        return shown.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> PlainAscii =
        System.Buffers.SearchValues.Create("\t\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    // C0 and C1 controls and DEL (the line feed and the tab are layout), and the characters a terminal does not show:
    // format characters (the byte order mark, zero-width and direction marks, which could also reorder the line) and
    // the line and paragraph separators. Found by a user's trial: a BOM quoted from a post was printed as it is, and
    // the message read "---".
    // Found by review: the tag characters (U+E0001, U+E0020 to U+E007F) are format characters beyond the BMP, invisible
    // too, so characters are judged whole, not by UTF-16 halves.
    private static bool IsShownEscaped(char c) => IsShownEscaped(Rune.IsValid(c) ? new Rune(c) : Rune.ReplacementChar);

    private static bool IsShownEscaped(Rune c) => (c.Value < ' ' && c.Value is not '\n' and not '\t') || c.Value is >= '\x7f' and <= '\x9f'
        || (c.Value > '\x9f' && Rune.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);

    private static bool NeedsEscaping(string text)
    {
        foreach (var rune in text.EnumerateRunes())
            if (IsShownEscaped(rune)) return true;
        return false;
    }
}
