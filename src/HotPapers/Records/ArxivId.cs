using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace HotPapers.Records;

/// <summary>
/// An arXiv identifier: new style <c>2104.14421</c> (4 or 5 digits after the dot since 2015) or old
/// style <c>hep-th/9901001</c>, each with an optional version such as <c>v2</c>.
/// </summary>
internal readonly partial record struct ArxivId(string Value)
{
    public static bool TryParse(string text, [NotNullWhen(true)] out ArxivId? id)
    {
        id = IdPattern().IsMatch(text) ? new ArxivId(text) : null;
        return id is not null;
    }

    /// <summary>
    /// The paper a link points to, without version: <c>arxiv.org</c> (also <c>www.</c> and <c>export.</c>)
    /// <c>/abs/</c>, <c>/pdf/</c> (with or without <c>.pdf</c>) and <c>/html/</c> links, over http or https,
    /// any version, new- or old-style id, with any query or fragment. Null for any other link.
    /// </summary>
    public static ArxivId? FromLink(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return null;
        if (uri.Host is not ("arxiv.org" or "www.arxiv.org" or "export.arxiv.org")) return null;
        var m = LinkPath().Match(uri.AbsolutePath);
        if (!m.Success) return null;
        var text = m.Groups[1].Value;
        return TryParse(text, out var id) ? new ArxivId(id.Value.Versionless) : null;
    }

    /// <summary>The id without its version: the paper, whichever version a records file names.</summary>
    public string Versionless => RecordsReader.VersionlessId(Value);

    public override string ToString() => Value;

    // New style YYMM.NNNN(N), month 01-12; old style archive(.SUBJ)/YYMMNNN. [0-9], not \d (which takes
    // any script's digits), and \z, not $ (which also matches before a final line feed).
    [GeneratedRegex(@"^(?:[0-9]{2}(?:0[1-9]|1[0-2])\.[0-9]{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/[0-9]{2}(?:0[1-9]|1[0-2])[0-9]{3})(?:v[1-9][0-9]*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    // /abs/ID, /pdf/ID(.pdf), /html/ID (html may add one path segment after the id); the id may hold one slash (old style).
    [GeneratedRegex(@"^/(?:abs|pdf|html)/([a-z-]+(?:\.[A-Z]{2})?/[0-9]+(?:v[0-9]+)?|[0-9]{4}\.[0-9]{4,5}(?:v[0-9]+)?)(?:\.pdf)?(?:/[^/]*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPath();
}
