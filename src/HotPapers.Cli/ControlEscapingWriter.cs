using System.Globalization;
using System.Text;

namespace HotPapers.Cli;

/// <summary>
/// What the tool prints, with every control character but the line feed and the tab, and every format character
/// (<c>\uFEFF</c>, <c>\u202E</c>), shown as <c>\u001B</c>:
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
        if (value is null || !value.AsSpan().ContainsAnyExcept(PlainAscii) || !value.Any(IsShownEscaped))
        {
            inner.Write(value);
            return;
        }
        for (var i = 0; i < value.Length; i++)
        {
            // A line end written as CR LF (Windows' NewLine) is layout; a carriage return alone is input.
            if (value[i] == '\r' && i + 1 < value.Length && value[i + 1] == '\n') inner.Write('\r');
            else Write(value[i]);
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
    private static bool IsShownEscaped(char c) => (c < ' ' && c is not '\n' and not '\t') || c is >= '\x7f' and <= '\x9f'
        || (c > '\x9f' && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
}
