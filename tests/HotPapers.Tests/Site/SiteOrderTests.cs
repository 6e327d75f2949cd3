using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using HotPapers.Records;
using HotPapers.TestData;

namespace HotPapers.Tests.Site;

/// <summary>
/// Which digest is the home page's, and the one order of digests that the pages' newer and older links,
/// the home page, the archive and the feeds share.
/// </summary>
public sealed class SiteOrderTests
{
    private static readonly HtmlParser Parser = new();

    // Found by a user's trial: a newest day no paper made (collect writes "papers": [] when no source found a
    // mention) was the home page, "0 papers", with the real digests under "Earlier digests".
    [Fact]
    public void A_newest_day_no_paper_made_is_not_the_home_page_but_keeps_its_page_and_place()
    {
        using var temp = Fixture.TempDir();
        var records = temp["records"];
        var days = WeekGenerator.Generate(7, new DateOnly(2021, 5, 1), 3);
        Fixture.WriteRecords(records, days[0]);
        Fixture.WriteRecords(records, days[1]);
        Fixture.WriteRecords(records, days[2] with { Papers = [] });

        SiteHarness.Generate(records, temp["public"]);

        var home = Page(temp, "index.html");
        Assert.Equal("2021/05/02/index.html", home.QuerySelector("article.digest h1 a")!.GetAttribute("href"));
        var shown = Page(temp, "2021/05/02/index.html").QuerySelectorAll("section.paper").Length;
        Assert.True(shown > 0);
        Assert.Equal(shown, home.QuerySelectorAll("article.digest section.paper").Length);
        Assert.Null(home.QuerySelector("main p.empty"));
        // Under it, the digests before it; the empty day after it is no news, and no earlier digest.
        Assert.Equal(["2021/05/01/index.html"], Links(home, "section.earlier ul.digests > li > a"));
        // Its own page, its place in the archive and beside its neighbours.
        Assert.Contains("No paper made this digest.", Page(temp, "2021/05/03/index.html").Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("../../2021/05/03/index.html", Links(Page(temp, "2021/05/index.html"), "ul.digests > li > a"));
        Assert.Equal(["../../../2021/05/03/index.html"], Links(Page(temp, "2021/05/02/index.html"), "nav.pager a[rel=prev]"));
    }

    // Found by a user's trial: ordered by its first day, a week's page said "Newer: 2021-03-02" (a day inside
    // it), and feed.json listed it after 03-02 though it was published later.
    [Fact]
    public void A_range_takes_its_place_by_its_last_day_on_every_page_and_feed()
    {
        using var temp = Fixture.TempDir();
        var records = temp["records"];
        var days = WeekGenerator.Generate(11, new DateOnly(2021, 3, 1), 8);
        foreach (var k in new[] { 1, 6, 7 }) Fixture.WriteRecords(records, days[k]);
        // The week of 03-01 to 03-07, collected as the day 03-07 was: after its end.
        Fixture.WriteRecords(records, days[0] with { EndDate = new DateOnly(2021, 3, 7), CollectedAt = days[6].CollectedAt.AddHours(1) });

        SiteHarness.Generate(records, temp["public"]);

        // Newest first: 03-08, the week (on its last day, made after the day's own digest), 03-07, 03-02.
        string[] order = ["2021/03/08/", "2021/03/01-2021-03-07/", "2021/03/07/", "2021/03/02/"];
        var week = Page(temp, "2021/03/01-2021-03-07/index.html");
        Assert.Equal(["../../../2021/03/08/index.html"], Links(week, "nav.pager a[rel=prev]"));
        Assert.Equal(["../../../2021/03/07/index.html"], Links(week, "nav.pager a[rel=next]"));
        Assert.Equal(["../../../2021/03/01-2021-03-07/index.html"], Links(Page(temp, "2021/03/07/index.html"), "nav.pager a[rel=prev]"));
        var home = Page(temp, "index.html");
        Assert.Equal(order[0] + "index.html", home.QuerySelector("article.digest h1 a")!.GetAttribute("href"));
        Assert.Equal(order[1..].Select(p => p + "index.html"), Links(home, "section.earlier ul.digests > li > a"));
        Assert.Equal(order.Select(p => p + "index.html"), Links(Page(temp, "2021/03/index.html"), "ul.digests > li > a").Select(l => l.Replace("../../", "", StringComparison.Ordinal)));
        // The feeds list them in that order, and so their dates never go up.
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(temp["public/feed.json"]));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(order.Select(p => SiteHarness.BaseUrl + p), items.Select(i => i.GetProperty("url").GetString()));
        var published = items.Select(i => DateTimeOffset.Parse(i.GetProperty("date_published").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(published.OrderDescending(), published);
        var atom = System.Xml.Linq.XDocument.Load(temp["public/feed.atom"]);
        System.Xml.Linq.XNamespace a = "http://www.w3.org/2005/Atom";
        Assert.Equal(order.Select(p => SiteHarness.BaseUrl + p), atom.Root!.Elements(a + "entry").Select(e => e.Element(a + "id")!.Value));
    }

    // A range is placed by its last day but filed under its first day's month: the archive's months stay newest first.
    [Fact]
    public void A_range_into_the_next_month_leaves_the_archives_months_newest_first()
    {
        using var temp = Fixture.TempDir();
        var records = temp["records"];
        var days = WeekGenerator.Generate(13, new DateOnly(2021, 3, 29), 7);
        Fixture.WriteRecords(records, days[4]);
        Fixture.WriteRecords(records, days[0] with { EndDate = new DateOnly(2021, 4, 4), CollectedAt = days[6].CollectedAt });

        SiteHarness.Generate(records, temp["public"]);

        Assert.Equal(["../2021/04/index.html", "../2021/03/index.html"], Links(Page(temp, "archive/index.html"), "ul.months a"));
    }

    private static IDocument Page(TempDir temp, string path) => Parser.ParseDocument(File.ReadAllText(temp["public/" + path]));

    private static string[] Links(IDocument page, string selector) => [.. page.QuerySelectorAll(selector).Select(a => a.GetAttribute("href")!)];
}
