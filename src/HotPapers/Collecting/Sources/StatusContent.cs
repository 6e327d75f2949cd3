using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace HotPapers.Collecting;

/// <summary>
/// A Mastodon status's <c>content</c> (HTML) as the text a reader sees, and the links it holds. Mastodon hides
/// part of a long link (<c>span class="invisible"</c>) and marks where it cut one (<c>class="ellipsis"</c>,
/// drawn as "…"); paragraphs are separated by a blank line and <c>br</c> is a line break. Read by AngleSharp's
/// HTML parser, as a browser would: the text is never HTML again (the templates escape it).
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
                    if (e.LocalName == "p" && text.Length > 0) text.Append("\n\n");
                    Append(e, text);
                    if (e.ClassList.Contains("ellipsis")) text.Append('…');
                    break;
            }
        }
    }
}
