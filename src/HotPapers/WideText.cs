namespace HotPapers;

/// <summary>
/// Tells text saved as UTF-16 or UTF-32 (as some Windows editors save it) from UTF-8, for the message that
/// refuses it: a records file and a post both start with an ASCII character, which has one zero byte
/// beside it in UTF-16 and three in UTF-32, whether or not a byte order mark comes first.
/// </summary>
internal static class WideText
{
    /// <summary>"UTF-16" or "UTF-32" where <paramref name="bytes"/> are in one of them; else null.</summary>
    public static string? EncodingOf(ReadOnlySpan<byte> bytes)
    {
        // UTF-32's byte order marks start with UTF-16's: looked at first.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])
            || (bytes.Length > 3 && ((bytes[0] == 0 && bytes[1] == 0) || (bytes[1] == 0 && bytes[2] == 0))))
            return "UTF-32";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || (bytes.Length > 1 && (bytes[0] == 0 || bytes[1] == 0)))
            return "UTF-16";
        return null;
    }
}
