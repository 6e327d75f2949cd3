namespace HotPapers;

/// <summary>
/// Tells text saved as UTF-16 or UTF-32 (as some Windows editors save it) from UTF-8, for the message that
/// refuses it: by its byte order mark, or else by its first two characters, which in a records file or a
/// post are ASCII: each is one non-zero byte and one zero byte in UTF-16, and one and three in UTF-32. A
/// file with a stray NUL byte, or binary data, has not that pattern and is left to the readers' own words.
/// </summary>
internal static class WideText
{
    /// <summary>"UTF-16" or "UTF-32" where <paramref name="bytes"/> are in one of them; else null.</summary>
    public static string? EncodingOf(ReadOnlySpan<byte> bytes)
    {
        // UTF-32's byte order marks start with UTF-16's: looked at first.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])
            || Ascii(bytes, [1, 0, 0, 0, 1, 0, 0, 0]) || Ascii(bytes, [0, 0, 0, 1, 0, 0, 0, 1]))
            return "UTF-32";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || Ascii(bytes, [1, 0, 1, 0]) || Ascii(bytes, [0, 1, 0, 1]))
            return "UTF-16";
        return null;
    }

    // Whether the bytes start as the pattern says: 1 for an ASCII character's byte (not zero), 0 for a zero byte.
    private static bool Ascii(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> pattern)
    {
        if (bytes.Length < pattern.Length) return false;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == 0 ? bytes[i] != 0 : bytes[i] is 0 or > 0x7F) return false;
        }
        return true;
    }
}
