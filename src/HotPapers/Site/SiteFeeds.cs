using System.Collections.Immutable;
using HotPapers.Ranking;
using HotPapers.Settings;

namespace HotPapers.Site;

/// <summary>
/// The feeds' items: the site's feeds carry the latest <see cref="SiteSettings.FeedItems"/> digests that
/// show a paper, in full; each category's Atom feed, the latest digests with papers in it, each holding only those
/// papers. Ids and links are the digest pages' absolute URLs, so they stay the same from build to build.
/// </summary>
internal sealed class SiteFeeds(SitePages pages, SiteOutput output, SiteSettings site, Uri baseUrl)
{
    public FeedSite Site => new(site.Title, site.Description, baseUrl, site.Author.Length > 0 ? site.Author : null, site.Language);

    /// <param name="digests">Newest first.</param>
    /// <param name="ranked">A digest's ranked papers, by its summary (ranked again for the feeds).</param>
    /// <remarks>
    /// Each digest a feed needs is ranked once, in parallel, made into the items of every feed that carries
    /// it, and let go: a rare category's feed reaches years back, and those digests are not kept.
    /// </remarks>
    public void Write(IReadOnlyList<DigestSummary> digests, Func<DigestSummary, Digest> ranked)
    {
        // Which feeds carry each digest (null: the site's), by the digest's place, newest first.
        var wanted = new SortedDictionary<int, List<string?>>();
        void Want(int k, string? category)
        {
            if (!wanted.TryGetValue(k, out var feeds)) wanted[k] = feeds = [];
            feeds.Add(category);
        }
        // A digest no paper made is a page but no item (DigestSummary.IsNews): found by a new user's trial,
        // whose subscribers would have got "No paper made this digest." night after night.
        var withPapers = 0;
        for (var k = 0; k < digests.Count && withPapers < site.FeedItems; k++)
        {
            if (!digests[k].IsNews) continue;
            withPapers++;
            Want(k, null);
        }
        var categories = digests.SelectMany(d => d.Categories).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var taken = categories.ToDictionary(c => c, _ => 0, StringComparer.Ordinal);
        for (var k = 0; k < digests.Count; k++)
        {
            foreach (var category in digests[k].Categories)
            {
                if (taken[category] >= site.FeedItems) continue;
                taken[category]++;
                Want(k, category);
            }
        }
        var places = wanted.Keys.ToArray();
        var items = new List<(string? Category, FeedEntry Entry)>[places.Length];
        Building.ParallelOrFirstError.Run(places.Length, i =>
        {
            var summary = digests[places[i]];
            var digest = ranked(summary);
            items[i] = [.. wanted[places[i]].Select(category => (category, Entry(summary, digest, category)))];
        });
        var all = items.SelectMany(list => list).ToList();
        WriteSiteFeeds([.. all.Where(i => i.Category is null).Select(i => i.Entry)]);
        var byCategory = all.Where(i => i.Category is not null).ToLookup(i => i.Category!, i => i.Entry, StringComparer.Ordinal);
        foreach (var category in categories) WriteCategoryFeed(category, [.. byCategory[category]]);
    }

    /// <summary>A digest as a feed item; with <paramref name="category"/>, holding only that category's papers.</summary>
    public FeedEntry Entry(DigestSummary summary, Digest digest, string? category)
    {
        var shown = category is null ? digest : digest with { Papers = [.. digest.Papers.Where(p => p.Paper.Categories.Contains(category, StringComparer.Ordinal))] };
        var url = new Uri(baseUrl, summary.Path);
        var summaryText = SitePages.Summary(shown);
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

    // A category's Atom feed, in its page's folder; the page is what the feed is of (its alternate link).
    private void WriteCategoryFeed(string category, IReadOnlyList<FeedEntry> entries)
    {
        var path = SitePaths.Category(category) + SitePaths.AtomFeed;
        // Its author is the site's (or, unnamed, the site's title), not the feed's own title (found by a new user's trial).
        var feed = Site with { Title = $"{site.Title}: {category}", Home = new Uri(baseUrl, SitePaths.Category(category)), Author = Site.Author ?? site.Title };
        output.Write(path, FeedWriter.Atom(feed, new Uri(baseUrl, path), entries));
    }
}
