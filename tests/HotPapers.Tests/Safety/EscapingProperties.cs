using AngleSharp.Html.Parser;
using CsCheck;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.Safety;
using Markdig;
using YamlDotNet.RepresentationModel;

namespace HotPapers.Tests.Safety;

/// <summary>Any text survives our front matter (YamlDotNet reads it back) and Markdown (Markdig renders it) as itself.</summary>
[Trait(Speed.Key, Speed.Slow)]
public sealed class EscapingProperties
{
    private static readonly MarkdownPipeline RawHtml = new MarkdownPipelineBuilder().Build();

    [Fact]
    public void Any_text_reads_back_from_the_front_matter_as_itself() =>
        Generators.Text.Sample(text =>
        {
            foreach (var emitted in new[] { YamlText.Plain(text), YamlText.Quoted(text) })
            {
                var yaml = new YamlStream();
                yaml.Load(new StringReader($"---\ntitle: {emitted}\nnext: 1\n"));
                var root = (YamlMappingNode)yaml.Documents[0].RootNode;
                Assert.Equal(["title", "next"], root.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
                Assert.Equal(text, ((YamlScalarNode)root.Children["title"]).Value);
            }
        }, iter: 3000);

    [Fact]
    public void Any_text_renders_through_Markdig_as_itself() =>
        Generators.Text.Where(t => !t.Contains('$')).Sample(text =>
        {
            foreach (var (markdown, prefix) in new[]
            {
                (MarkdownText.Escape(text, MarkdownText.Context.Paragraph), ""),
                ("# 1. " + MarkdownText.Escape(text, MarkdownText.Context.Heading), "1. "),
            })
            {
                var html = Markdown.ToHtml(markdown, RawHtml);
                Assert.Empty(HtmlSafety.Problems(html));
                var body = new HtmlParser().ParseDocument(html).Body!;
                Assert.True(body.Children.Length <= 1, $"{Show(text)} made {body.Children.Length} blocks: {html}");
                Assert.Equal(Visible(prefix + MarkdownText.OneLine(text)), Visible(body.TextContent));
            }
        }, iter: 3000, print: Show);

    /// <summary>
    /// Hugo's math passthrough writes what is between its delimiters (of those escaping keeps, <c>$</c> and
    /// <c>$$</c>) into the page as it is, so escaped text with a <c>$</c> must be text to a browser too, math
    /// and all: no element, no comment.
    /// </summary>
    [Fact]
    public void Any_escaped_text_with_math_is_text_to_a_browser_given_it_as_it_is() =>
        Generators.Text.Select(t => t.Contains('$') ? t : "$" + t).Sample(text =>
        {
            foreach (var context in new[] { MarkdownText.Context.Paragraph, MarkdownText.Context.Heading })
            {
                var escaped = MarkdownText.Escape(text, context);
                var body = new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + escaped).Body!;
                Assert.True(body.ChildNodes.All(n => n is AngleSharp.Dom.IText), $"{Show(text)} as {context}: {Show(escaped)}");
            }
        }, iter: 3000, print: Show);

    [Fact]
    public void Any_link_text_and_destination_stay_in_their_link() =>
        Generators.Text.Sample(text =>
        {
            var markdown = $"[{MarkdownText.LinkText(text)}](https://arxiv.org/list/{MarkdownText.LinkDestination(text)}/recent)";
            var body = new HtmlParser().ParseDocument(Markdown.ToHtml(markdown, RawHtml)).Body!;
            var link = Assert.Single(body.QuerySelectorAll("a"));
            Assert.Equal(Visible(MarkdownText.OneLine(text)), Visible(link.TextContent));
            Assert.StartsWith("https://arxiv.org/list/", link.GetAttribute("href"));
            Assert.Equal(Visible(MarkdownText.OneLine(text)), Visible(body.TextContent));
        }, iter: 3000, print: Show);

    [Fact]
    public void A_built_embed_always_passes_the_guard_and_keeps_the_text() =>
        Gen.Select(Generators.Text, Generators.Text, Generators.Text).Sample((text, name, lang) =>
        {
            var tweet = new MentionRecord("https://twitter.com/ab/status/1", name, "ab", text, TweetTime.FromDay(new DateOnly(2021, 4, 30)), lang, 1, 2, null, null);
            var html = TweetEmbed.Build(tweet);
            Assert.Null(EmbedGuard.Problem(html));
            var p = new HtmlParser().ParseDocument(html).QuerySelector("blockquote > p")!;
            Assert.Equal(text.Replace("\r\n", "").Replace("\r", "").Replace("\n", ""), p.TextContent);
        }, iter: 2000);

    // As a reader sees it: HTML shows a run of spaces as one, and Markdown drops them at the ends.
    private static string Visible(string s) => System.Text.RegularExpressions.Regex.Replace(s, "[ \t\r\n\f]+", " ").Trim();

    private static string Show(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
