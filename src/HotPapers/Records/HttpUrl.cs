namespace HotPapers.Records;

/// <summary>Whether text is an absolute http(s) URL: the one judge of links in records, imported posts and embeds.</summary>
internal static class HttpUrl
{
    /// <summary>
    /// An absolute http or https URL as <see cref="Uri"/> reads it, with no whitespace anywhere (which Uri
    /// would trim at the ends or escape inside, and so take text that is no link).
    /// </summary>
    public static bool IsHttp(string s) =>
        !HasWhiteSpace(s)
        && Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);

    /// <summary>
    /// An href of an embed, as the browser reads it (entities already decoded): <see cref="IsHttp"/>, with the
    /// scheme written in lower case and no control character anywhere, which browsers strip and which hide schemes.
    /// </summary>
    public static bool IsHttpHref(string value) =>
        (value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal))
        && !value.AsSpan().ContainsAnyInRange('\0', '\x1f') && !value.AsSpan().ContainsAnyInRange('\x7f', '\x9f')
        && IsHttp(value);

    private static bool HasWhiteSpace(ReadOnlySpan<char> s)
    {
        // Printable ASCII has no white space: one vectorized look settles most URLs.
        var other = s.IndexOfAnyExceptInRange('!', '~');
        if (other < 0) return false;
        foreach (var c in s[other..])
        {
            if (char.IsWhiteSpace(c)) return true;
        }
        return false;
    }
}
