using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using HotPapers.Building;
using HotPapers.Settings;
using HotPapers.Site;

namespace HotPapers.Tests.Site;

/// <summary>
/// The sample's site read back by AngleSharp's HTML5 parser: one h1 a page, a heading per paper, every
/// mention shown, the meta tags, canonical links, and every link leading to a file of the site.
/// </summary>
public sealed class SiteStructureTests
{
    private static readonly HtmlParser Parser = new();

    private sealed record Site(TempDir Temp, string Output, SortedDictionary<string, byte[]> Files) : IDisposable
    {
        public IDocument Page(string path) => Document(Files, path);

        public IEnumerable<string> Pages => Files.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal));

        public void Dispose() => Temp.Dispose();
    }

    private static Site Make(Func<SiteSettings, SiteSettings>? site = null)
    {
        var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        SiteHarness.Generate(records, temp["public"], site);
        return new Site(temp, temp["public"], SiteHarness.Files(temp["public"]));
    }

    [Fact]
    public void Every_page_has_one_h1_its_meta_tags_and_a_canonical_link()
    {
        using var site = Make();
        Assert.True(site.Pages.Count() > 15);
        foreach (var path in site.Pages)
        {
            var page = site.Page(path);
            Assert.True(page.QuerySelectorAll("h1").Length == 1, path + ": not one h1");
            Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
            Assert.NotNull(page.QuerySelector("meta[charset=utf-8]"));
            Assert.NotNull(page.QuerySelector("meta[name=viewport]"));
            Assert.False(string.IsNullOrEmpty(page.QuerySelector("meta[name=description]")?.GetAttribute("content")), path);
            foreach (var property in new[] { "og:type", "og:title", "og:description", "og:site_name" })
                Assert.False(string.IsNullOrEmpty(page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content")), $"{path}: {property}");
            Assert.Equal("summary", page.QuerySelector("meta[name='twitter:card']")?.GetAttribute("content"));
            Assert.NotNull(page.QuerySelector("main"));
            Assert.NotNull(page.QuerySelector("header nav"));
            if (path == SitePaths.NotFound)
            {
                Assert.Null(page.QuerySelector("link[rel=canonical]"));
                continue;
            }
            var folder = path[..^SitePaths.Index.Length];
            var canonical = new Uri(SiteHarness.BaseUrl, folder).AbsoluteUri;
            Assert.Equal(canonical, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            Assert.Equal(canonical, page.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
            Assert.Equal(page.Title, page.QuerySelector("title")?.TextContent);
            Assert.Equal(3, page.QuerySelectorAll("link[rel=alternate]").Length - (path.StartsWith("category/", StringComparison.Ordinal) && path != "category/index.html" ? 1 : 0));
        }
    }

    [Fact]
    public void A_digest_page_has_a_heading_per_paper_and_shows_every_mention()
    {
        using var site = Make();
        var settings = SiteHarness.Settings(Path.Combine(site.Temp.Path, "records"), site.Output);
        var source = new DigestSource(settings);
        foreach (var file in source.Find(new BuildRequest.All(), out _))
        {
            var digest = source.Rank(file);
            var path = SitePaths.Digest(digest.Records.Date, digest.Records.EndDate) + SitePaths.Index;
            foreach (var page in new[] { site.Page(path), digest.Records.Date == new DateOnly(2021, 5, 3) ? site.Page("index.html") : null })
            {
                if (page is null) continue;
                var headings = page.QuerySelectorAll("section.paper > h2");
                Assert.Equal(digest.Papers.Length, headings.Length);
                Assert.True(digest.Papers.Length > 2);
                for (var i = 0; i < digest.Papers.Length; i++)
                {
                    var paper = digest.Papers[i];
                    Assert.Equal($"{paper.Rank}. {paper.Paper.Title}", headings[i].TextContent);
                    var section = headings[i].ParentElement!;
                    Assert.Equal($"paper-{paper.Rank}", section.Id);
                    Assert.Equal(paper.Paper.Abstract, section.QuerySelector("p.abstract")!.TextContent);
                    var cards = section.QuerySelectorAll(".mentions > blockquote.hotpapers-card");
                    Assert.Equal(paper.Mentions.Length, cards.Length);
                    foreach (var (mention, card) in paper.Mentions.Zip(cards))
                        Assert.Contains(card.QuerySelectorAll("a"), a => a.GetAttribute("href") == mention.Url);
                }
            }
        }
    }

    [Fact]
    public void Without_a_base_url_the_404_pages_links_start_from_the_root_and_lead_to_files_of_the_site()
    {
        using var site = Make(s => s with { BaseUrl = null });
        var root = new Uri("https://example.org/");
        var page = site.Page(SitePaths.NotFound);
        var links = page.QuerySelectorAll("link[href], a[href]").Select(e => e.GetAttribute("href")!)
            .Where(h => !h.StartsWith("https://", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(links);
        foreach (var href in links)
        {
            // Served at any depth, it links from the site's root: the same file from /nowhere/at/all as from /.
            Assert.StartsWith("/", href);
            var file = Uri.UnescapeDataString(new Uri(new Uri(root, "nowhere/at/all"), href).AbsolutePath[1..]);
            if (file.Length == 0 || file.EndsWith('/')) file += SitePaths.Index;
            Assert.True(site.Files.ContainsKey(file), $"404.html: {href} leads to {file}, which the site does not have");
        }
    }

    [Fact]
    public void Every_link_leads_to_a_file_of_the_site_and_nothing_loads_from_elsewhere()
    {
        using var site = Make();
        var checkedLinks = 0;
        foreach (var path in site.Pages)
        {
            var page = site.Page(path);
            // 404.html is served at any path: its links start at the site's own path.
            var pageUrl = path == SitePaths.NotFound ? new Uri("https://example.org/nowhere/at/all") : new Uri(SiteHarness.BaseUrl, path);
            foreach (var element in page.QuerySelectorAll("a[href], link[href]"))
            {
                var href = element.GetAttribute("href")!;
                var target = new Uri(pageUrl, href);
                if (!target.AbsoluteUri.StartsWith(SiteHarness.BaseUrl.AbsoluteUri, StringComparison.Ordinal))
                {
                    // Away from the site: only plain links (the papers, the mentions), never a stylesheet or feed.
                    Assert.True(element.LocalName == "a", $"{path}: <{element.LocalName} href={href}> loads from elsewhere");
                    Assert.StartsWith("https://", target.AbsoluteUri);
                    continue;
                }
                if (path != SitePaths.NotFound && element.GetAttribute("rel") != "canonical") Assert.False(href.StartsWith('/') || href.StartsWith("http", StringComparison.Ordinal), $"{path}: {href} is not relative");
                var file = Uri.UnescapeDataString(target.AbsolutePath[SiteHarness.BaseUrl.AbsolutePath.Length..]);
                if (file.Length == 0 || file.EndsWith('/')) file += SitePaths.Index;
                Assert.True(site.Files.ContainsKey(file), $"{path}: {href} leads to no file ({file})");
                if (target.Fragment.Length > 1)
                    Assert.NotNull(site.Page(file).GetElementById(target.Fragment[1..]));
                checkedLinks++;
            }
            Assert.Empty(page.QuerySelectorAll("script, iframe, img, object, embed, style"));
            Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name == "style");
        }
        Assert.True(checkedLinks > 300, checkedLinks.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Live_embeds_are_the_networks_own_and_static_ones_load_nothing()
    {
        using var live = Make(s => s with { LiveEmbeds = true });
        var day = live.Page("2021/04/30/index.html");
        Assert.NotEmpty(day.QuerySelectorAll("blockquote.twitter-tweet"));
        Assert.All(day.QuerySelectorAll("script"), s => Assert.Equal("https://platform.twitter.com/widgets.js", s.GetAttribute("src")));
        using var quiet = Make();
        Assert.Empty(quiet.Page("2021/04/30/index.html").QuerySelectorAll("script, blockquote.twitter-tweet"));
    }

    [Fact]
    public void Listings_paginate_and_link_every_digest()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        // Five more days, copies of the sample's first.
        foreach (var day in new[] { "2021-05-04", "2021-05-05", "2021-05-06", "2021-06-01", "2022-01-02" })
            File.WriteAllText(Path.Combine(records, day + ".json"), File.ReadAllText(Path.Combine(records, "2021-04-30.json")).Replace("2021-04-30", day));
        SiteHarness.Generate(records, temp["public"], s => s with { PageSize = 2 });
        var files = SiteHarness.Files(temp["public"]);
        // Home shows the newest in full and six earlier ones, two a page: pages 1, 2 and 3.
        Assert.Contains("page/2/index.html", files.Keys);
        Assert.Contains("page/3/index.html", files.Keys);
        Assert.DoesNotContain("page/4/index.html", files.Keys);
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in new[] { "index.html", "page/2/index.html", "page/3/index.html" })
        {
            var document = Document(files, page);
            foreach (var a in document.QuerySelectorAll("ul.digests > li > a")) linked.Add(new Uri(new Uri(SiteHarness.BaseUrl, page), a.GetAttribute("href")!).AbsoluteUri);
        }
        Assert.Equal(6, linked.Count);
        // Found by a new user's trial: "Hot Papers: earlier digests, page 2 | Hot Papers".
        Assert.Equal("Earlier digests, page 2 | Hot Papers", Document(files, "page/2/index.html").Title);
        Assert.Contains("2022/01/index.html", files.Keys);
        Assert.Contains("2021/06/index.html", files.Keys);
        Assert.Contains("category/cs.LG/page/4/index.html", files.Keys);
        var archive = Document(files, "archive/index.html");
        Assert.Equal(["2022", "2021"], archive.QuerySelectorAll("section.year > h2").Select(h => h.TextContent));
        Assert.Equal(4, archive.QuerySelectorAll("ul.months > li").Length);
    }

    // Found by the new-user trial: with no records yet, the categories page said so and then had an empty list.
    [Fact]
    public void A_site_without_digests_says_so_on_each_listing_and_has_no_empty_list()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["records"]);
        var result = SiteHarness.Generate(temp["records"], temp["public"]);
        Assert.Equal(0, result.Digests);
        var files = SiteHarness.Files(temp["public"]);
        foreach (var path in new[] { "index.html", "archive/index.html", "category/index.html" })
        {
            var page = Document(files, path);
            Assert.Equal("No digests yet.", page.QuerySelector("main p.empty")?.TextContent);
            Assert.All(page.QuerySelectorAll("main ul, main ol"), list => Assert.True(list.Children.Length > 0, $"{path}: an empty <{list.LocalName} class=\"{list.ClassName}\">"));
        }
    }

    // page.pager is null on a listing of one page, and pager.html.sbn shows nothing then.
    [Fact]
    public void A_listing_of_one_page_has_no_pager_and_one_of_two_pages_has_one_on_each()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        // One digest a page: home lists the one digest before the newest (one page); cs.LG has papers in both
        // days' digests (two pages), cs.CR in one day's only (one page).
        SiteHarness.Generate(records, temp["public"], s => s with { PageSize = 1 });
        var files = SiteHarness.Files(temp["public"]);
        foreach (var folder in new[] { "", "category/cs.CR/" })
        {
            Assert.DoesNotContain(folder + "page/2/index.html", files.Keys);
            Assert.Null(Document(files, folder + SitePaths.Index).QuerySelector("nav.pager"));
        }
        AssertTwoPagesWithPagers(files, "category/cs.LG/");

        // A third day: home lists two digests before the newest, on two pages.
        File.WriteAllText(Path.Combine(records, "2021-05-04.json"), File.ReadAllText(Path.Combine(records, "2021-04-30.json")).Replace("2021-04-30", "2021-05-04"));
        SiteHarness.Generate(records, temp["public"], s => s with { PageSize = 1 });
        AssertTwoPagesWithPagers(SiteHarness.Files(temp["public"]), "");
    }

    private static IDocument Document(SortedDictionary<string, byte[]> files, string path) => Parser.ParseDocument(System.Text.Encoding.UTF8.GetString(files[path]));

    // The listing at folder has two pages, each with its pager: its number, and a link to the other page and none further.
    private static void AssertTwoPagesWithPagers(SortedDictionary<string, byte[]> files, string folder)
    {
        Assert.DoesNotContain(folder + "page/3/index.html", files.Keys);
        var pages = new[] { folder, folder + "page/2/" };
        for (var n = 1; n <= 2; n++)
        {
            var pager = Document(files, pages[n - 1] + SitePaths.Index).QuerySelector("nav.pager[aria-label=Pages]");
            Assert.NotNull(pager);
            Assert.Equal($"Page {n} of 2", pager.QuerySelector("span")?.TextContent);
            var link = Assert.Single(pager.QuerySelectorAll("a"));
            Assert.Equal(n == 1 ? "next" : "prev", link.GetAttribute("rel"));
            var here = new Uri(SiteHarness.BaseUrl, pages[n - 1]);
            Assert.Equal(new Uri(SiteHarness.BaseUrl, pages[2 - n] + SitePaths.Index), new Uri(here, link.GetAttribute("href")));
        }
    }

    [Fact]
    public void A_category_feed_holds_the_digests_with_papers_in_it_and_only_those_papers()
    {
        using var site = Make(s => s with { FeedItems = 1 });
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feeds = site.Files.Keys.Where(k => k.StartsWith("category/", StringComparison.Ordinal) && k.EndsWith("/feed.atom", StringComparison.Ordinal)).ToList();
        Assert.Equal(site.Files.Keys.Count(k => k.StartsWith("category/", StringComparison.Ordinal) && k.EndsWith("/index.html", StringComparison.Ordinal)) - 1, feeds.Count);
        foreach (var path in feeds)
        {
            var category = path.Split('/')[1];
            var feed = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(site.Files[path]));
            var entry = Assert.Single(feed.Root!.Elements(atom + "entry"));
            Assert.Equal(new Uri(SiteHarness.BaseUrl, path).AbsoluteUri, feed.Root!.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
            // The page the feed is of is the category's, not the site's home (found by the new-user trial).
            Assert.Equal(new Uri(SiteHarness.BaseUrl, $"category/{category}/").AbsoluteUri, feed.Root!.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value);
            var content = Parser.ParseDocument(entry.Element(atom + "content")!.Value);
            var papers = content.QuerySelectorAll("section.paper");
            Assert.NotEmpty(papers);
            foreach (var paper in papers)
                Assert.Contains(paper.QuerySelectorAll("li.categories a"), a => a.TextContent == category && a.GetAttribute("href") == new Uri(SiteHarness.BaseUrl, $"category/{category}/index.html").AbsoluteUri);
            // The newest digest with papers in it: 2021-05-03 when it has any, else 2021-04-30.
            var pageOf = new Uri(entry.Element(atom + "link")!.Attribute("href")!.Value).AbsolutePath;
            var dayPage = site.Page(pageOf[SiteHarness.BaseUrl.AbsolutePath.Length..] + SitePaths.Index);
            Assert.Equal(papers.Length, dayPage.QuerySelectorAll("section.paper").Count(p => p.QuerySelectorAll("li.categories a").Any(a => a.TextContent == category)));
        }
    }
}
