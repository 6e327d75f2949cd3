using System.Text;
using HotPapers.Rendering;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HotPapers.Importing;

/// <summary>
/// Reads a line of Markdown back into the text it shows: Markdig parses it (math spans masked, since a
/// backslash there is LaTeX) and the line must be nothing but literal text and character references,
/// whose characters (escapes and references resolved) are the text. The importer then
/// escapes that text again with the renderer's own functions and keeps it only where that gives the line
/// back, so this holds whatever the escaping rule escapes.
/// </summary>
internal static class MarkdownReadBack
{
    private const string HeadingPrefix = "# 1. ";

    // CommonMark plus ~~strikethrough~~, which GitHub-flavoured renderers such as Gatsby's remark add.
    private static readonly MarkdownPipeline Reader = new MarkdownPipelineBuilder()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .Build();

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
            document = Markdig.Markdown.Parse(source, Reader);
        }
        catch (ArgumentException)
        {
            return null; // nested past Markdig's depth limit: no text that renders as itself
        }
        if (document.Count == 0) return markdown.Trim().Length == 0 ? "" : null;
        if (document.Count != 1 || document[0] is not LeafBlock { Inline: { } inline } block) return null;
        if (context == MarkdownText.Context.Heading ? block is not HeadingBlock : block is not ParagraphBlock) return null;
        var text = new StringBuilder(markdown.Length);
        if (!AppendText(inline, text, source, written)) return null;
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

    /// <summary>Appends the text the inlines show, or false where one of them is more than text.</summary>
    private static bool AppendText(ContainerInline container, StringBuilder text, string source, string written)
    {
        foreach (var node in container)
        {
            switch (node)
            {
                // A reference such as &lt; (how the escaping writes a '<' that could open a tag) is its character.
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case LiteralInline { Content: var content }:
                    if (ReferenceEquals(written, source)) text.Append(content.AsSpan());
                    else if (ReferenceEquals(content.Text, source)) text.Append(written.AsSpan(content.Start, content.Length));
                    else return false;
                    break;
                // A '[' that opens no link (the escaping leaves one without a closer as it is) stays
                // Markdig's delimiter, holding what follows it.
                case LinkDelimiterInline:
                    var opener = (LinkDelimiterInline)node;
                    text.Append(opener.ToLiteral());
                    if (!AppendText(opener, text, source, written)) return false;
                    break;
                default:
                    return false;
            }
        }
        return true;
    }
}
