using System.Collections.Immutable;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;
using HotPapers.Site;
using static HotPapers.Tests.Site.FeedWriterTests;

namespace HotPapers.Tests.Site;

/// <summary>
/// The feeds at their edges: text XML cannot hold, no entries, no author, the bytes not depending on
/// anything but the entries.
/// </summary>
public sealed class FeedEdgeTests
{
    private static readonly FeedSite Site = FeedSamples.Site;
    private static readonly Uri Self = FeedSamples.Self;

    /// <summary>NUL, other C0 controls, U+FFFE, U+FFFF and unpaired surrogates (neither can be in XML 1.0); tab and line ends can.</summary>
    private const string Unfit = "\u0000\u0001\b\u000B\u000C\u001B\uFFFE\uFFFF\uD800\uDC00x\uD83D";

    private static readonly FeedEntry Controlled = new(
        "https://example.org/hot/2021/05/01/",
        "A" + Unfit + "\tB",
        new Uri("https://example.org/hot/2021/05/01/"),
        new DateTimeOffset(2021, 5, 2, 3, 4, 5, TimeSpan.FromMinutes(330)),
        new DateTimeOffset(2021, 5, 3, 3, 4, 5, TimeSpan.FromMinutes(-210)),
        "line\r\nnext\rlast" + Unfit,
        "<p>" + Unfit + "😀</p>\r\n",
        ["cs." + Unfit + "AI"]);

    // What every feed says instead: the unfit characters dropped (the pair \uD800\uDC00 is fit: it is
    // one character, U+10000), line ends as line feeds.
    private const string TitleSaid = "A\uD800\uDC00x\tB";
    private const string SummarySaid = "line\nnext\nlast\uD800\uDC00x";
    private const string ContentSaid = "<p>\uD800\uDC00x😀</p>\n";
    private const string CategorySaid = "cs.\uD800\uDC00xAI";

    public static TheoryData<string> Formats => ["atom", "rss", "json"];

    private static byte[] Write(string format, FeedSite site, IReadOnlyList<FeedEntry> entries) => format switch
    {
        "atom" => FeedWriter.Atom(site, Self, entries),
        "rss" => FeedWriter.Rss(site, Self, entries),
        _ => FeedWriter.JsonFeed(site, Self, entries),
    };

    [Theory, MemberData(nameof(Formats))]
    public void Text_xml_cannot_hold_is_dropped_and_the_rest_reads_back(string format)
    {
        var bytes = Write(format, Site, [Controlled]);
        AssertWellFormed(format, bytes);
        var (title, summary, content, category) = ReadOnlyItem(format, bytes);
        Assert.Equal(TitleSaid, title);
        Assert.Equal(SummarySaid, summary);
        Assert.Equal(ContentSaid, content);
        Assert.Equal(CategorySaid, category);
    }

    [Theory, MemberData(nameof(Formats))]
    public void Hostile_text_everywhere_keeps_the_feed_well_formed_and_reads_back(string format)
    {
        var hostile = FeedSamples.Hostile + Unfit;
        var site = new FeedSite(hostile, hostile, Site.Home, hostile);
        var entry = new FeedEntry(FeedSamples.Nasty.Id, hostile, FeedSamples.Nasty.Url, FeedSamples.Nasty.Published, FeedSamples.Nasty.Updated, hostile, hostile, [hostile]);
        var bytes = Write(format, site, [entry]);
        AssertWellFormed(format, bytes);
        var said = FeedSamples.Hostile + "\uD800\uDC00x";
        Assert.Equal((said, said, said, said), ReadOnlyItem(format, bytes));
    }

    [Theory, MemberData(nameof(Formats))]
    public void No_entries_give_a_valid_feed_dated_at_the_epoch(string format)
    {
        var bytes = Write(format, Site, []);
        AssertWellFormed(format, bytes);
        if (format == "json")
        {
            using var json = JsonDocument.Parse(bytes);
            Assert.Equal(0, json.RootElement.GetProperty("items").GetArrayLength());
            Assert.Equal(Self.AbsoluteUri, json.RootElement.GetProperty("feed_url").GetString());
            return;
        }
        var feed = ReadXml(bytes, format == "atom" ? new Atom10FeedFormatter() : new Rss20FeedFormatter());
        Assert.Empty(feed.Items);
        Assert.Equal(Self, Link(feed.Links, "self"));
        // Not the build's time: an empty feed has no newest entry, and the same input gives the same bytes.
        Assert.Equal(DateTimeOffset.UnixEpoch, feed.LastUpdatedTime);
    }

