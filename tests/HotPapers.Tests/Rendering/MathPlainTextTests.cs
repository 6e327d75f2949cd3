using AngleSharp.Html.Parser;
using HotPapers.Rendering;
using HotPapers.Tests.Safety;
using Markdig;

namespace HotPapers.Tests.Rendering;

/// <summary>
/// MarkdownText.Escape keeps text whose only Markdown characters are in math spans (LaTeX for KaTeX);
/// a renderer without math may read emphasis there, but never HTML, an entity, an autolink or a link.
/// </summary>
public sealed class MathPlainTextTests
{
    private static readonly string[] Pieces =
    [
        "$x$", "$\\ell_1$", "$$a_b$$", "$ x$", "$5 and $6", "\\$", "$", "a", "word", " ", "  ", "-", "1.", "#", ">", "*", "_", "`",
        "[", "]", "<", "&", "~", "\\", "$\\mathcal{O}(n)$", "$a*b$", "$<b>$", "x$y$z", "$\\$$", "|", "!", "(", ")", "$\\<i>$",
        "$[x](y)$", "$&amp;$", "b", "](j", "$a<b$",
    ];

    private static readonly MarkdownPipeline RawHtml = new MarkdownPipelineBuilder().Build();

    [Theory]
    [InlineData(nameof(MarkdownText.Context.Paragraph))]
    [InlineData(nameof(MarkdownText.Context.Heading))]
    public void Text_kept_as_is_because_of_masked_math_builds_no_html(string contextName)
    {
        var context = Enum.Parse<MarkdownText.Context>(contextName);
        var random = new Random(7);
        var kept = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var escaped = MarkdownText.Escape(text, context);
            if (ReferenceEquals(MathSpans.Mask(text), text) || escaped != text) continue;
            kept++;
            var html = Markdown.ToHtml(context == MarkdownText.Context.Heading ? "# 1. " + escaped : escaped, RawHtml);
            Assert.Empty(HtmlSafety.Problems(html));
            var body = new HtmlParser().ParseDocument(html).Body!;
            Assert.True(body.QuerySelectorAll("a, img").Length == 0, $"kept as is, but Markdig builds a link from [{text}]: {html}");
        }
        Assert.True(kept > 500, $"{kept} kept");
    }
}
