using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using HotPapers.Building;
using HotPapers.Rendering;
using HotPapers.Scaffolding;
using HotPapers.Tests.Specs;

namespace HotPapers.Tests.Safety;

/// <summary>
/// The XSS corpus (Fixtures/safety/xss-vectors.txt) in every field of a post, escaped and raw, rendered by
/// commonmark.js, markdown-it, marked, micromark and Markdig, and built by Hugo: no renderer makes an
/// element or an attribute from the data. And a seeded fuzz of hostile text through every renderer.
/// Found by an adversarial test: escaping "where Markdig says the text would not render as itself" left
/// a tab inside a tag, or a line-long tag with <c>a=b=c</c>, live in the other renderers.
/// </summary>
[Trait(Speed.Key, Speed.Slow)]
public sealed class RendererTests
{
    [SkippableFact]
    public void The_corpus_in_every_field_builds_no_markup_in_any_renderer()
    {
        var bodies = new List<(string Vector, bool Raw, string Body)>();
        foreach (var vector in HostileTextTests.Vectors())
        foreach (var raw in new[] { false, true })
        foreach (var planted in new[] { vector, "x\n\n" + vector, "x\r\r" + vector + "\n\n    " + vector })
            bodies.Add((vector, raw, HostileTextTests.Split(HostileTextTests.Build(planted, raw, out _)).Body));
        var rendered = Renderers.Render([.. bodies.Select(b => b.Body)]);
        var failures = new List<string>();
        for (var k = 0; k < bodies.Count; k++)
        {
            foreach (var (renderer, html) in rendered[k])
            {
                var problems = Renderers.Problems(html, bodies[k].Raw);
                var headings = new HtmlParser().ParseDocument(html).QuerySelectorAll("h1").Length;
                if (headings != 1) problems.Add($"{headings} headings");
                if (problems.Count > 0)
                    failures.Add($"{renderer}, {(bodies[k].Raw ? "raw" : "escaped")} {JsonSerializer.Serialize(bodies[k].Vector)}: {string.Join("; ", problems)}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} live:\n{string.Join("\n", failures.Take(30))}");
        Assert.True(bodies.Count >= 6 * 170, $"{bodies.Count} posts");
    }

    [SkippableFact]
    public void The_corpus_in_every_field_of_a_Hugo_post_builds_and_makes_no_markup()
    {
        var hugo = ExternalTool.Require("hugo", "Hugo posts are checked by building a real Hugo site");
        using var temp = Fixture.TempDir();
        var site = temp["site"];
        // Raw HTML on, block attributes on, automatic heading ids off: so that any tag, attribute or id in
        // the page came from the data.
        HugoTestSite.Create(site, """
            [markup.goldmark.renderer]
            unsafe = true
            [markup.goldmark.parser]
            autoHeadingID = false
            [markup.goldmark.parser.attribute]
            block = true
            title = true
            """, "<!doctype html><html><body><main>{{ .Content }}</main></body></html>\n");
        var records = Path.Combine(site, "hotpapers", "records");
        var posts = new List<(string Vector, bool Raw, string Slug)>();
        var day = new DateOnly(2021, 1, 1);
        foreach (var vector in HostileTextTests.Vectors())
        foreach (var raw in new[] { false, true })
        {
            var json = JsonNode.Parse(HostileTextTests.RecordsWith(vector, raw))!;
            var date = day.AddDays(posts.Count).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            json["date"] = date;
            // The slug names the page's folder, so it stays ours; every other field holds the vector.
            json["post"]!.AsObject().Remove("slug");
            File.WriteAllText(Path.Combine(records, date + ".json"), json.ToJsonString());
            posts.Add((vector, raw, "hot-papers-" + date));
        }
        var settings = new HotPapers.Settings.SettingsOverrides().Resolve(site);
        Assert.Equal(posts.Count, new PostBuilder(settings).Build(new BuildRequest.All()).Posts.Count);

        var (code, stdout, stderr) = Processes.Run(site, hugo, ["--quiet", "--destination", temp["public"]]);
        Assert.True(code == 0, $"hugo failed: {stdout}{stderr}");
        var failures = new List<string>();
        foreach (var (vector, raw, slug) in posts)
        {
            var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(temp["public"], "posts", slug, "index.html")));
            var main = page.QuerySelector("main")!.InnerHtml;
            var problems = Renderers.Problems(main, raw);
            var headings = new HtmlParser().ParseDocument(main).QuerySelectorAll("h1").Length;
            if (headings != 1) problems.Add($"{headings} headings");
            if (problems.Count > 0) failures.Add($"{(raw ? "raw" : "escaped")} {JsonSerializer.Serialize(vector)}: {string.Join("; ", problems)}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} live:\n{string.Join("\n", failures.Take(30))}");
    }

    private static readonly string[] HostileTokens =
    [
        "<", ">", "&", "*", "_", "~", "~~", "[", "]", "(", ")", "](", "![", "\\", "`", "``", "#", "-", "+", "=", "!", "?", "/", ":", "@", "\"", "'",
        " ", "  ", "    ", "\t", "\n", "{", "}", "{{<", "{{%", "%}}", ">}}", "$", "1.", "2)", ">", "a", "b", "x", "=x", "a=b=c",
        "<img", "<svg", "<input", "<script", "<div", "<b>", "</b>", "</p>", "<a", "<!--", "-->", "<!x", "<?", "?>", "<![CDATA[", "]]>",
        " src=x", "\tonerror=alert(1)", " onload=alert(1)", "\tautofocus", " style=\"x\"", "#pwn", ".evil", "javascript:alert(1)",
        "&#106;", "&amp;", "&colon;", "&#x3C;", "a@b.co", "mailto:", "http://x.example", "www.x.example", "é", "日本", "\u00a0", "😀",
    ];

    /// <summary>Seeded hostile texts: runs of HTML, Markdown and Hugo tokens.</summary>
    internal static IEnumerable<string> Fuzz(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
            yield return string.Concat(Enumerable.Range(0, random.Next(1, 14)).Select(_ => HostileTokens[random.Next(HostileTokens.Length)]));
    }

    [SkippableFact]
    public void Fuzzed_text_is_no_markup_in_any_renderer_and_plain_text_shows_as_itself()
    {
        var texts = Fuzz(seed: 14, count: 4000).ToList();
        var cases = new List<(string Text, string Function, string Markdown)>();
        foreach (var text in texts)
        {
            cases.Add((text, "md", SpecFunctions.Apply("md", text)));
            cases.Add((text, "md_heading", "# 1. " + SpecFunctions.Apply("md_heading", text)));
            cases.Add((text, "md raw", SpecFunctions.Apply("md raw", text)));
            cases.Add((text, "md_heading raw", "# 1. " + SpecFunctions.Apply("md_heading raw", text)));
        }
        var rendered = Renderers.Render([.. cases.Select(c => c.Markdown)]);
        var failures = new List<string>();
        for (var k = 0; k < cases.Count; k++)
        {
            var (text, function, markdown) = cases[k];
            foreach (var (renderer, html) in rendered[k])
            {
                var problems = Renderers.Problems(html, function.EndsWith("raw", StringComparison.Ordinal)).Select(p => "LIVE " + p).ToList();
                // Escaped text without math shows as itself: one block, its text, nothing but GFM's bare-URL links.
                if (!function.EndsWith("raw", StringComparison.Ordinal) && !text.Contains('$') && text.Trim().Length > 0)
                {
                    var block = Renderers.OnlyBlock(html, out var blocks);
                    var expected = Visible((function == "md_heading" ? "1. " : "") + MarkdownText.OneLine(text));
                    if (block is null) problems.Add($"{blocks} blocks");
                    else if (Visible(block.TextContent) != expected) problems.Add($"shows {JsonSerializer.Serialize(block.TextContent)}");
                    else if (block.Children.Any(c => c.LocalName != "a")) problems.Add("markup " + block.InnerHtml);
                }
                if (problems.Count > 0)
                    failures.Add($"{renderer}, {function} {JsonSerializer.Serialize(text)} as {JsonSerializer.Serialize(markdown)}: {string.Join("; ", problems)}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n{string.Join("\n", failures.Take(40))}");
    }

    [Fact]
    public void The_check_finds_markup_from_data()
    {
        Assert.NotEmpty(Renderers.Problems("<p>Hello <img src=x\tonerror=alert(1)></p>"));
        Assert.NotEmpty(Renderers.Problems("<h1 style=\"position:fixed\" id=\"pwn\" class=\"evil\">x</h1>"));
        Assert.NotEmpty(Renderers.Problems("<p id=\"x\">x</p>"));
        Assert.Empty(Renderers.Problems("<h1>1. x</h1><p><a href=\"https://arxiv.org/abs/1\">abs</a></p>"));
    }

    // As a reader sees it: HTML shows a run of spaces as one, and Markdown drops them at the ends.
    private static string Visible(string s) => System.Text.RegularExpressions.Regex.Replace(s, "[ \t\r\n\f]+", " ").Trim();
}