    [Theory, MemberData(nameof(Formats))]
    public void The_same_entries_give_the_same_bytes_and_the_feed_is_as_new_as_its_newest_entry(string format)
    {
        // The newest update is the last entry's, not the first's: the feed's time is the newest of all.
        var newest = FeedSamples.Second with { Updated = new DateTimeOffset(2022, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)) };
        ImmutableArray<FeedEntry> entries = [FeedSamples.First, newest];
        var once = Write(format, Site, entries);
        var again = Write(format, Site, entries.ToArray());
        Assert.Equal(once, again);
        var text = Encoding.UTF8.GetString(once);
        Assert.Contains(format == "rss" ? "<lastBuildDate>Sun, 02 Jan 2022 03:04:05 +0100</lastBuildDate>"
            : format == "atom" ? "<updated>2022-01-02T03:04:05+01:00</updated>\n  <author>" : "\"date_modified\": \"2022-01-02T03:04:05+01:00\"", text);
    }

    [Fact]
    public void Rss_dates_are_rfc_822_with_gmt_or_the_offset()
    {
        var text = Encoding.UTF8.GetString(FeedWriter.Rss(Site, Self, [Controlled, FeedSamples.First]));
        Assert.Contains("<pubDate>Sun, 02 May 2021 03:04:05 +0530</pubDate>", text);
        Assert.Contains("<pubDate>Sat, 01 May 2021 09:50:48 GMT</pubDate>", text);
        Assert.Contains("<lastBuildDate>Mon, 03 May 2021 03:04:05 -0330</lastBuildDate>", text);
    }

    [Fact]
    public void Without_an_author_atom_names_the_site_and_json_feed_names_none()
    {
        var site = Site with { Author = null };
        var atom = ReadXml(FeedWriter.Atom(site, Self, FeedSamples.Entries), new Atom10FeedFormatter());
        Assert.Equal(Site.Title, Assert.Single(atom.Authors).Name);
        using var json = JsonDocument.Parse(FeedWriter.JsonFeed(site, Self, FeedSamples.Entries));
        Assert.False(json.RootElement.TryGetProperty("authors", out _));
    }

    [Theory, MemberData(nameof(Formats))]
    public void An_entry_without_categories_has_none_in_the_feed(string format)
    {
        FeedEntry[] entries = [FeedSamples.First with { Categories = [] }, FeedSamples.Second with { Categories = default }];
        var bytes = Write(format, Site, entries);
        AssertWellFormed(format, bytes);
        if (format == "json")
        {
            using var json = JsonDocument.Parse(bytes);
            Assert.All(json.RootElement.GetProperty("items").EnumerateArray(), item => Assert.False(item.TryGetProperty("tags", out _)));
            return;
        }
        var feed = ReadXml(bytes, format == "atom" ? new Atom10FeedFormatter() : new Rss20FeedFormatter());
        Assert.Equal(2, feed.Items.Count());
        Assert.All(feed.Items, item => Assert.Empty(item.Categories));
    }

    [Fact]
    public void Each_feed_has_its_own_atom_id_its_self_url()
    {
        var category = new Uri("https://example.org/hot/categories/cs.lg/atom.xml");
        var feed = ReadXml(FeedWriter.Atom(Site, category, FeedSamples.Entries), new Atom10FeedFormatter());
        Assert.Equal(category.AbsoluteUri, feed.Id);
        Assert.Equal(category, Link(feed.Links, "self"));
    }

    /// <summary>UTF-8 without a byte order mark, and XML that a reader refusing DTDs reads to the end.</summary>
    private static void AssertWellFormed(string format, byte[] bytes)
    {
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte order mark");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.EndsWith("\n", text);
        if (format == "json")
        {
            using var _ = JsonDocument.Parse(bytes);
            return;
        }
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n", text);
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true });
        while (reader.Read()) { }
    }

    private static (string Title, string Summary, string Content, string Category) ReadOnlyItem(string format, byte[] bytes)
    {
        if (format == "json")
        {
            using var json = JsonDocument.Parse(bytes);
            var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
            return (item.GetProperty("title").GetString()!, item.GetProperty("summary").GetString()!,
                item.GetProperty("content_html").GetString()!, Assert.Single(item.GetProperty("tags").EnumerateArray()).GetString()!);
        }
        var feed = ReadXml(bytes, format == "atom" ? new Atom10FeedFormatter() : new Rss20FeedFormatter());
        var entry = Assert.Single(feed.Items);
        return format == "atom"
            ? (entry.Title.Text, entry.Summary.Text, ((TextSyndicationContent)entry.Content).Text, Assert.Single(entry.Categories).Name)
            : (entry.Title.Text, System.Net.WebUtility.HtmlDecode(entry.Summary.Text), ContentEncoded(entry), Assert.Single(entry.Categories).Name);
    }
}
