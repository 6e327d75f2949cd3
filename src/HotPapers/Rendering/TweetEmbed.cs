using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HotPapers.Records;
using HotPapers.Safety;

namespace HotPapers.Rendering;

/// <summary>
/// The embed HTML of a tweet. A stored oEmbed answer is used as it is when <see cref="EmbedGuard"/>
/// finds it the safe oEmbed shape; a tweet without one, or with one that is not, gets a blockquote of
/// the same shape built from its own fields, escaped, so that build never needs the network.
/// </summary>
internal static partial class TweetEmbed
{
    public const string WidgetsScript = EmbedGuard.WidgetsScript;

    /// <summary>The stored embed when it is safe, else one built from the fields.</summary>
    public static string For(MentionRecord tweet) => Html(tweet, out _).ToString();

    /// <summary>
    /// <see cref="For"/>'s embed without a copy: a stored one is a slice of the stored text (without the
    /// line ends the old crawler's end with). <paramref name="problem"/> is why a stored one was not used.
    /// </summary>
    internal static ReadOnlyMemory<char> Html(MentionRecord tweet, out string? problem)
    {
        problem = null;
        if (tweet.EmbedHtml is not { } html) return Build(tweet).AsMemory();
        problem = EmbedGuard.Problem(html);
        return problem is null ? html.AsMemory().TrimEnd("\n\r") : Build(tweet).AsMemory();
    }

    /// <summary>
    /// Twitter's oEmbed shape: the text in a paragraph, then the author and a dated link to the status.
    /// It is one line (line breaks in the text become <c>&lt;br&gt;</c>, elsewhere spaces): a blank line
    /// would end the Markdown HTML block and let the rest be read as Markdown.
    /// </summary>
    public static string Build(MentionRecord tweet)
    {
        var sb = new StringBuilder(256 + tweet.Text.Length * 2);
        sb.Append("<blockquote class=\"twitter-tweet\"><p lang=\"").Append(Attr(OneLine(tweet.Lang ?? "und"))).Append("\" dir=\"ltr\">");
        AppendText(sb, tweet.Text);
        sb.Append("</p>&mdash; ").Append(Html(OneLine(tweet.AuthorName))).Append(" (@").Append(Html(OneLine(tweet.Handle))).Append(") <a href=\"")
          .Append(Attr(OneLine(tweet.Url))).Append(tweet.Url.Contains('?') ? "&amp;" : "?").Append("ref_src=twsrc%5Etfw\">")
          .Append(tweet.Created is { } c ? c.Day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture) : Html(OneLine(tweet.Url)))
          .Append("</a></blockquote>\n").Append(WidgetsScript);
        return sb.ToString();
    }

    // Links become anchors and line breaks <br>, as in Twitter's own embeds; everything else is text.
    /// <param name="httpsOnly">Only https links become anchors (Bluesky's shape allows no other).</param>
    internal static void AppendText(StringBuilder sb, string text, bool httpsOnly = false)
    {
        var last = 0;
        foreach (Match m in UrlPattern().Matches(text))
        {
            var url = Link(m.Value);
            if (!HttpUrl.IsHttpHref(url) || (httpsOnly && !url.StartsWith("https://", StringComparison.Ordinal))) continue;
            AppendLines(sb, text[last..m.Index]);
            sb.Append("<a href=\"").Append(Attr(url)).Append("\">").Append(Html(url)).Append("</a>");
            last = m.Index + url.Length;
        }
        AppendLines(sb, text[last..]);
    }

    // Where a link in running text ends: the punctuation that ends its sentence, or the parenthesis that
    // closes around it, is not part of it ("see https://arxiv.org/abs/2104.14421." links the paper, not a
    // page that does not exist). GitHub's rule for links in text (GFM, "extended autolink path validation"):
    // trailing ? ! . , : * _ ~ are dropped, and a trailing ')' while the link has more ')' than '(', one at a
    // time until neither applies. (Markdig's autolinks drop one character only: "(see URL.)" kept the '.'.)
    // The parentheses are counted once: a text of many ')' must not cost their number squared.
    private static string Link(string candidate)
    {
        var end = candidate.Length;
        var unclosed = candidate.AsSpan().Count(')') - candidate.AsSpan().Count('(');
        while (end > 0)
        {
            var last = candidate[end - 1];
            if (last is '?' or '!' or '.' or ',' or ':' or '*' or '_' or '~') end--;
            else if (last == ')' && unclosed > 0)
            {
                end--;
                unclosed--;
            }
            else break;
        }
        return candidate[..end];
    }

    private static void AppendLines(StringBuilder sb, string text) =>
        sb.Append(Html(text).Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", "<br>"));

    internal static string OneLine(string s) => MarkdownText.OneLine(s);

    // NUL becomes U+FFFD, as an HTML parser would read it (found by fuzzing; records cannot hold NUL).
    // A form feed or vertical tab becomes a space: CommonMark ends no HTML block on them as HTML does,
    // and the embed judge refuses them (found by fuzzing the Bluesky embed).
    internal static string Html(string s) => HtmlText.Encode(s).Replace('\0', '\uFFFD').Replace('\f', ' ').Replace('\v', ' ');

    internal static string Attr(string s) => Html(s);

    // A link ends at a space or markup, or where another begins glued to it (a letter or digit, then http:// or https://),
    // or a handle does (a letter or digit, then @): old crawler files join a tweet's links and handles
    // ("...qqhttps://t.co/XPmh...", "https://t.co/KwfCVRzrIH@VincentMo6"), and users' trials found them one broken link on
    // the site's cards. A link inside another's path or query follows a '/' or '=' (web.archive.org/web/2021/https://...),
    // as a handle in a path follows a '/' (medium.com/@name).
    [GeneratedRegex(@"https?://[^\s<>""']+?(?=[\s<>""']|$|(?<=[A-Za-z0-9])(?:https?://|@))", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
