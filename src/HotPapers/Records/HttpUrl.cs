using System.Buffers;

namespace HotPapers.Records;

/// <summary>
/// Whether text is an absolute http(s) URL as <see cref="Uri.TryCreate(string, UriKind, out Uri)"/> reads
/// it. Nearly every URL in records is plain (<c>https://arxiv.org/abs/2104.14421</c>,
/// <c>https://t.co/x</c>), and a look at its characters settles it; only the rest pays for parsing a
/// <see cref="Uri"/>, which was several percent of a rebuild. A property test holds the quick answer
/// to Uri's.
/// </summary>
internal static class HttpUrl
{
    /// <summary>What Uri makes of it: an absolute http or https URL.</summary>
    public static bool ParsesAsHttp(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);

    /// <summary>
    /// http(s)://, a host of lower-case DNS labels, then path, query and fragment of URL characters
    /// only: no whitespace or control character, and certainly <see cref="ParsesAsHttp"/>.
    /// </summary>
    internal static bool IsPlainHttp(ReadOnlySpan<char> s)
    {
        if (s.StartsWith("https://")) s = s[8..];
        else if (s.StartsWith("http://")) s = s[7..];
        else return false;
        var hostEnd = s.IndexOfAny('/', '?', '#');
        var host = hostEnd < 0 ? s : s[..hostEnd];
        if (host.Length is 0 or > 253) return false;
        foreach (var label in host.Split('.'))
        {
            var l = host[label];
            if (l.Length is 0 or > 63 || l.ContainsAnyExcept(LabelChars) || l[0] == '-' || l[^1] == '-') return false;
        }
        return hostEnd < 0 || !s[hostEnd..].ContainsAnyExcept(PathChars);
    }

    private static readonly SearchValues<char> LabelChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private static readonly SearchValues<char> PathChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#@!$&'()*+,;=%");
}
