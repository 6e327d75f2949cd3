using System.Text.Json;
using Xunit.Abstractions;

namespace HotPapers.Tests.Site;

/// <summary>
/// Every page of a site with a page of every kind passes html-validate (npm, pinned in js/package-lock.json)
/// with its recommended and document presets, run under Node by js/validate-html.mjs: the HTML standard's content
/// models, attributes and nesting, the accessibility rules html-validate has beside them, and whole documents'
/// rules. With the static cards (the default) and with the networks' live embeds, whose markup is another; with
/// a base URL (canonical links, feed links) and without one, as <c>hotpapers site</c> writes it with no settings.
/// </summary>
[Trait(Speed.Key, Speed.Slow)]
public sealed class HtmlValidateTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Every_page_passes_html_validate(bool liveEmbeds, bool baseUrl)
    {
        var node = ExternalTool.Require("node", "the pages are checked with html-validate under Node");
        var js = Path.Combine(Fixture.RepoRoot(), "tests", "HotPapers.Tests", "js");
        ExternalTool.RequireThat(Directory.Exists(Path.Combine(js, "node_modules", "html-validate")),
            $"the npm packages are not installed: run `npm ci` in {js}");

        using var temp = Fixture.TempDir();
        var site = temp["public"];
        SiteHarness.Generate(SiteHarness.EveryKindRecords(temp), site, s => s with
        {
            PageSize = SiteHarness.EveryKindPageSize, LiveEmbeds = liveEmbeds, BaseUrl = baseUrl ? s.BaseUrl : null,
        });
        var (code, stdout, stderr) = Processes.Run(js, node, ["validate-html.mjs", site]);
        Assert.True(code == 0, $"validate-html.mjs failed: {stderr}");

        using var report = JsonDocument.Parse(stdout);
        var files = report.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        // Every page was checked, and among them one of each kind (else a page kind would pass unseen).
        Assert.Equal(SiteHarness.Files(site).Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal)), files);
        foreach (var (kind, path) in SiteHarness.EveryKindPages) Assert.True(files.Contains(path), $"no {kind} page ({path}) was checked");
        output.WriteLine($"{files.Count} pages checked");

        var problems = report.RootElement.GetProperty("problems").EnumerateArray().Select(p =>
            $"{p.GetProperty("file").GetString()}:{p.GetProperty("line")}:{p.GetProperty("column")}: {p.GetProperty("severity").GetString()} " +
            $"{p.GetProperty("rule").GetString()}: {p.GetProperty("message").GetString()}" +
            (p.GetProperty("selector").GetString() is { Length: > 0 } selector ? $" ({selector})" : "")).ToList();
        Assert.True(problems.Count == 0, $"html-validate found {problems.Count} problem(s):\n{string.Join("\n", problems)}");
    }
}
