using System.Collections.Immutable;
using HotPapers.Site;

namespace HotPapers.Tests.Site;

/// <summary>A small site and entries for the feed tests: two plain digests and one full of hostile text.</summary>
internal static class FeedSamples
{
    public static readonly FeedSite Site = new("Hot Papers & Co", "The arXiv papers people talked about, each day.", new Uri("https://example.org/hot/"), "Hot Papers team");

    public static readonly Uri Self = new("https://example.org/hot/feed.xml");

    /// <summary>A hostile string: markup, a CDATA end, an ampersand, quotes, a non-BMP character, right-to-left text.</summary>
    public const string Hostile = "]]> <script>alert(1)</script> & \"q\" 'a' &amp; 𝔸 😀 שלום";

    public static readonly FeedEntry First = new(
        "https://example.org/hot/2021/04/30/",
        "Hot Papers 2021-04-30",
        new Uri("https://example.org/hot/2021/04/30/"),
        new DateTimeOffset(2021, 5, 1, 9, 50, 48, TimeSpan.Zero),
        new DateTimeOffset(2021, 5, 2, 9, 50, 48, TimeSpan.Zero),
        "12 papers, 340 mentions.",
        "<h2 id=\"p1\"><a href=\"https://arxiv.org/abs/2104.14294\">Emerging Properties</a></h2>\n<p>Self-supervised ViTs.</p>\n",
        ["cs.CV", "cs.LG"]);

    /// <summary>Not in UTC, with a fraction of a second (dropped: RSS cannot say it), and an id that is not its URL.</summary>
    public static readonly FeedEntry Second = new(
        "tag:example.org,2021:digest/2021-04-29",
        "Hot Papers 2021-04-29",
        new Uri("https://example.org/hot/2021/04/29/"),
        new DateTimeOffset(2021, 4, 30, 18, 50, 48, 250, TimeSpan.FromHours(9)),
        new DateTimeOffset(2021, 4, 30, 18, 50, 48, 250, TimeSpan.FromHours(9)),
        "3 papers, 41 mentions.",
        "<p>Three papers.</p>",
        ["stat.ML"]);

    public static readonly FeedEntry Nasty = new(
        "https://example.org/hot/2021/04/28/",
        "Title " + Hostile,
        new Uri("https://example.org/hot/2021/04/28/?a=1&b=2"),
        new DateTimeOffset(2021, 4, 29, 1, 0, 0, TimeSpan.FromHours(-5)),
        new DateTimeOffset(2021, 4, 29, 1, 0, 0, TimeSpan.FromHours(-5)),
        "Summary " + Hostile,
        "<p>Content " + System.Net.WebUtility.HtmlEncode(Hostile) + "</p><pre><![CDATA[ x ]]></pre>",
        ["cs.CL"]);

    public static readonly ImmutableArray<FeedEntry> Entries = [First, Second, Nasty];
}
