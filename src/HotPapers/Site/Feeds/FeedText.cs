using System.Globalization;
using System.Text;
using System.Xml;

namespace HotPapers.Site;

/// <summary>The feeds' rules for text and time, one place for all three formats.</summary>
internal static class FeedText
{
    /// <summary>
    /// The text as every feed carries it. Characters XML 1.0 cannot hold (C0 controls other than tab,
    /// line feed and carriage return; U+FFFE, U+FFFF; unpaired surrogates) would make the XML feeds
    /// ill-formed and show nothing a reader could see, so they are dropped; line ends become line feeds
    /// (what an XML parser makes of them anyway). The JSON Feed gets the same text, so a reader sees the
    /// same whichever feed it follows.
    /// </summary>
    public static string Clean(string text)
    {
        if (IsClean(text)) return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                clean.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r') return false;
            if (XmlConvert.IsXmlChar(c)) continue;
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c)) { i++; continue; }
            return false;
        }
        return true;
    }

    /// <summary>
    /// RFC 822 as RSS 2.0 asks (four-digit year): <c>Sat, 01 May 2021 09:50:48 GMT</c>, or with the
    /// offset (<c>+0900</c>). Not the formatter's own: it writes UTC as the military zone "Z", which
    /// RFC 2822 readers take for an unknown zone.
    /// </summary>
    public static string Rfc822(DateTimeOffset time)
    {
        var date = Records.Rfc3339.ToSecond(time).ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        if (time.Offset == TimeSpan.Zero) return date + " GMT";
        var offset = time.Offset.Duration();
        return $"{date} {(time.Offset < TimeSpan.Zero ? '-' : '+')}{offset.Hours:00}{offset.Minutes:00}";
    }

    /// <summary>RFC 3339 (the form Atom writes too): <c>2021-04-30T06:00:00Z</c> or with its offset.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        Records.Rfc3339.ToSecond(time).ToString(time.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The newest entry's updated time: a feed's own updated time, never the build's.</summary>
    public static DateTimeOffset Newest(IReadOnlyList<FeedEntry> entries) =>
        entries.Count == 0 ? DateTimeOffset.UnixEpoch : Records.Rfc3339.ToSecond(entries.Max(e => e.Updated));
}
