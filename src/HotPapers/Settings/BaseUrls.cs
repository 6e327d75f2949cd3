namespace HotPapers.Settings;

/// <summary>The rule for a site's base URL (<c>site.baseUrl</c>, <c>--base-url</c>): one place, for the settings file and the command line.</summary>
public static class BaseUrls
{
    /// <summary>
    /// An absolute http or https URL without query, fragment or user info, made to end in <c>/</c> so that
    /// page paths resolve under it (<c>https://example.github.io/papers</c> is <c>.../papers/</c>).
    /// </summary>
    public static bool TryParse(string text, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed)) return false;
        if (parsed.Scheme is not ("http" or "https") || parsed.Host.Length == 0 || parsed.UserInfo.Length > 0
            || parsed.Query.Length > 0 || parsed.Fragment.Length > 0) return false;
        var absolute = parsed.AbsoluteUri;
        url = new Uri(absolute.EndsWith('/') ? absolute : absolute + "/", UriKind.Absolute);
        return true;
    }
}
