using System.Text;

namespace HotPapers.Rendering;

/// <summary>HTML text escaping as Markdig does it: the four characters that matter, nothing else.</summary>
internal static class HtmlText
{
    public static string Encode(string text)
    {
        if (!text.AsSpan().ContainsAny("<>&\"")) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }
}
