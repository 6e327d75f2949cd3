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
/// nothing is logged to the console as an error, no request fails, no page is wider than a phone; and the
/// day page is photographed at a phone's and a desktop's width for a person to look at.
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
        // The sample's records, and a day whose cards hold long unbroken text, as a sample of no network had.
        var records = temp["records"];
        Directory.CreateDirectory(records);
        foreach (var file in Directory.GetFiles(Path.Combine(Fixture.RepoRoot(), "content", "records"), "*.json"))
            File.Copy(file, Path.Combine(records, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(records, "2021-04-29.json"), LongWordsRecords);
        var overrides = new SettingsOverrides { RecordsPath = records };
        using var preview = SitePreview.Start(overrides, new SiteOptions(temp["public"]), 0);
        // What each page must show: the digests as the build ranks them.
        var source = new DigestSource(overrides.Resolve());
        var digests = source.Find(new BuildRequest.All(), out _).Select(source.Rank).OrderByDescending(d => d.Records.Date).ToList();
        Assert.True(digests.Count >= 3, "the sample has two days, and the test one");
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

        // Long unbroken words (a story's title that is a URL, a tweet's run of links and handles) wrap
        // inside their cards rather than widen the page (Open checks the width of every page).
        var longWords = await Open(browser, preview.Address, "2021/04/29/");
        await AssertShown(longWords, digests.Single(d => d.Records.Date == new DateOnly(2021, 4, 29)));
        Assert.Contains(LongUrl, await longWords.EvaluateExpressionAsync<string>("document.body.innerText"), StringComparison.Ordinal);

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
            Assert.Equal(0, await Overflow(dayPage));
            output.WriteLine($"screenshot: {path}");
        }
    }

    // The page at its address, at a phone's width, loaded with nothing pending; every console error, page
    // error, failed or refused request on the way fails the test, saying what it was, and so does a page
    // wider than the phone (it would scroll sideways).
    private static async Task<IPage> Open(IBrowser browser, Uri site, string path)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportAsync(Phone);
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
        Assert.True(await Overflow(page) == 0, $"{path} is {await Overflow(page)}px wider than a phone's {Phone.Width}px");
        return page;
    }

    private static readonly ViewPortOptions Phone = new() { Width = 390, Height = 844, DeviceScaleFactor = 1, IsMobile = true, HasTouch = true };

    // How much wider than the layout viewport the page is. Not window.innerWidth: a phone (IsMobile) zooms
    // out to show a page wider than its screen, and innerWidth, the visual viewport, widens with it.
    private static Task<int> Overflow(IPage page) =>
        page.EvaluateExpressionAsync<int>("Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)");

    private const string LongUrl = "https://example.com/a/very/long/path/that/never/breaks/2104.99999/" +
        "with-no-space-anywhere-in-it-so-a-card-cannot-wrap-it-at-a-space?and=a&query=string&that=goes&on=and&on";

    // A day with a paper mentioned on Hacker News by a story whose title is one long URL (found by a user's
    // trial: 1249px wide on a phone), and by a tweet of links and handles run together.
    internal static readonly string LongWordsRecords = $$"""
        {
          "format": "hotpapers-records/2",
          "date": "2021-04-29",
          "collectedAt": "2021-04-30T09:00:00+09:00",
          "papers": [
            {
              "id": "2104.99999",
              "title": "A Paper Whose Mentions Are One Long Word",
              "authors": ["Ada Lovelace"],
              "abstract": "Its cards hold text without a place to break.",
              "categories": ["cs.LG"],
              "links": { "abs": "https://arxiv.org/abs/2104.99999", "pdf": "https://arxiv.org/pdf/2104.99999" },
              "collectedAt": "2021-04-30T09:00:00+09:00",
              "mentions": [
                {
                  "network": "hackernews",
                  "url": "https://news.ycombinator.com/item?id=26950001",
                  "author": { "name": "someuser", "handle": "someuser" },
                  "text": "{{LongUrl}}",
                  "created": "2021-04-29T14:05:12Z",
                  "likes": 181,
                  "replies": 57
                },
                {
                  "network": "twitter",
                  "url": "https://twitter.com/ada/status/1388000000000000009",
                  "author": { "name": "Ada", "handle": "ada" },
                  "text": "Out now https://t.co/KwfCVRzrIH@VincentMo6,@realhamed,@minoskt,@_EduardMarin_,@Diego_Perino,@TEFresearch,@concordiah2020,@accordion_h2020",
                  "created": "2021-04-29T10:00:00Z",
                  "reposts": 10,
                  "likes": 20
                }
              ]
            }
          ]
        }
        """;

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
