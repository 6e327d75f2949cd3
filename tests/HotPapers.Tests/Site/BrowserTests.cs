using System.Text.RegularExpressions;
using HotPapers.Building;
using HotPapers.Ranking;
using HotPapers.Settings;
using HotPapers.Site;
using PuppeteerSharp;
using Xunit.Abstractions;

namespace HotPapers.Tests.Site;

/// <summary>
/// The sample site opened in a real browser (Debian's chromium, headless, driven by PuppeteerSharp; never a
/// downloaded one), served by <c>serve</c>'s own server: every paper's heading and every mention is shown,
/// nothing is logged to the console as an error, no request fails; and the day page is photographed at a
/// phone's and a desktop's width for a person to look at.
/// </summary>
[Trait(Speed.Key, Speed.Slow)]
public sealed partial class BrowserTests(ITestOutputHelper output)
{
    private const string Visible = """
        el => { const r = el.getBoundingClientRect(), s = getComputedStyle(el);
                return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && s.opacity !== '0'; }
        """;

    [SkippableFact]
    public async Task The_sample_site_shows_every_paper_and_mention_and_logs_no_console_error()
    {
        var chromium = ExternalTool.Require("chromium", "the site's pages are opened in a real headless browser");
        using var temp = Fixture.TempDir();
        var overrides = new SettingsOverrides { RecordsPath = Path.Combine(Fixture.RepoRoot(), "content", "records") };
        using var preview = SitePreview.Start(overrides, new SiteOptions(temp["public"]), 0);
        // What each page must show: the digests as the build ranks them.
        var source = new DigestSource(overrides.Resolve());
        var digests = source.Find(new BuildRequest.All(), out _).Select(source.Rank).OrderByDescending(d => d.Records.Date).ToList();
        Assert.True(digests.Count >= 2, "the sample has two days");
        var latest = digests[0];
        var day = digests.Single(d => d.Records.Date == new DateOnly(2021, 4, 30));
        var category = day.Papers[0].Paper.Categories[0];

        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // As root (CI) chromium needs --no-sandbox; /dev/shm is small in containers.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });

        var dayPage = await Open(browser, preview.Address, "2021/04/30/");
        await AssertShown(dayPage, day);

        var home = await Open(browser, preview.Address, "");
        await AssertShown(home, latest);

        var categoryPage = await Open(browser, preview.Address, $"category/{category}/");
        var categoryText = Normal(await categoryPage.EvaluateExpressionAsync<string>("document.body.innerText"));
        foreach (var paper in digests.SelectMany(d => d.Papers).Where(p => p.Paper.Categories.Contains(category)))
            Assert.Contains(Normal(paper.Paper.Title), categoryText, StringComparison.Ordinal);

        // The archive is by month: each digest's month is linked, and its page links to the digest.
        var archive = await Open(browser, preview.Address, "archive/");
        var months = await archive.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('ul.months a')).map(a => a.href)");
        foreach (var digest in digests)
        {
            var month = new Uri(preview.Address, digest.Records.Date.ToString("yyyy'/'MM'/'", System.Globalization.CultureInfo.InvariantCulture) + "index.html").ToString();
            Assert.Contains(month, months);
            var monthPage = await Open(browser, preview.Address, month[preview.Address.ToString().Length..]);
            var links = await monthPage.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('main a, a')).map(a => a.href)");
            Assert.Contains(new Uri(preview.Address, digest.Records.Date.ToString("yyyy'/'MM'/'dd'/'", System.Globalization.CultureInfo.InvariantCulture) + "index.html").ToString(), links);
        }

        // For a person to look at: the day page on a phone and on a desktop.
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        // The pages opened since are in front of it; a tab in the background paints no frame, and a
        // screenshot waits for one (three minutes and more here before this).
        await dayPage.BringToFrontAsync();
        foreach (var (name, width, height) in new[] { ("phone", 390, 844), ("desktop", 1280, 800) })
        {
            await dayPage.SetViewportAsync(new ViewPortOptions { Width = width, Height = height, DeviceScaleFactor = 1, IsMobile = name == "phone", HasTouch = name == "phone" });
            var path = Path.Combine(folder, $"day-2021-04-30-{name}-{width}px.png");
            await dayPage.ScreenshotAsync(path, new ScreenshotOptions { FullPage = true });
            Assert.True(new FileInfo(path).Length > 1000, $"{path} is nearly empty");
            // No side scrolling on a phone: the page fits its width.
            if (name == "phone") Assert.True(await dayPage.EvaluateExpressionAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the day page scrolls sideways at 390px");
            output.WriteLine($"screenshot: {path}");
        }
    }

    // The page at its address, loaded with nothing pending; every console error, page error, failed or
    // refused request on the way fails the test, saying what it was.
    private static async Task<IPage> Open(IBrowser browser, Uri site, string path)
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        // The browser asks for /favicon.ico on its own, whatever the page says (the site has no icon; the
        // lead is told): its 404 is left out, and only its, by the URL of the console message's source.
        var favicon = new Uri(site, "/favicon.ico").ToString();
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error && e.Message.Location?.URL != favicon) lock (errors) errors.Add($"console: {e.Message.Text} ({e.Message.Location?.URL})");
        };
        page.PageError += (_, e) => { lock (errors) errors.Add($"page error: {e.Message}"); };
        page.RequestFailed += (_, e) => { lock (errors) errors.Add($"request failed: {e.Request.Url} {e.Request.FailureText}"); };
        page.Response += (_, e) => { if ((int)e.Response.Status >= 400 && e.Response.Url != favicon) lock (errors) errors.Add($"HTTP {(int)e.Response.Status}: {e.Response.Url}"); };
        var response = await page.GoToAsync(new Uri(site, path).ToString(), new NavigationOptions { WaitUntil = [WaitUntilNavigation.Networkidle0], Timeout = 60_000 });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        lock (errors) Assert.True(errors.Count == 0, $"{path}:\n{string.Join("\n", errors)}");
        return page;
    }

    // Every paper's title as a visible heading, in rank order, and every mention's link visible.
    private static async Task AssertShown(IPage page, Digest digest)
    {
        var headings = await page.EvaluateFunctionAsync<string[]>(
            $"() => Array.from(document.querySelectorAll('section.paper h2')).filter({Visible}).map(h => h.innerText)");
        Assert.Equal(digest.Papers.Select(p => $"{p.Rank}. {Normal(p.Paper.Title)}"), headings.Select(Normal));
        foreach (var mention in digest.Papers.SelectMany(p => p.Mentions))
        {
            var shown = await page.EvaluateFunctionAsync<bool>(
                $"url => Array.from(document.querySelectorAll('.mentions a')).some(a => a.getAttribute('href') === url && ({Visible})(a.closest('blockquote') || a))",
                mention.Url);
            Assert.True(shown, $"the mention {mention.Url} is not shown");
        }
    }

    private static string Normal(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
