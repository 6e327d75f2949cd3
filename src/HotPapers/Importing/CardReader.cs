using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HotPapers.Records;
using HotPapers.Rendering;

namespace HotPapers.Importing;

/// <summary>
/// Reads a mention back out of the static card a post shows for it (<see cref="MentionEmbed.Card"/>):
/// <c>&lt;blockquote class="hotpapers-card hotpapers-NETWORK"&gt;&lt;p lang=".."&gt;text&lt;/p&gt;&amp;mdash; Name (@handle)
/// &amp;middot; counts &amp;middot; &lt;a href="url"&gt;Network, April 30, 2021&lt;/a&gt;&lt;/blockquote&gt;</c>.
/// A card keeps no HTML of the network's own, so it comes back as the mention's fields, and the rebuild
/// makes the same card from them. The byline is split on the raw <c>&amp;middot;</c> entities, which no
/// escaped name can hold (its <c>&amp;</c> is <c>&amp;amp;</c>); the counts are checked by writing them
/// again with <see cref="MentionEmbed.Counts"/>, so the words and plurals are known in one place.
/// </summary>
internal static partial class CardReader
{
    private const string Start = "<blockquote class=\"hotpapers-card ";

    public static bool IsCard(string html) => html.StartsWith(Start, StringComparison.Ordinal);

    /// <summary>The mention, or null with the reason when the HTML is not a card of the built-in shape.</summary>
    public static MentionRecord? Read(string html, out EmbedProblem? problem)
    {
        problem = null;
        var m = CardPattern().Match(html);
        if (!m.Success || !Networks.TryParse(m.Groups[1].Value, out var network))
            return Fail(out problem, "a card as hotpapers writes it: <blockquote class=\"hotpapers-card hotpapers-NETWORK\"><p>text</p>&mdash; author &middot; <a href=\"URL\">Network, Month D, YYYY</a></blockquote>", html);
        var lang = m.Groups[2].Success ? WebUtility.HtmlDecode(m.Groups[2].Value) : null;
        var text = EmbedReader.ParagraphText(m.Groups[3].Value);
        var byline = m.Groups[4].Value.Split(" &middot; ");
        if (byline.Length > 2) return Fail(out problem, "the author and the counts between \"&mdash;\" and the link", m.Groups[4].Value);
        var author = WebUtility.HtmlDecode(byline[0]);
        var (name, handle) = (author, author);
        var open = author.LastIndexOf(" (@", StringComparison.Ordinal);
        if (open >= 0 && author.EndsWith(')')) (name, handle) = (author[..open], author[(open + 3)..^1]);
        var url = WebUtility.HtmlDecode(m.Groups[5].Value);

        var link = WebUtility.HtmlDecode(m.Groups[6].Value);
        TweetTime? created = null;
        if (link != network.Title())
        {
            var prefix = network.Title() + ", ";
            if (!link.StartsWith(prefix, StringComparison.Ordinal)
                || !DateOnly.TryParseExact(link[prefix.Length..], "MMMM d, yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return Fail(out problem, $"the link's text as \"{network.Title()}, April 30, 2021\"", link);
            created = TweetTime.FromDay(day);
        }

        var mention = new MentionRecord(url, name, handle, text, created, lang, null, null, null, null, network);
        if (byline.Length == 2)
        {
            var (reposts, likes, replies) = MentionEmbed.Words(network);
            string[] words = [reposts, likes, replies, "quote"];
            var counts = new long?[4];
            foreach (var part in byline[1].Split(", "))
            {
                var c = CountPattern().Match(part);
                var kind = c.Success ? Array.FindIndex(words, w => c.Groups[2].Value.StartsWith(w.TrimEnd('y'), StringComparison.Ordinal)) : -1;
                if (kind < 0 || counts[kind] is not null || !long.TryParse(c.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    || n > JsonChecker.MaxCount)
                    return Fail(out problem, $"the counts as \"21 {reposts}s, 130 {likes}s\"", byline[1]);
                counts[kind] = n;
            }
            mention = mention with { Reposts = counts[0], Likes = counts[1], Replies = counts[2], Quotes = counts[3] };
            if (MentionEmbed.Counts(mention) != byline[1]) return Fail(out problem, $"the counts as \"{MentionEmbed.Counts(mention)}\"", byline[1]);
        }
        return mention;
    }

    private static MentionRecord? Fail(out EmbedProblem? problem, string expected, string found)
    {
        problem = new EmbedProblem(expected, JsonChecker.Quote(found));
        return null;
    }

    // The card on its one line: network, lang, text (its "<" escaped, so "</p>" ends it), byline, link.
    [GeneratedRegex("^<blockquote class=\"hotpapers-card hotpapers-([a-z]+)\"><p(?: lang=\"([^\"]*)\")?>(.*?)</p>&mdash; (.*) &middot; <a href=\"([^\"]*)\">([^<]*)</a></blockquote>$")]
    private static partial Regex CardPattern();

    [GeneratedRegex("^([0-9]+) ([a-z]+)$")]
    private static partial Regex CountPattern();
}
