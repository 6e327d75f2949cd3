namespace HotPapers.Benchmarks.Generation;

/// <summary>The two records formats hotpapers reads, as named on the command line.</summary>
public enum CatalogFormat
{
    /// <summary><c>hotpapers-records/1</c>, written by HotPapers' own RecordsWriter.</summary>
    Records,

    /// <summary>The old crawler's <c>papers_with_tweets.json</c> shape.</summary>
    Legacy,
}

internal static class CatalogFormats
{
    public static CatalogFormat Parse(string text) => text.ToLowerInvariant() switch
    {
        "records" => CatalogFormat.Records,
        "legacy" => CatalogFormat.Legacy,
        _ => throw new UsageException($"unknown format '{text}': expected records or legacy"),
    };

    public static string Name(this CatalogFormat format) => format == CatalogFormat.Records ? "records" : "legacy";
}
