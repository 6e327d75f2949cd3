using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using HotPapers.Records;

namespace HotPapers.Site;

/// <summary>The site's entries as a <see cref="SyndicationFeed"/>, for the Atom or the RSS formatter.</summary>
internal static class SyndicationFeeds
{
    private static readonly XNamespace ContentModule = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>
    /// For Atom: the summary as plain text, the full content as HTML (type="html"), an author on the
    /// feed (RFC 4287 requires one: the site's, or its title when the settings name none).
    /// </summary>
    public static SyndicationFeed Atom(FeedSite site, Uri self, IReadOnlyList<FeedEntry> entries)
    {
        var feed = Channel(site, new SyndicationLink(self, "self", null, "application/atom+xml", 0), entries, entry =>
        {
            var item = Item(entry);
            item.Summary = new TextSyndicationContent(FeedText.Clean(entry.Summary), TextSyndicationContentKind.Plaintext);
            item.Content = new TextSyndicationContent(FeedText.Clean(entry.HtmlContent), TextSyndicationContentKind.Html);
            return item;
        });
        feed.Authors.Add(new SyndicationPerson { Name = FeedText.Clean(site.Author ?? site.Title) });
        return feed;
    }

    /// <summary>
    /// For RSS: readers take <c>description</c> as HTML, so the plain summary goes there HTML-encoded,
    /// and the full content in <c>content:encoded</c>, where readers look for it first. The dates
    /// (<c>pubDate</c>, <c>lastBuildDate</c>) are written here rather than by the formatter, which
    /// writes UTC as "Z" (see <see cref="FeedText.Rfc822"/>).
    /// </summary>
    public static SyndicationFeed Rss(FeedSite site, Uri self, IReadOnlyList<FeedEntry> entries)
    {
        var feed = Channel(site, new SyndicationLink(self, "self", null, "application/rss+xml", 0), entries, entry =>
        {
            var item = Item(entry);
            item.PublishDate = DateTimeOffset.MinValue;
            item.ElementExtensions.Add(Element(XNamespace.None + "pubDate", FeedText.Rfc822(entry.Published)));
            item.Summary = new TextSyndicationContent(WebUtility.HtmlEncode(FeedText.Clean(entry.Summary)));
            item.ElementExtensions.Add(Element(ContentModule + "encoded", FeedText.Clean(entry.HtmlContent)));
            return item;
        });
        feed.ElementExtensions.Add(Element(XNamespace.None + "lastBuildDate", FeedText.Rfc822(feed.LastUpdatedTime)));
        feed.LastUpdatedTime = DateTimeOffset.MinValue;
        // Declared once (the formatter puts it on <channel>), so every item says content:encoded, the name readers know.
        feed.AttributeExtensions.Add(new XmlQualifiedName("content", XNamespace.Xmlns.NamespaceName), ContentModule.NamespaceName);
        // And Atom's with its usual prefix, so the self link is <atom:link>: the formatter's own prefix, a10, is
        // declared on the element by the writer, and readers that match the prefix rather than the namespace
        // (npm's feedparser) missed the self link (found by a user's trial).
        feed.AttributeExtensions.Add(new XmlQualifiedName("atom", XNamespace.Xmlns.NamespaceName), AtomNamespace.NamespaceName);
        return feed;
    }

    /// <summary>
    /// An element the formatter writes as it is: through a reader over it, not an object the formatter
    /// would have to serialize (the DataContractSerializer, which is not trim-safe). The prefix comes
    /// from the declaration on the element; the XML writer drops it where the root already declares it.
    /// </summary>
    private static XmlReader Element(XName name, string text)
    {
        var element = new XElement(name, text);
        if (name.Namespace == ContentModule) element.Add(new XAttribute(XNamespace.Xmlns + "content", ContentModule.NamespaceName));
        return element.CreateReader();
    }

    /// <summary>The feed around the items; its id is its own URL (each feed, the site's and each category's, has its own).</summary>
    private static SyndicationFeed Channel(FeedSite site, SyndicationLink self, IReadOnlyList<FeedEntry> entries, Func<FeedEntry, SyndicationItem> item)
    {
        var feed = new SyndicationFeed(
            FeedText.Clean(site.Title), FeedText.Clean(site.Description), site.Home, self.Uri.AbsoluteUri, FeedText.Newest(entries))
        {
            Items = entries.Select(item).ToList(),
            Language = site.Language,
        };
        feed.Links.Add(self);
        return feed;
    }

    private static SyndicationItem Item(FeedEntry entry)
    {
        var item = new SyndicationItem
        {
            Id = FeedText.Clean(entry.Id),
            Title = new TextSyndicationContent(FeedText.Clean(entry.Title), TextSyndicationContentKind.Plaintext),
            PublishDate = Rfc3339.ToSecond(entry.Published),
            LastUpdatedTime = Rfc3339.ToSecond(entry.Updated),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(entry.Url));
        foreach (var category in entry.Categories.IsDefault ? [] : entry.Categories) item.Categories.Add(new SyndicationCategory(FeedText.Clean(category)));
        return item;
    }
}
