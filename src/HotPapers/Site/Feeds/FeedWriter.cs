using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;

namespace HotPapers.Site;

/// <summary>
/// The site's feeds as bytes: Atom 1.0, RSS 2.0 and JSON Feed 1.1 over the same entries, newest first as
/// given. The same entries always give the same bytes: nothing in a feed comes from the clock (a feed's
/// updated time is its newest entry's), and the XML and JSON writers are set to one layout.
/// </summary>
internal static class FeedWriter
{
    public static byte[] Atom(FeedSite site, Uri self, IReadOnlyList<FeedEntry> entries) =>
        WriteXml(new Atom10FeedFormatter(SyndicationFeeds.Atom(site, self, entries)));

    public static byte[] Rss(FeedSite site, Uri self, IReadOnlyList<FeedEntry> entries) =>
        WriteXml(new Rss20FeedFormatter(SyndicationFeeds.Rss(site, self, entries)));

    public static byte[] JsonFeed(FeedSite site, Uri self, IReadOnlyList<FeedEntry> entries)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: the feed is a file of its own, never inlined in HTML, so '<', '>', '&' and
        // quotes need no \u escapes (the HTML content stays readable); the JSON is just as valid.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonSerializer.Serialize(writer, JsonFeedDocument.From(site, self, entries), JsonFeedContext.Default.JsonFeedDocument);
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static byte[] WriteXml(SyndicationFeedFormatter formatter)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            NamespaceHandling = NamespaceHandling.OmitDuplicates,
        };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            formatter.WriteTo(writer);
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
