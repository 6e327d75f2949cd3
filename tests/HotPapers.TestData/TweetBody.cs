using System.Globalization;
using System.Text;

namespace HotPapers.TestData;

/// <summary>One piece of a tweet: plain text, a t.co link, a picture link, an @mention or a line break.</summary>
internal readonly record struct TweetPart(TweetPartKind Kind, string Value);

internal enum TweetPartKind
{
    Text,
    Link,
    Picture,
    Mention,
    Break,
}

/// <summary>
/// A tweet's text and its oEmbed HTML made from the same parts, so that the two agree the way Twitter's
/// do: <c>https://t.co/x</c> in the text is an anchor in the embed, <c>pic.twitter.com/x</c> is an anchor
/// to its t.co link, a mention links to the profile and a line break is <c>&lt;br&gt;</c>.
/// </summary>
internal static class TweetBody
{
    public const string WidgetsScript = "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>";

    public static string Text(IReadOnlyList<TweetPart> parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            sb.Append(part.Kind switch
            {
                TweetPartKind.Link => "https://t.co/" + part.Value,
                TweetPartKind.Picture => "pic.twitter.com/" + part.Value,
                TweetPartKind.Mention => "@" + part.Value,
                TweetPartKind.Break => "\n",
                _ => part.Value,
            });
        }
        return sb.ToString();
    }

    /// <summary>The blockquote and, on the next line, the widgets.js script, as Twitter's oEmbed endpoint answers.</summary>
    public static string EmbedHtml(IReadOnlyList<TweetPart> parts, string lang, string name, string handle, string statusUrl, DateOnly day)
    {
        var sb = new StringBuilder(512);
        sb.Append("<blockquote class=\"twitter-tweet\"><p lang=\"").Append(lang).Append("\" dir=\"ltr\">");
        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case TweetPartKind.Link:
                    sb.Append("<a href=\"https://t.co/").Append(part.Value).Append("\">https://t.co/").Append(part.Value).Append("</a>");
                    break;
                case TweetPartKind.Picture:
                    sb.Append("<a href=\"https://t.co/").Append(part.Value).Append("\">pic.twitter.com/").Append(part.Value).Append("</a>");
                    break;
                case TweetPartKind.Mention:
                    sb.Append("<a href=\"https://twitter.com/").Append(part.Value).Append("?ref_src=twsrc%5Etfw\">@").Append(part.Value).Append("</a>");
                    break;
                case TweetPartKind.Break:
                    sb.Append("<br>");
                    break;
                default:
                    sb.Append(Escape(part.Value));
                    break;
            }
        }
        sb.Append("</p>&mdash; ").Append(Escape(name)).Append(" (@").Append(handle).Append(") <a href=\"")
          .Append(statusUrl).Append("?ref_src=twsrc%5Etfw\">")
          .Append(day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture))
          .Append("</a></blockquote>\n").Append(WidgetsScript);
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
