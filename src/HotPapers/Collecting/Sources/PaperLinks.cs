using System.Text.RegularExpressions;
using HotPapers.Records;

namespace HotPapers.Collecting;

/// <summary>
/// The papers one post links to, each once, in the order first linked: a post linking a paper as abs, pdf and
/// v2 is one mention of it, and a post linking two papers is a mention of each. Links to anything but an
/// arXiv paper are ignored (<see cref="ArxivId.FromLink"/> judges).
/// </summary>
internal sealed partial class PaperLinks
{
    private readonly List<ArxivId> papers = [];

    public IReadOnlyList<ArxivId> Papers => papers;

    public void Add(string? url)
    {
        if (url is not null && ArxivId.FromLink(url) is { } id && !papers.Contains(id)) papers.Add(id);
    }

    /// <summary>
    /// The full http(s) URLs written in a post's text. Networks shorten the links they show
    /// (<c>arxiv.org/abs/2104.1442...</c>): those have no scheme, or end in dots the path pattern refuses, so a
    /// shortened id is never read as another paper. One closing punctuation mark is left out (a link ending a
    /// sentence), but never a dot after a dot.
    /// </summary>
    public void AddFromText(string text)
    {
        foreach (Match m in UrlInText().Matches(text))
        {
            var url = m.Value;
            if (url[^1] is ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'' or '"' || (url[^1] == '.' && url[^2] != '.')) url = url[..^1];
            Add(url);
        }
    }

    [GeneratedRegex(@"https?://[^\s<>]+", RegexOptions.CultureInvariant)]
    private static partial Regex UrlInText();
}
