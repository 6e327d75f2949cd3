using System.Collections.Immutable;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using HotPapers.Site;

namespace HotPapers.Tests.Site;

/// <summary>
/// The site's feeds: golden bytes for a few entries, each feed read back by a parser (the Syndication
/// formatters for Atom and RSS, System.Text.Json for JSON Feed) and compared field by field with the
/// entries, well-formed XML whatever the text, the same bytes for the same entries.
/// </summary>
public sealed class FeedWriterTests
{
    private static readonly FeedSite Site = FeedSamples.Site;
    private static readonly Uri Self = FeedSamples.Self;

    [Fact]
    public void The_sample_entries_give_the_golden_atom_feed() =>
        Golden.AssertBytes(FeedWriter.Atom(Site, Self, FeedSamples.Entries), "site", "feeds", "atom.xml");

    [Fact]
    public void The_sample_entries_give_the_golden_rss_feed() =>
        Golden.AssertBytes(FeedWriter.Rss(Site, Self, FeedSamples.Entries), "site", "feeds", "rss.xml");

    [Fact]
    public void The_sample_entries_give_the_golden_json_feed() =>
        Golden.AssertBytes(FeedWriter.JsonFeed(Site, Self, FeedSamples.Entries), "site", "feeds", "feed.json");

    [Fact]
    public void The_atom_feed_reads_back_as_the_entries()
    {
        var feed = ReadXml(FeedWriter.Atom(Site, Self, FeedSamples.Entries), new Atom10FeedFormatter());

        Assert.Equal(Site.Title, feed.Title.Text);
        Assert.Equal(Site.Description, feed.Description.Text);
        Assert.Equal(Self.AbsoluteUri, feed.Id);
        Assert.Equal(Self, Link(feed.Links, "self"));
        Assert.Equal("application/atom+xml", feed.Links.Single(l => l.RelationshipType == "self").MediaType);
        Assert.Equal(Site.Home, Link(feed.Links, "alternate"));
        Assert.Equal(FeedSamples.First.Updated, feed.LastUpdatedTime);
        Assert.Equal(Site.Author, Assert.Single(feed.Authors).Name);
        var items = feed.Items.ToList();
        Assert.Equal(FeedSamples.Entries.Length, items.Count);
        foreach (var (entry, item) in FeedSamples.Entries.Zip(items))
        {
            AssertItem(entry, item);
            Assert.Equal(entry.Summary, item.Summary.Text);
            Assert.Equal("text", item.Summary.Type);
            var content = Assert.IsType<TextSyndicationContent>(item.Content);
            Assert.Equal("html", content.Type);
            Assert.Equal(entry.HtmlContent, content.Text);
        }
    }

    [Fact]
    public void The_rss_feed_reads_back_as_the_entries()
    {
        var bytes = FeedWriter.Rss(Site, Self, FeedSamples.Entries);
        var feed = ReadXml(bytes, new Rss20FeedFormatter());

        Assert.Equal(Site.Title, feed.Title.Text);
        Assert.Equal(Site.Description, feed.Description.Text);
        Assert.Equal(Self, Link(feed.Links, "self"));
        Assert.Equal("application/rss+xml", feed.Links.Single(l => l.RelationshipType == "self").MediaType);
        // Found by a user's trial: npm's feedparser knows the self link by its prefix, atom:, not the formatter's a10:.
        // As written (an XElement's prefix is the nearest declaration's, whatever the element was written with).
        Assert.Contains($"<atom:link rel=\"self\"", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(Site.Home, Link(feed.Links, "alternate"));
        Assert.Equal(FeedSamples.First.Updated, feed.LastUpdatedTime);
        var items = feed.Items.ToList();
        Assert.Equal(FeedSamples.Entries.Length, items.Count);
        foreach (var (entry, item) in FeedSamples.Entries.Zip(items))
        {
            AssertItem(entry, item);
            // description is HTML to a reader: the plain summary, HTML-encoded.
            Assert.Equal(entry.Summary, WebUtility.HtmlDecode(item.Summary.Text));
            Assert.Equal(entry.HtmlContent, ContentEncoded(item));
        }
        // A guid is a permalink exactly when it is the item's link.
        var guids = XDocument.Load(new MemoryStream(bytes)).Descendants("guid").Select(g => (string?)g.Attribute("isPermaLink")).ToList();
        Assert.Equal(FeedSamples.Entries.Select(e => e.Id == e.Url.AbsoluteUri ? "true" : "false"), guids);
    }

    [Fact]
    public void The_json_feed_reads_back_as_the_entries()
    {
        using var json = JsonDocument.Parse(FeedWriter.JsonFeed(Site, Self, FeedSamples.Entries));
        var root = json.RootElement;

        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal(Site.Title, root.GetProperty("title").GetString());
        Assert.Equal(Site.Description, root.GetProperty("description").GetString());
        Assert.Equal(Site.Home.AbsoluteUri, root.GetProperty("home_page_url").GetString());
        Assert.Equal(Self.AbsoluteUri, root.GetProperty("feed_url").GetString());
        Assert.Equal(Site.Author, Assert.Single(root.GetProperty("authors").EnumerateArray()).GetProperty("name").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(FeedSamples.Entries.Length, items.Count);
        foreach (var (entry, item) in FeedSamples.Entries.Zip(items))
        {
            Assert.Equal(entry.Id, item.GetProperty("id").GetString());
            Assert.Equal(entry.Url.AbsoluteUri, item.GetProperty("url").GetString());
            Assert.Equal(entry.Title, item.GetProperty("title").GetString());
            Assert.Equal(entry.Summary, item.GetProperty("summary").GetString());
            Assert.Equal(entry.HtmlContent, item.GetProperty("content_html").GetString());
            AssertRfc3339(ToSecond(entry.Published), item.GetProperty("date_published").GetString());
            AssertRfc3339(ToSecond(entry.Updated), item.GetProperty("date_modified").GetString());
            Assert.Equal(entry.Categories, item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        }
    }

    private static void AssertItem(FeedEntry entry, SyndicationItem item)
    {
        Assert.Equal(entry.Id, item.Id);
        Assert.Equal(entry.Title, item.Title.Text);
        Assert.Equal(entry.Url, Link(item.Links, "alternate"));
        // To the second, with the entry's own offset: what RFC 822 can say, so every feed says the same.
        Assert.Equal(ToSecond(entry.Published), item.PublishDate);
        Assert.Equal(entry.Published.Offset, item.PublishDate.Offset);
        Assert.Equal(ToSecond(entry.Updated), item.LastUpdatedTime);
        Assert.Equal(entry.Categories, item.Categories.Select(c => c.Name));
    }

    private static void AssertRfc3339(DateTimeOffset expected, string? text)
    {
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$", text);
        var parsed = DateTimeOffset.Parse(text!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, parsed);
        Assert.Equal(expected.Offset, parsed.Offset);
    }

    internal static DateTimeOffset ToSecond(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));

    internal static Uri? Link(IEnumerable<SyndicationLink> links, string rel) =>
        links.FirstOrDefault(l => (l.RelationshipType ?? "alternate") == rel)?.Uri;

    internal static string ContentEncoded(SyndicationItem item)
    {
        using var reader = item.ElementExtensions.Single(e => e.OuterName == "encoded" && e.OuterNamespace == "http://purl.org/rss/1.0/modules/content/").GetReader();
        return reader.ReadElementContentAsString();
    }

    /// <summary>Reads a feed as a reader would, DTDs refused (reading with the formatters is not trim-safe: tests only).</summary>
    internal static SyndicationFeed ReadXml(byte[] bytes, SyndicationFeedFormatter formatter)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }
}
