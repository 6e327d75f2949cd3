using System.Globalization;
using HotPapers.Ranking;
using HotPapers.Settings;
using Scriban.Runtime;

namespace HotPapers.Site;

/// <summary>
/// The pages that list digests: home (the latest digest in full, then the ones before it, paginated),
/// the archive (months, each with its page), the categories (each with its papers' digests, paginated),
/// and the about and 404 pages. <see cref="Pages"/> keeps the folders written, for the sitemap.
/// </summary>
internal sealed class SiteListings(SitePages pages, SiteOutput output, SiteSettings site)
{
    /// <summary>The listing pages' folders, in the order written (digest pages are the summaries').</summary>
    public List<string> Pages { get; } = [];

    /// <param name="digests">Newest first.</param>
    /// <param name="latest">The digest shown in full (<see cref="DigestSummary.Latest"/>), or null when there is none.</param>
    /// <param name="ranked">It, ranked.</param>
    /// <remarks>
    /// The list under it holds the digests before it, as its heading says ("Earlier digests"): days newer than
    /// it that no paper made are left out, as the feeds leave them, being no news; their pages are in the
    /// archive and linked from the days beside them.
    /// </remarks>
    public void Home(IReadOnlyList<DigestSummary> digests, DigestSummary? latest, Digest? ranked)
    {
        var earlier = latest is null ? [] : digests.SkipWhile(d => !ReferenceEquals(d, latest)).Skip(1).ToList();
        var count = Math.Max(1, (earlier.Count + site.PageSize - 1) / site.PageSize);
        WriteAll(Enumerable.Range(1, count).ToList(), n => SitePaths.Page(SitePaths.Home, n), (n, folder) =>
        {
            var model = n == 1 && ranked is not null ? pages.DigestModel(ranked, null) : [];
            // Not the site's title again: the page's <title> adds it ("Earlier digests, page 2 | Hot Papers").
            var title = n == 1 ? site.Title : $"Earlier digests, page {n.ToString(CultureInfo.InvariantCulture)}";
            var page = pages.Page(folder, n == 1 ? "home" : "list", title, site.Description);
            page["pager"] = Pager(SitePaths.Home, n, count);
            model["page"] = page;
            model["digests"] = List(earlier.Skip((n - 1) * site.PageSize).Take(site.PageSize));
            model["latest"] = n == 1 ? latest?.ToScriptObject() : null;
            pages.Write(output, folder + SitePaths.Index, n == 1 ? SitePages.HomeTemplate : SitePages.ListTemplate, model);
        });
    }

    // A category as the categories page lists it and its own page shows it: with its feed, for the page and
    // not only its head, where a reader looks for it (found by a new user's trial); null without a base URL.
    private ScriptObject CategoryObject(string category, int count) => new(4)
    {
        { "name", category },
        { "link", SitePaths.Link(SitePaths.Category(category)) },
        { "count", count },
        { "feed", site.BaseUrl is null ? null : SitePaths.Category(category) + SitePaths.AtomFeed },
    };

