using HotPapers.Rendering;

namespace HotPapers.Tests.Rendering;

/// <summary>
/// MarkdownText.Escape keeps text that is plain once its math spans are masked without asking Markdig;
/// Markdig must read such text as it reads the masked text, which is plain.
/// </summary>
public sealed class MathPlainTextTests
{
    private static readonly string[] Pieces =
    [
        "$x$", "$\\ell_1$", "$$a_b$$", "$ x$", "$5 and $6", "\\$", "$", "a", "word", " ", "  ", "-", "1.", "#", ">", "*", "_", "`",
        "[", "]", "<", "&", "~", "\\", "$\\mathcal{O}(n)$", "$a*b$", "$<b>$", "x$y$z", "$\\$$", "|", "!", "(", ")",
    ];

    [Theory]
    [InlineData(nameof(MarkdownText.Context.Paragraph))]
    [InlineData(nameof(MarkdownText.Context.Heading))]
    public void Text_kept_as_is_because_of_masked_math_renders_as_itself(string contextName)
    {
        var context = Enum.Parse<MarkdownText.Context>(contextName);
        var random = new Random(7);
        var kept = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var masked = MathSpans.Mask(text);
            if (ReferenceEquals(masked, text) || MarkdownText.Escape(text, context) != text) continue;
            kept++;
            // The same verdict as for plain text of that shape: masking the math changes nothing Markdig sees.
            Assert.True(MarkdownText.RendersAsItself(text, text, context) == MarkdownText.RendersAsItself(masked, masked, context),
                $"kept as is, but Markdig reads it otherwise than its masked form: [{text}] [{masked}]");
        }
        Assert.True(kept > 500, $"{kept} kept");
    }
}
