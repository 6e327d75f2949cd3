using HotPapers.Importing;
using HotPapers.Rendering;
using HotPapers.Tests.Rendering;

namespace HotPapers.Tests.Importing;

/// <summary>Text hotpapers escaped for Markdown reads back as the same text, whatever the escaping did to it.</summary>
public sealed class MarkdownReadBackTests
{
    public static TheoryData<string> Texts => [.. Enumerable.Concat<object[]>(HostileTextTests.Yaml, HostileTextTests.Markdown)
        .Select(row => (string)row[0]).Concat(["$a*b$ and $c*d$ with *stars*", "Price $5 and \\$6", "$\\{x\\}$ <b>", "{{< shortcode >}} {{% x %}}"])];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Escaped_text_reads_back_as_text_that_escapes_into_the_same_line(string text)
    {
        foreach (var context in new[] { MarkdownText.Context.Heading, MarkdownText.Context.Paragraph })
        {
            foreach (var flavor in new[] { Flavor.Gatsby, Flavor.Hugo })
            {
                var line = PostFunctions.Markdown(text, context, false, flavor);
                var read = MarkdownReadBack.Text(line, context);
                Assert.True(read is not null, $"{context} {flavor}: {line}");
                Assert.Equal(line, PostFunctions.Markdown(read, context, false, flavor));
                // The text itself, but for line breaks folded into spaces and indentation, which escaping drops.
                if (context == MarkdownText.Context.Paragraph) Assert.Contains(read, new[] { MarkdownText.OneLine(text), MarkdownText.OneLine(text).TrimStart() });
            }
        }
    }

    [Theory]
    [InlineData("*emphasis*")]
    [InlineData("<b>bold</b>")]
    [InlineData("[a link](https://example.com)")]
    [InlineData("# a heading")]
    public void Markdown_that_shows_more_than_text_does_not_read_back(string line) =>
        Assert.Null(MarkdownReadBack.Text(line, MarkdownText.Context.Paragraph));
}
