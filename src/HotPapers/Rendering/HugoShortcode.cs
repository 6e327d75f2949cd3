using HotPapers.Safety;

namespace HotPapers.Rendering;

/// <summary>
/// Tweets in Hugo posts. Hugo's default Markdown settings drop raw HTML, so the stored embed goes
/// inside a shortcode (installed by <c>hotpapers init --flavor hugo</c>) that outputs it as it is.
/// </summary>
internal static class HugoShortcode
{
    public const string TweetName = "hotpapers-tweet";

    /// <summary>The file <c>hotpapers init</c> installs, relative to the site's root.</summary>
    public static readonly string TweetFile = Path.Combine("layouts", "shortcodes", TweetName + ".html");

    /// <summary>
    /// The shortcode call with the embed inside. Hugo reads <c>{{&lt;</c> and <c>{{%</c> in the inner text
    /// as shortcodes, so every <c>{{</c> of the HTML becomes <c>{&amp;#123;</c>, which a browser reads as
    /// the same two braces in text and in attribute values.
    /// </summary>
    public static string Tweet(string embedHtml)
    {
        var inner = embedHtml.Replace("\r\n", "\n").Trim('\n').Replace("{{", "{&#123;", StringComparison.Ordinal);
        return $"{{{{< {TweetName} >}}}}\n{inner}\n{{{{< /{TweetName} >}}}}";
    }

    /// <summary>
    /// Markdown for a Hugo page (text, link text or a link's URL). Hugo reads <c>{{&lt;</c> and <c>{{%</c>
    /// anywhere in a page as shortcode calls, and fails the site on a bad one; Goldmark reads a heading
    /// that ends in <c>{...}</c> as attributes for the element (<c>{style="..." #id .class}</c>), and with
    /// block attributes on, a line that is only <c>{...}</c> likewise. So the second brace of each
    /// <c>{{&lt;</c> <c>{{%</c> <c>%}}</c> <c>&gt;}}</c> gets a Markdown backslash (which no backslash can
    /// precede there: the character before it is a brace), and so does a <c>}</c> that ends the text,
    /// unless a backslash escapes it already. A backslash escape renders as the character itself,
    /// in link destinations too.
    /// </summary>
    public static string EscapeText(string markdown)
    {
        var end = markdown.AsSpan().TrimEnd(" \t").Length;
        var lastBrace = end > 0 && markdown[end - 1] == '}' && !InertText.IsEscaped(markdown, end - 1);
        if (!lastBrace && !markdown.Contains("{{", StringComparison.Ordinal) && !markdown.Contains("}}", StringComparison.Ordinal)) return markdown;
        var sb = new System.Text.StringBuilder(markdown.Length + 8);
        for (var i = 0; i < markdown.Length; i++)
        {
            var ch = markdown[i];
            var delimiter = i > 0 && (
                (ch == '{' && markdown[i - 1] == '{' && i + 1 < markdown.Length && markdown[i + 1] is '<' or '%')
                || (ch == '}' && markdown[i - 1] == '}' && i > 1 && markdown[i - 2] is '>' or '%'));
            if (delimiter || (lastBrace && i == end - 1)) sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