    /// <summary>A page per month of digests, and the archive page listing the months, by year.</summary>
    public void Archive(IReadOnlyList<DigestSummary> digests)
    {
        var years = new ScriptArray();
        var monthPages = new List<(string Folder, string Name, List<DigestSummary> Digests)>();
        // By the month of a digest's first day, where its folder is; newest month first, whatever the order of
        // the digests (a range's place is by its last day, which may be in the next month: DigestOrder).
        foreach (var year in digests.GroupBy(d => d.Date.Year).OrderByDescending(y => y.Key))
        {
            var months = new ScriptArray();
            foreach (var month in year.GroupBy(d => d.Date.Month).OrderByDescending(m => m.Key))
            {
                var folder = SitePaths.Month(year.Key, month.Key);
                var name = new DateOnly(year.Key, month.Key, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
                monthPages.Add((folder, name, [.. month]));
                months.Add(Month(folder, name, month.Count()));
            }
            years.Add(new ScriptObject(2) { { "year", year.Key }, { "months", months } });
        }
        WriteAll(monthPages, m => m.Folder, (m, folder) => pages.Write(output, folder + SitePaths.Index, SitePages.MonthTemplate, new ScriptObject
        {
            ["page"] = pages.Page(folder, "month", m.Name, $"{site.Title}: the digests of {m.Name}"),
            ["month"] = Month(m.Folder, m.Name, m.Digests.Count),
            ["digests"] = List(m.Digests),
        }));
        Write(SitePaths.Archive, SitePages.ArchiveTemplate, new ScriptObject
        {
            ["page"] = pages.Page(SitePaths.Archive, "archive", "Archive", $"{site.Title}: every digest, by month"),
            ["years"] = years,
        });
    }

    /// <summary>A page per category, paginated, listing each digest's papers in it, newest first; and the page of categories.</summary>
    public void Categories(IReadOnlyList<DigestSummary> digests)
    {
        var byCategory = new SortedDictionary<string, List<DigestSummary>>(StringComparer.Ordinal);
        foreach (var digest in digests)
        {
            foreach (var category in digest.Categories)
            {
                if (!byCategory.TryGetValue(category, out var list)) byCategory[category] = list = [];
                list.Add(digest);
            }
        }
        var all = new ScriptArray();
        var categoryPages = new List<(string Category, List<DigestSummary> List, int N, int Count)>();
        foreach (var (category, list) in byCategory)
        {
            var count = (list.Count + site.PageSize - 1) / site.PageSize;
            for (var n = 1; n <= count; n++) categoryPages.Add((category, list, n, count));
            all.Add(CategoryObject(category, list.Count));
        }
        WriteAll(categoryPages, c => SitePaths.Page(SitePaths.Category(c.Category), c.N), (c, folder) =>
        {
            var (category, list, n, count) = c;
            var first = SitePaths.Category(category);
            var title = n == 1 ? category : $"{category}, page {n.ToString(CultureInfo.InvariantCulture)}";
            var page = pages.Page(folder, "category", title, $"{site.Title}: the most discussed papers in {category}", categoryFeed: category);
            page["pager"] = Pager(first, n, count);
            var shown = new ScriptArray();
            foreach (var d in list.Skip((n - 1) * site.PageSize).Take(site.PageSize))
                shown.Add(d.ToScriptObject(d.Papers.Where(p => p.Categories.Contains(category, StringComparer.Ordinal))));
            pages.Write(output, folder + SitePaths.Index, SitePages.CategoryTemplate, new ScriptObject
            {
                ["page"] = page,
                ["category"] = CategoryObject(category, list.Count),
                ["digests"] = shown,
            });
        });
        Write(SitePaths.Categories, SitePages.CategoriesTemplate, new ScriptObject
        {
            ["page"] = pages.Page(SitePaths.Categories, "categories", "Categories", $"{site.Title}: the arXiv categories of its papers"),
            ["categories"] = all,
        });
    }

    public void About() => Write(SitePaths.About, SitePages.AboutTemplate, new ScriptObject
    {
        ["page"] = pages.Page(SitePaths.About, "about", "About", site.Description),
    });

    /// <summary>404.html, at the root: served for any missing path, so its links go from the site's own path (<c>/</c> without a base URL).</summary>
    public void NotFound()
    {
        var page = pages.Page("", "404", "Page not found", site.Description, root: site.BaseUrl?.AbsolutePath ?? "/");
        page["url"] = null;
        var model = new ScriptObject { ["page"] = page };
        pages.Write(output, SitePaths.NotFound, SitePages.NotFoundTemplate, model);
    }

    /// <summary>
    /// A page for each of <paramref name="items"/>, a page per core (as the digests' own: the category pages
    /// alone are a tenth of a catalog's site), their folders listed in <see cref="Pages"/> in order.
    /// </summary>
    private void WriteAll<T>(IReadOnlyList<T> items, Func<T, string> folderOf, Action<T, string> write)
    {
        var folders = items.Select(folderOf).ToList();
        Pages.AddRange(folders);
        Building.ParallelOrFirstError.Run(items.Count, i => write(items[i], folders[i]));
    }

    private void Write(string folder, string template, ScriptObject model)
    {
        pages.Write(output, folder + SitePaths.Index, template, model);
        Pages.Add(folder);
    }

    // A month as the archive lists it and as its own page sees it: name, link (from the root), count.
    private static ScriptObject Month(string folder, string name, int count) =>
        new(3) { { "name", name }, { "link", SitePaths.Link(folder) }, { "count", count } };

    private static ScriptArray List(IEnumerable<DigestSummary> digests)
    {
        var list = new ScriptArray();
        foreach (var d in digests) list.Add(d.ToScriptObject());
        return list;
    }

    // Page n of count, with links (from the root) to the pages before and after it.
    private static ScriptObject? Pager(string first, int n, int count) => count <= 1 ? null : new ScriptObject(4)
    {
        { "number", n },
        { "count", count },
        { "newer", n > 1 ? SitePaths.Link(SitePaths.Page(first, n - 1)) : null },
        { "older", n < count ? SitePaths.Link(SitePaths.Page(first, n + 1)) : null },
    };
}
