using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HotPapers.Output;

namespace HotPapers.Site;

/// <summary>
/// Where each page of the HTML site is: its folder below the site's root, always ending in <c>/</c>, with
/// the page in its <c>index.html</c>. Every path is made here from dates, numbers and category slugs, so
/// that no text of the records can name a file outside the site.
/// </summary>
internal static class SitePaths
{
    public const string Home = "";
    public const string Archive = "archive/";
    public const string Categories = "category/";
    public const string About = "about/";
    public const string Index = "index.html";
    public const string NotFound = "404.html";
    public const string Stylesheet = "style.css";
    public const string Sitemap = "sitemap.xml";
    public const string Robots = "robots.txt";
    public const string AtomFeed = "feed.atom";
    public const string RssFeed = "feed.rss";
    public const string JsonFeed = "feed.json";

    /// <summary>A day's digest: <c>2021/04/30/</c>; a range's: <c>2021/05/01-2021-05-07/</c>, beside its first day's.</summary>
    public static string Digest(DateOnly date, DateOnly end) => date == end
        ? date.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture)
        : date.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture) + end.ToString("'-'yyyy'-'MM'-'dd'/'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The days of the digest whose page is the file <paramref name="path"/> (<c>2021/04/30/index.html</c>, a range's
    /// <c>2021/05/01-2021-05-07/index.html</c>), as <see cref="Digest"/> names it; null for any other file of the site.
    /// </summary>
    public static (DateOnly Date, DateOnly EndDate)? DigestOf(string path)
    {
        if (!path.EndsWith("/" + Index, StringComparison.Ordinal)) return null;
        // 2021/04/30 is the key 2021-04-30, as a records file names it: read back by the records files' own rule.
        var key = path[..^(Index.Length + 1)].Replace('/', '-');
        if (!PostNaming.TryParseRecordsFileName(key + ".json", out var date, out var end)) return null;
        return Digest(date, end) + Index == path ? (date, end) : null;
    }

    /// <summary>A month's archive page: <c>2021/04/</c>.</summary>
    public static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}/{month:D2}/");

    /// <summary>Page <paramref name="page"/> (from 1) of a listing whose first page is <paramref name="first"/>: <c>page/2/</c> below it.</summary>
    public static string Page(string first, int page) => page <= 1 ? first : string.Create(CultureInfo.InvariantCulture, $"{first}page/{page}/");

    /// <summary>A category's page: <c>category/cs.LG/</c>.</summary>
    public static string Category(string category) => Categories + CategorySlug(category) + "/";

    /// <summary>
    /// A category as a folder name: arXiv's own names as arXiv writes them (<c>cs.LG</c>, <c>hep-th</c>, <c>math.AG</c>) as they are;
    /// any other name has each character outside letters, digits, <c>.</c>, <c>-</c> and <c>_</c> made <c>-</c>
    /// and a hash of the name added, so that two names never share a folder and none is <c>..</c> or hidden.
    /// </summary>
    public static string CategorySlug(string category)
    {
        if (IsArxivName(category)) return category;
        var sb = new StringBuilder();
        foreach (var ch in category.Take(40)) sb.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '-');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(category)))[..12];
        return (sb.Length > 0 ? sb + "-" : "") + hash;
    }

    /// <summary>
    /// An arXiv category as arXiv writes it: a lower-case archive (<c>cs</c>, <c>hep-th</c>, <c>astro-ph</c>), and
    /// after a dot a subject class in capitals (<c>cs.LG</c>, <c>astro-ph.CO</c>), or in lower case for physics and
    /// cond-mat (<c>physics.optics</c>, <c>cond-mat.mes-hall</c>). Two such names never differ in case alone, so
    /// none shares a folder with another where the file system ignores case (macOS, Windows): <c>cs.lg</c> beside
    /// <c>cs.LG</c> is another name, with a folder of its own. Nor is any a name Windows keeps for a device.
    /// </summary>
    private static bool IsArxivName(string category)
    {
        if (category.Length is 0 or > 64) return false;
        var dot = category.IndexOf('.');
        var archive = dot < 0 ? category : category[..dot];
        // Windows gives con, prn, aux and nul to devices, with any extension (aux.LG too): no arXiv archive's name.
        if (!IsArxivPart(archive, upper: false) || archive is "con" or "prn" or "aux" or "nul") return false;
        if (dot < 0) return true;
        return IsArxivPart(category[(dot + 1)..], upper: archive is not ("physics" or "cond-mat"));
    }

    // Letters of the one case and '-', beginning with a letter.
    private static bool IsArxivPart(string part, bool upper) =>
        part.Length > 0 && char.IsAsciiLetter(part[0])
        && part.All(ch => ch == '-' || (upper ? char.IsAsciiLetterUpper(ch) : char.IsAsciiLetterLower(ch)));

    /// <summary>The way from a page's folder back to the root: <c>../../../</c> for <c>2021/04/30/</c>, empty for the root.</summary>
    public static string Root(string folder)
    {
        var depth = folder.Count(ch => ch == '/');
        return depth == 0 ? "" : string.Concat(Enumerable.Repeat("../", depth));
    }

    /// <summary>A link from any page to the page in <paramref name="folder"/>, relative to the root: the folder's index.html, so that the site works from a file folder too.</summary>
    public static string Link(string folder) => folder + Index;

    /// <summary>The absolute, canonical URL of a page folder (<c>https://example.org/papers/2021/04/30/</c>), or null without a base URL.</summary>
    public static Uri? Absolute(Uri? baseUrl, string path) => baseUrl is null ? null : new Uri(baseUrl, path);
}
