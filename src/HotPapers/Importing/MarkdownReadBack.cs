using System.Text;
using HotPapers.Rendering;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HotPapers.Importing;

/// <summary>
/// Reads a line of Markdown back into the text it shows, as <see cref="MarkdownText.RendersAsItself"/>
/// judges text: Markdig parses it (math spans masked, since a backslash there is LaTeX) and the line must
/// be nothing but literal text, whose characters (escapes resolved) are the text. The importer then
/// escapes that text again with the renderer's own functions and keeps it only where that gives the line
/// back, so this holds whatever the escaping rule escapes.
/// </summary>
internal static class MarkdownReadBack
{
    private const string HeadingPrefix = "# 1. ";

    /// <summary>The text <paramref name="markdown"/> shows in that context, or null when it shows more than text.</summary>
    public static string? Text(string markdown, MarkdownText.Context context)
    {
        if (markdown.Length == 0) return "";
        var prefix = context == MarkdownText.Context.Heading ? HeadingPrefix : "";
        var masked = MathSpans.Mask(markdown);
        var source = prefix + masked;
        // Where the math was masked, each literal's characters are taken from the line as written, at the
        // same places (masking keeps the length).
        var written = ReferenceEquals(masked, markdown) ? source : prefix + markdown;
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(source, MarkdownText.Judge);
        }
        catch (ArgumentException)
        {
            return null; // nested past Markdig's depth limit: no text that renders as itself
        }
        if (document.Count == 0) return markdown.Trim().Length == 0 ? "" : null;
        if (document.Count != 1 || document[0] is not LeafBlock { Inline: { } inline } block) return null;
        if (context == MarkdownText.Context.Heading ? block is not HeadingBlock : block is not ParagraphBlock) return null;
        var text = new StringBuilder(markdown.Length);
        foreach (var node in inline)
        {
            if (node is not LiteralInline literal) return null;
            var content = literal.Content;
            if (ReferenceEquals(written, source)) text.Append(content.AsSpan());
            else if (ReferenceEquals(content.Text, source)) text.Append(written.AsSpan(content.Start, content.Length));
            else return null;
        }
        var read = text.ToString();
        if (context == MarkdownText.Context.Heading)
        {
            if (!read.StartsWith("1. ", StringComparison.Ordinal)) return null;
            read = read[3..];
        }
        // Markdown drops white space at the ends of a paragraph or heading; escaping keeps the text's own.
        var leading = markdown[..(markdown.Length - markdown.TrimStart(' ', '\t').Length)];
        var trailing = markdown[markdown.TrimEnd(' ', '\t').Length..];
        if (!read.StartsWith(leading, StringComparison.Ordinal)) read = leading + read;
        if (!read.EndsWith(trailing, StringComparison.Ordinal)) read += trailing;
        return read;
    }
}
