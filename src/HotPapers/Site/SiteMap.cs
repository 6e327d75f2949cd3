using System.Text;
using System.Xml;
using HotPapers.Records;

namespace HotPapers.Site;

/// <summary><c>sitemap.xml</c> (every page, absolute, the digests with the day their counts were collected) and <c>robots.txt</c>.</summary>
internal static class SiteMap
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static byte[] Xml(Uri baseUrl, IEnumerable<string> pages, IEnumerable<DigestSummary> digests)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            foreach (var page in pages) Url(xml, baseUrl, page, null);
            foreach (var digest in digests) Url(xml, baseUrl, digest.Path, Rfc3339.FormatDate(DateOnly.FromDateTime(digest.CollectedAt.UtcDateTime)));
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void Url(XmlWriter xml, Uri baseUrl, string folder, string? lastModified)
    {
        xml.WriteStartElement("url", Namespace);
        xml.WriteElementString("loc", Namespace, new Uri(baseUrl, folder).AbsoluteUri);
        if (lastModified is not null) xml.WriteElementString("lastmod", Namespace, lastModified);
        xml.WriteEndElement();
    }

    /// <summary>Every page may be crawled; the sitemap is named when the site knows its address.</summary>
    public static string Robots(Uri? baseUrl) =>
        "User-agent: *\nAllow: /\n" + (baseUrl is null ? "" : $"Sitemap: {new Uri(baseUrl, SitePaths.Sitemap).AbsoluteUri}\n");
}
