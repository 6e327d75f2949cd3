namespace HotPapers.Collecting;

/// <summary>The URL of an API path under a configured base URL (which may itself have a path: a mirror, a test server), with its query escaped.</summary>
internal static class ApiUrl
{
    public static Uri Of(Uri baseUrl, string path, params (string Name, string? Value)[] query)
    {
        var text = baseUrl.AbsoluteUri.TrimEnd('/') + "/" + path.TrimStart('/');
        var separator = '?';
        foreach (var (name, value) in query)
        {
            if (value is null) continue;
            text += separator + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
            separator = '&';
        }
        return new Uri(text);
    }

    /// <summary>An instant as the APIs take it: UTC, whole seconds, <c>Z</c>.</summary>
    public static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
