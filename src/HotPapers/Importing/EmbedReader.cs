using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using HotPapers.Records;

namespace HotPapers.Importing;

/// <summary>What a stored oEmbed blockquote tells about its tweet or Bluesky post.</summary>
/// <param name="Created">The day the embed shows; when a tweet's embed shows it in a language other than
/// English, the instant the status id itself encodes. Null for a Bluesky post whose embed shows no day.</param>
internal sealed record EmbeddedTweet(string Url, string AuthorName, string Handle, string Text, string? Lang, TweetTime? Created, Network Network = Network.Twitter);

/// <summary>
/// Reads a tweet back out of the oEmbed HTML a post holds: Twitter's
/// <c>&lt;blockquote class="twitter-tweet"&gt;&lt;p lang=".."&gt;text&lt;/p&gt;&amp;mdash; Name (@handle) &lt;a href="status url"&gt;April 30, 2021&lt;/a&gt;&lt;/blockquote&gt;</c>,
/// or a Bluesky post out of Bluesky's, which has the same parts (<c>class="bluesky-embed"</c>, the
/// handle perhaps in a link of its own, the day perhaps followed by " at " and a time).
/// AngleSharp parses it as a browser would (entities, attribute quoting, nesting), which regexes over
/// arbitrary tweet text would only approximate.
/// </summary>
internal static class EmbedReader
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The tweet, or null with the reason when the HTML is not an oEmbed tweet blockquote.</summary>
    public static EmbeddedTweet? Read(string html, out EmbedProblem? problem)
    {
        problem = null;
        var document = Parser.ParseDocument(html);
        var quote = document.Body?.Children.FirstOrDefault();
        // Found by a docs audit: an embed of another network was said to be found as the very blockquote expected.
        if (quote is not IHtmlQuoteElement || quote.LocalName != "blockquote" || !(quote.ClassList.Contains("twitter-tweet") || quote.ClassList.Contains("bluesky-embed")))
            return Fail(out problem, "a tweet's <blockquote class=\"twitter-tweet\">, a Bluesky post's <blockquote class=\"bluesky-embed\"> or a card hotpapers wrote", StartTag(quote));
        var bluesky = !quote.ClassList.Contains("twitter-tweet");
        if (quote.Children.FirstOrDefault(e => e.LocalName == "p") is not { } paragraph)
            return Fail(out problem, "the post's text in a <p> inside the blockquote", "no <p>");
        if (quote.Children.LastOrDefault() is not IHtmlAnchorElement link || link.GetAttribute("href") is not { } href)
            return Fail(out problem, "a link to the post at the end of the blockquote", StartTag(quote.Children.LastOrDefault()));
        var url = href;
        var query = url.IndexOf('?');
        if (query >= 0) url = url[..query];
        if (!(bluesky || url.Contains("/status/", StringComparison.Ordinal)) || !Uri.TryCreate(url, UriKind.Absolute, out _))
            return Fail(out problem, bluesky ? "a link to the Bluesky post" : "a link to a tweet's status page", JsonChecker.Quote(href));
        TweetTime? created;
        // Bluesky's own embeds add the time: "January 5, 2024 at 3:04 PM".
        var dayText = link.TextContent.Trim();
        if (bluesky && dayText.IndexOf(" at ", StringComparison.Ordinal) is var at and > 0) dayText = dayText[..at];
        if (DateOnly.TryParseExact(dayText, "MMMM d, yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            created = TweetTime.FromDay(day);
        else if (bluesky)
            // Some embeds show the post's time as RFC 3339; else the embed, kept as it is, shows it and the records need not.
            created = Rfc3339.TryParseWithOffset(dayText, out var instant) ? TweetTime.FromInstant(instant) : null;
        else if (SnowflakeTime(url) is { } snowflake)
            created = TweetTime.FromInstant(snowflake);
        else
            return Fail(out problem, "the tweet's day as \"April 30, 2021\"", JsonChecker.Quote(link.TextContent));

        // Between the text and the link: "— Display Name (@handle) ".
        var byline = new StringBuilder();
        for (var node = paragraph.NextSibling; node is not null && node != link; node = node.NextSibling) byline.Append(node.TextContent);
        var author = byline.ToString().Trim().TrimStart('\u2014').Trim();
        var open = author.LastIndexOf("(@", StringComparison.Ordinal);
        if (open < 0 || !author.EndsWith(')'))
            return Fail(out problem, "the author as \"&mdash; Name (@handle)\"", JsonChecker.Quote(author));
        var handle = author[(open + 2)..^1];
        var name = author[..open].TrimEnd();
        var lang = paragraph.GetAttribute("lang");
        return new EmbeddedTweet(url, name, handle, Text(paragraph), string.IsNullOrEmpty(lang) ? null : lang, created, bluesky ? Network.Bluesky : Network.Twitter);
    }

    /// <summary>
    /// Status ids since November 2010 are Twitter "snowflakes": their top bits are milliseconds since
    /// 2010-11-04T01:42:54.657Z, so the id says when the tweet was made, whatever language the embed's date is in.
    /// </summary>
    internal static DateTimeOffset? SnowflakeTime(string statusUrl)
    {
        var i = statusUrl.LastIndexOf("/status/", StringComparison.Ordinal);
        if (i < 0 || !ulong.TryParse(statusUrl.AsSpan(i + 8), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        const long TwitterEpoch = 1288834974657;
        var ms = (long)(id >> 22) + TwitterEpoch;
        // Ids below about 3e16 are older sequential ids that encode no time.
        return id < 30_000_000_000_000_000UL ? null : DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(TimeSpan.Zero);
    }

    /// <summary>The text of a paragraph's inner HTML, as <see cref="Text(INode)"/> reads it.</summary>
    internal static string ParagraphText(string innerHtml) =>
        Parser.ParseDocument("<p>" + innerHtml + "</p>").QuerySelector("p") is { } p ? Text(p) : "";

    // The text as it was tweeted: links as the text they show, <br> as a line break.
    private static string Text(INode node)
    {
        var sb = new StringBuilder();
        Append(sb, node);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text) sb.Append(text.Data);
            else if (child is IHtmlBreakRowElement) sb.Append('\n');
            else Append(sb, child);
        }
    }

    // An element as its start tag shows it ("no element" for none), for what was found instead of another.
    private static string StartTag(AngleSharp.Dom.IElement? element)
    {
        if (element is null) return "no element";
        var html = element.OuterHtml;
        var end = html.IndexOf('>');
        return JsonChecker.Quote(end < 0 ? html : html[..(end + 1)]);
    }

    private static EmbeddedTweet? Fail(out EmbedProblem? problem, string expected, string found)
    {
        problem = new EmbedProblem(expected, found);
        return null;
    }
}
