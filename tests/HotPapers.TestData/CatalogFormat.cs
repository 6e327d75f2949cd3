namespace HotPapers.TestData;

/// <summary>The shapes a synthetic catalog's files can take, as named on the command line.</summary>
public enum CatalogFormat
{
    /// <summary><c>hotpapers-records/1</c>, written by HotPapers' own RecordsWriter.</summary>
    Records,

    /// <summary>The old crawler's <c>papers_with_tweets.json</c> shape, with every twint field.</summary>
    Legacy,

    /// <summary>
    /// The legacy days with only the fields the old Python generator reads: the input a baseline that
    /// parses every field into objects is fastest on.
    /// </summary>
    Lean,
}

public static class CatalogFormats
{
    public static IReadOnlyList<CatalogFormat> All { get; } = [CatalogFormat.Records, CatalogFormat.Legacy, CatalogFormat.Lean];

    public static string Name(this CatalogFormat format) => format switch
    {
        CatalogFormat.Records => "records",
        CatalogFormat.Legacy => "legacy",
        _ => "lean",
    };

    public static bool TryParse(string text, out CatalogFormat format)
    {
        foreach (var f in All)
        {
            if (string.Equals(f.Name(), text, StringComparison.OrdinalIgnoreCase))
            {
                format = f;
                return true;
            }
        }
        format = default;
        return false;
    }
}
