using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HotPapers.Records;

namespace HotPapers.Rendering;

/// <summary>
/// The embed HTML of a tweet. A stored oEmbed answer is used as it is; a tweet without one gets a
/// blockquote of the same shape built from its own fields, so that build never needs the network.
/// </summary>
public static partial class TweetEmbed
{
    public const string WidgetsScript = "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>";

    public static string For(TweetRecord tweet) => tweet.EmbedHtml is { } html ? html.TrimEnd('\n', '\r') : Build(tweet);

    /// <summary>Twitter's oEmbed shape: the text in a paragraph, then the author and a dated link to the status.</summary>
    public static string Build(TweetRecord tweet)
    {
        var sb = new StringBuilder(256 + tweet.Text.Length * 2);
        sb.Append("<blockquote class=\"twitter-tweet\"><p lang=\"").Append(Attr(tweet.Lang ?? "und")).Append("\" dir=\"ltr\">");
        AppendText(sb, tweet.Text);
        sb.Append("</p>&mdash; ").Append(Html(tweet.AuthorName)).Append(" (@").Append(Html(tweet.Handle)).Append(") <a href=\"")
          .Append(Attr(tweet.Url)).Append(tweet.Url.Contains('?') ? "&amp;" : "?").Append("ref_src=twsrc%5Etfw\">")
          .Append(tweet.Created is { } c ? c.Day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture) : Html(tweet.Url))
          .Append("</a></blockquote>\n").Append(WidgetsScript);
        return sb.ToString();
    }

    // Links become anchors and line breaks <br>, as in Twitter's own embeds; everything else is text.
    private static void AppendText(StringBuilder sb, string text)
    {
        var last = 0;
        foreach (Match m in UrlPattern().Matches(text))
        {
            AppendLines(sb, text[last..m.Index]);
            sb.Append("<a href=\"").Append(Attr(m.Value)).Append("\">").Append(Html(m.Value)).Append("</a>");
            last = m.Index + m.Length;
        }
        AppendLines(sb, text[last..]);
    }

    private static void AppendLines(StringBuilder sb, string text) =>
        sb.Append(Html(text).Replace("\r\n", "\n").Replace("\n", "<br>"));

    private static string Html(string s) => HtmlText.Encode(s);

    private static string Attr(string s) => HtmlText.Encode(s);

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
