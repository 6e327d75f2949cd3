using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig;

namespace HotPapers.Tests.Safety;

/// <summary>
/// Markdown rendered by the CommonMark renderers a blog may use: commonmark.js, markdown-it, marked and
/// micromark with GFM (remark's, Gatsby's) under Node (js/render.mjs, versions pinned in js/package-lock.json),
/// and Markdig; raw HTML on in each. And what in their HTML came from the data rather than from our template.
/// </summary>
internal static class Renderers
{
    private static readonly string[] NodeRenderers = ["commonmark", "markdown-it", "marked", "micromark"];

    private static readonly MarkdownPipeline MarkdigPipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough).Build();

    /// <summary>For each Markdown text, each renderer's name and HTML. Skips (fails under CI) without node and the packages.</summary>
    public static List<List<(string Renderer, string Html)>> Render(IReadOnlyList<string> markdown)
    {
        var all = RunNode(markdown, NodeRenderers, ["commonmark", "markdown-it", "marked", "micromark", "micromark-extension-gfm"],
            "the Markdown is rendered with commonmark.js, markdown-it, marked and micromark under Node");
        for (var k = 0; k < all.Count; k++) all[k].Add(("markdig", Markdown.ToHtml(markdown[k], MarkdigPipeline)));
        return all;
    }

    /// <summary>
    /// Each Markdown text as the renderers with math read it: micromark with its math extension (remark-math's,
    /// gatsby-remark-katex's) and markdown-it with markdown-it-katex, where <c>$$</c> opens a block. Their KaTeX
    /// output is no concern here, only what of the post's structure is left around it.
    /// </summary>
    public static List<List<(string Renderer, string Html)>> RenderWithMath(IReadOnlyList<string> markdown) =>
        RunNode(markdown, MathRenderers, ["micromark", "micromark-extension-math", "markdown-it", "markdown-it-katex"],
            "the Markdown is rendered with micromark's and markdown-it's math extensions under Node");

    // js/render.mjs over the texts, once: for each text, the named renderers' HTML.
    private static List<List<(string Renderer, string Html)>> RunNode(IReadOnlyList<string> markdown, string[] renderers, string[] packages, string why)
    {
        var node = ExternalTool.Require("node", why);
        var js = Path.Combine(Fixture.RepoRoot(), "tests", "HotPapers.Tests", "js");
        ExternalTool.RequireThat(packages.All(p => Directory.Exists(Path.Combine(js, "node_modules", p))),
            "the npm packages in tests/HotPapers.Tests/js are not installed (npm ci there)");
        using var temp = Fixture.TempDir();
        var input = temp["markdown.json"];
        File.WriteAllText(input, JsonSerializer.Serialize(markdown));
        var (code, stdout, stderr) = Processes.Run(js, node, ["render.mjs", input]);
        Assert.True(code == 0, $"render.mjs failed: {stderr}");
        using var results = JsonDocument.Parse(stdout);
        List<List<(string, string)>> all = [.. results.RootElement.EnumerateArray().Select((result, k) => renderers.Select(name =>
        {
            var html = result.GetProperty(name);
            Assert.True(html.ValueKind == JsonValueKind.String, $"{name} threw on {JsonSerializer.Serialize(markdown[k])}: {html}");
            return (name, html.GetString()!);
        }).ToList())];
        Assert.Equal(markdown.Count, all.Count);
        return all;
    }

    private static readonly string[] MathRenderers = ["micromark-math", "markdown-it-katex"];

    /// <summary>
    /// What a browser would run or style from the data: <see cref="HtmlSafety"/>'s problems, and any
    /// attribute other than the ones our template writes (an <c>href</c>, the tweet card's class, the
    /// tweet paragraph's <c>lang</c> and <c>dir</c>, widgets.js's script), such as an id, a class or a style.
    /// </summary>
    /// <remarks>
    /// Raw text (<c>post.rawText</c>) is Markdown by design: there its lists (an <c>ol</c>'s <c>start</c>), code fences
    /// and the bare formatting tags <see cref="HotPapers.Safety.MarkdownGuard"/> lets through are no problem.
    /// </remarks>
    public static List<string> Problems(string html, bool raw = false)
    {
        var problems = HtmlSafety.Problems(html);
        if (raw) problems.RemoveAll(p => FormattingElements.Any(tag => p == $"<{tag}> element"));
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                var ours = (element.LocalName, attribute.Name) switch
                {
                    ("a", "href") => true,
                    ("blockquote", "class") => attribute.Value == "twitter-tweet",
                    ("p", "lang" or "dir") => element.ParentElement?.LocalName == "blockquote",
                    ("script", "async" or "src" or "charset") => true,
                    ("ol", "start") => raw,
                    // A code fence in raw text (old posts have one) names a language: a class, always "language-...".
                    ("code", "class") => raw && attribute.Value.StartsWith("language-", StringComparison.Ordinal),
                    _ => false,
                };
                if (!ours) problems.Add($"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
            }
        }
        return problems;
    }

    private static readonly string[] FormattingElements = ["b", "i", "em", "strong", "sub", "sup", "u", "s", "small", "code", "mark", "del", "ins", "br"];

    /// <summary>The one block of <paramref name="html"/> (a paragraph or a heading), if that is all there is.</summary>
    public static IElement? OnlyBlock(string html, out int blocks)
    {
        var body = new HtmlParser().ParseDocument(html).Body!;
        blocks = body.Children.Length;
        return blocks == 1 ? body.Children[0] : null;
    }
}
