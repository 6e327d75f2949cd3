namespace HotPapers.Site;

/// <summary>What <see cref="SiteGenerator.Generate"/> wrote.</summary>
/// <param name="OutputDirectory">The site's folder.</param>
/// <param name="Digests">How many digests it shows, each on its own page.</param>
/// <param name="Files">How many files the site has (pages, feeds, sitemap, stylesheet).</param>
/// <param name="Removed">How many files of the earlier site were removed, this one not having them.</param>
public sealed record SiteResult(string OutputDirectory, int Digests, int Files, int Removed)
{
    /// <summary>How many of <see cref="Files"/> were there already with the same bytes, and were left alone (their times too).</summary>
    public int Unchanged { get; init; }

    /// <summary>Things not used as given but worked around, each naming its file; the CLI prints them to stderr.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
