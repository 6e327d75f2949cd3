using HotPapers.Settings;
using HotPapers.Site;
using PuppeteerSharp;
using PuppeteerSharp.Media;
using Xunit.Abstractions;

namespace HotPapers.Tests.Site;

/// <summary>
/// A page of every kind, served by <c>serve</c>'s own server and opened in Debian's chromium (headless, through
/// PuppeteerSharp), passes axe-core's WCAG 2.1 A and AA rules (npm, pinned in js/package-lock.json, injected
/// into the page) in the light and the dark colour scheme, at a phone's and a desktop's width: colour
/// contrast is checked against each scheme's own colours as the browser paints them.
/// </summary>
[Trait(Speed.Key, Speed.Slow)]
public sealed class AccessibilityTests(ITestOutputHelper output)
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly (string Name, ViewPortOptions Viewport)[] Widths =
    [
        ("phone", new ViewPortOptions { Width = 390, Height = 844, DeviceScaleFactor = 1, IsMobile = true, HasTouch = true }),
        ("desktop", new ViewPortOptions { Width = 1280, Height = 800, DeviceScaleFactor = 1 }),
    ];

    // Each violation, one line for each element it is on: the rule, its impact, the element, and what to do.
    // What axe could not decide (a text's contrast over an image, say) is listed too, written to the test's
    // output for a person to review: axe does not call it a violation, so it fails nothing.
    private const string RunAxe = """
        async tags => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
          return {
            passed: result.passes.length,
            incomplete: result.incomplete.flatMap(v => v.nodes.map(n => `${v.id} at ${n.target.join(' ')}: ${n.any.concat(n.all).map(c => c.message).join('; ')}`)),
            violations: result.violations.flatMap(v => v.nodes.map(n =>
              `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${v.help} ${n.failureSummary.replace(/\s+/g, ' ')}`)),
          };
        }
        """;

    private sealed record AxeResult(int Passed, string[] Incomplete, string[] Violations);

    [SkippableFact]
    public async Task Every_page_kind_passes_axe_in_both_colour_schemes_at_both_widths()
    {
        var chromium = ExternalTool.Require("chromium", "the site's pages are opened in a real headless browser");
        var axe = Path.Combine(Fixture.RepoRoot(), "tests", "HotPapers.Tests", "js", "node_modules", "axe-core", "axe.min.js");
        ExternalTool.RequireThat(File.Exists(axe), $"the npm packages are not installed (no {axe}): run `npm ci` in tests/HotPapers.Tests/js");

        using var temp = Fixture.TempDir();
        var settings = temp["hotpapers.yml"];
        File.WriteAllText(settings, $"site:\n  pageSize: {SiteHarness.EveryKindPageSize}\n");
        var overrides = new SettingsOverrides { RecordsPath = SiteHarness.EveryKindRecords(temp), ConfigFile = settings };
        using var preview = SitePreview.Start(overrides, new SiteOptions(temp["public"]), 0);

        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // As root (CI) chromium needs --no-sandbox; /dev/shm is small in containers.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        var backgrounds = new Dictionary<string, HashSet<string>>();
        foreach (var (kind, path) in SiteHarness.EveryKindPages)
        {
            // The 404 page as a server serves it: in place of a missing page, with its status.
            var (address, status) = path == "404.html" ? ("no/such/page/", 404) : (path, 200);
            foreach (var scheme in new[] { "light", "dark" })
            {
                await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = scheme }]);
                foreach (var (width, viewport) in Widths)
                {
                    await page.SetViewportAsync(viewport);
                    var response = await page.GoToAsync(new Uri(preview.Address, address).ToString(), new NavigationOptions { WaitUntil = [WaitUntilNavigation.Networkidle0], Timeout = 60_000 });
                    Assert.Equal(status, (int)response.Status);
                    // The scheme is the one emulated, and the stylesheet is applied (else contrast would be judged on the browser's defaults).
                    Assert.True(await page.EvaluateExpressionAsync<bool>($"matchMedia('(prefers-color-scheme: {scheme})').matches"), $"{path}: not {scheme}");
                    var background = await page.EvaluateExpressionAsync<string>("getComputedStyle(document.body).backgroundColor");
                    if (!backgrounds.TryGetValue(scheme, out var seen)) backgrounds[scheme] = seen = [];
                    seen.Add(background);

                    await page.AddScriptTagAsync(new AddTagOptions { Path = axe });
                    var result = await page.EvaluateFunctionAsync<AxeResult>(RunAxe, (object)WcagTags);
                    Assert.True(result.Passed > 0, $"{path}: axe passed no rule at all (did it run?)");
                    violations.AddRange(result.Violations.Select(v => $"{kind} ({path}), {scheme}, {width}: {v}"));
                    output.WriteLine($"{path} {scheme} {width}: {result.Passed} rules passed, {result.Violations.Length} violation(s)");
                    foreach (var unsure in result.Incomplete) output.WriteLine($"  for review: {unsure}");
                }
            }
        }
        // Each scheme painted the page in one background of its own.
        Assert.Single(backgrounds["light"]);
        Assert.Single(backgrounds["dark"]);
        Assert.NotEqual(backgrounds["light"].Single(), backgrounds["dark"].Single());
        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} violation(s) of WCAG 2.1 A/AA:\n{string.Join("\n", violations)}");
    }
}
