using System.Text;

namespace HotPapers;

/// <summary>
/// A text file a user writes by hand (a template, the settings, an old post), decoded as
/// <see cref="File.ReadAllText(string)"/> decodes it (a byte order mark says UTF-8, UTF-16 or UTF-32), except that
/// bytes that are not UTF-8 are refused with their line instead of read as U+FFFD. Found by a user's trial: a
/// template saved in Latin-1 wrote "caf\uFFFD" into every post, without a word.
/// </summary>
internal static class TextFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>The text; null where a byte is not UTF-8, with <paramref name="badLine"/> its line (from 1).</returns>
    public static string? Decode(ReadOnlySpan<byte> bytes, out int badLine)
    {
        badLine = 0;
        // UTF-16 and UTF-32 with their mark, as File.ReadAllText reads them: their bytes are not UTF-8's to judge.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            using var reader = new StreamReader(new MemoryStream(bytes.ToArray()), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        var text = bytes[(bytes.StartsWith(Encoding.UTF8.Preamble) ? 3 : 0)..];
        try
        {
            return StrictUtf8.GetString(text);
        }
        catch (DecoderFallbackException e)
        {
            badLine = 1 + text[..Math.Clamp(e.Index, 0, text.Length)].Count((byte)'\n');
            return null;
        }
    }
}
