using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace HotPapers.Collecting;

/// <summary>
/// A Mastodon status's <c>content</c> (HTML) as the text a reader sees, and the links it holds. Mastodon hides
/// part of a long link (<c>span class="invisible"</c>) and marks where it cut one (<c>class="ellipsis"</c>,
/// drawn as "…"); paragraphs (and quotes, lists, code blocks, headings) are separated by a blank line, a list's
/// items and <c>br</c> by a line break. Read by AngleSharp's HTML parser, as a browser would: the text is never
/// HTML again (the templates escape it).
/// </summary>
internal static class StatusContent
{
    public static (string Text, List<string> Links) Read(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + html);
        var text = new StringBuilder();
        var links = new List<string>();
        foreach (var a in document.Body!.QuerySelectorAll("a[href]"))
        {
            links.Add(a.GetAttribute("href")!);
        }
        Append(document.Body, text);
        return (text.ToString().Trim(), links);
    }

    /// <summary>
    /// The line ends before a block: a paragraph's blank line, and one line end before a list's item. Mastodon 4 keeps
    /// lists, quotes, code blocks and headings in a remote status's content (Misskey's, Akkoma's...): found by a drift
    /// test, their items and paragraphs ran together ("Introonetwo").
    /// </summary>
    private static int BlockBreak(string name) => name switch
    {
        "p" or "blockquote" or "pre" or "ul" or "ol" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => 2,
        "li" => 1,
        _ => 0,
    };

    /// <summary>Line ends up to <paramref name="lines"/> at the end of the text, none at its start: a paragraph in a quote is one break.</summary>
    private static void Break(StringBuilder text, int lines)
    {
        var have = 0;
        while (have < text.Length && text[^(have + 1)] == '\n') have++;
        if (text.Length > have && have < lines) text.Append('\n', lines - have);
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement e when e.ClassList.Contains("invisible"):
                    break;
                case IElement e:
                    if (BlockBreak(e.LocalName) is > 0 and var lines) Break(text, lines);
                    Append(e, text);
                    if (e.ClassList.Contains("ellipsis")) text.Append('…');
                    break;
            }
        }
    }
}
