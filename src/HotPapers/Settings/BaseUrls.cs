namespace HotPapers.Settings;

/// <summary>The rule for a site's base URL (<c>site.baseUrl</c>, <c>--base-url</c>): one place, for the settings file and the command line.</summary>
public static class BaseUrls
{
    /// <summary>
    /// An absolute http or https URL without query, fragment or user info, made to end in <c>/</c> so that
    /// page paths resolve under it (<c>https://example.github.io/papers</c> is <c>.../papers/</c>).
    /// </summary>
    public static bool TryParse(string text, out Uri url) => Refusal(text, out url) is null;

    /// <summary>
    /// What a base URL is expected to be, said to the user whose <paramref name="text"/> <see cref="TryParse"/>
    /// refused. An http(s) address refused for its query, fragment or user name is told so: "an absolute http
    /// or https URL" alone would describe what they gave.
    /// </summary>
    public static string Expected(string text) => Refusal(text, out _) ?? Address;

    private const string Address = "an absolute http or https URL such as https://example.github.io/papers/";

    // The one check: null when the text is a base URL (then in url), else what it was expected to be.
    private static string? Refusal(string text, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || parsed.Host.Length == 0)
            return Address;
        if (parsed.UserInfo.Length > 0 || parsed.Query.Length > 0 || parsed.Fragment.Length > 0)
            return "an absolute http or https URL without a query, fragment or user name, such as https://example.github.io/papers/";
        // Found by a new user's trial: https://you.github.io/papers/index.html was taken for a folder, and every
        // canonical link and the 404 page's stylesheet went below index.html/.
        if (parsed.AbsolutePath.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || parsed.AbsolutePath.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
            return "the address of the site's folder, not of a page in it, such as https://example.github.io/papers/";
        var absolute = parsed.AbsoluteUri;
        url = new Uri(absolute.EndsWith('/') ? absolute : absolute + "/", UriKind.Absolute);
        return null;
    }
}
