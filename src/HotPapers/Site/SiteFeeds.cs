using System.Collections.Immutable;
using HotPapers.Ranking;
using HotPapers.Settings;

namespace HotPapers.Site;

/// <summary>
/// The feeds' items: the site's feeds carry the latest <see cref="SiteSettings.FeedItems"/> digests in
/// full; each category's Atom feed, the latest digests with papers in it, each holding only those
/// papers. Ids and links are the digest pages' absolute URLs, so they stay the same from build to build.
/// </summary>
internal sealed class SiteFeeds(SitePages pages, SiteOutput output, SiteSettings site, Uri baseUrl)
{
    public FeedSite Site => new(site.Title, site.Description, baseUrl, site.Author.Length > 0 ? site.Author : null);

    /// <param name="digests">Newest first.</param>
    /// <param name="ranked">A digest's ranked papers, by its summary (ranked again, once, for the feeds).</param>
    public void Write(IReadOnlyList<DigestSummary> digests, Func<DigestSummary, Digest> ranked)
    {
        var entries = digests.Take(site.FeedItems).Select(d => Entry(d, ranked(d), null)).ToList();
        WriteSiteFeeds(entries);
        foreach (var category in digests.SelectMany(d => d.Categories).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var items = digests.Where(d => d.Categories.Contains(category, StringComparer.Ordinal)).Take(site.FeedItems)
                .Select(d => Entry(d, ranked(d), category)).ToList();
            WriteCategoryFeed(category, items);
        }
    }

    /// <summary>A digest as a feed item; with <paramref name="category"/>, holding only that category's papers.</summary>
    public FeedEntry Entry(DigestSummary summary, Digest digest, string? category)
    {
        var shown = category is null ? digest : digest with { Papers = [.. digest.Papers.Where(p => p.Paper.Categories.Contains(category, StringComparer.Ordinal))] };
        var url = new Uri(baseUrl, summary.Path);
        var titles = shown.Papers.Select(p => p.Paper.Title).ToList();
        var summaryText = titles.Count == 0
            ? "No paper reached the threshold."
            : $"{SiteGenerator.Count(titles.Count, "paper")}: {string.Join("; ", titles.Take(3))}{(titles.Count > 3 ? "; ..." : "")}";
        return new FeedEntry(
            // A category's item is its own, beside the site feed's item of the same digest.
            category is null ? url.AbsoluteUri : url.AbsoluteUri + "#category-" + SitePaths.CategorySlug(category),
            category is null ? summary.Title : $"{summary.Title}: {category}",
            url,
            summary.CollectedAt,
            summary.CollectedAt,
            summaryText,
            pages.DigestHtml(shown, baseUrl),
            [.. shown.Papers.SelectMany(p => p.Paper.Categories).Distinct(StringComparer.Ordinal)]);
    }

    // The site's Atom, RSS and JSON feeds, at the root.
    private void WriteSiteFeeds(IReadOnlyList<FeedEntry> entries)
    {
        output.Write(SitePaths.AtomFeed, FeedWriter.Atom(Site, new Uri(baseUrl, SitePaths.AtomFeed), entries));
        output.Write(SitePaths.RssFeed, FeedWriter.Rss(Site, new Uri(baseUrl, SitePaths.RssFeed), entries));
        output.Write(SitePaths.JsonFeed, FeedWriter.JsonFeed(Site, new Uri(baseUrl, SitePaths.JsonFeed), entries));
    }

    // A category's Atom feed, in its page's folder.
    private void WriteCategoryFeed(string category, IReadOnlyList<FeedEntry> entries)
    {
        var path = SitePaths.Category(category) + SitePaths.AtomFeed;
        var feed = Site with { Title = $"{site.Title}: {category}" };
        output.Write(path, FeedWriter.Atom(feed, new Uri(baseUrl, path), entries));
    }
}
