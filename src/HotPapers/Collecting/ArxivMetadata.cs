using System.Collections.Immutable;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using HotPapers.Records;

namespace HotPapers.Collecting;

/// <summary>A paper as arXiv's export API describes it, in the records' terms.</summary>
internal sealed record ArxivPaper(ArxivId Id, string Title, ImmutableArray<string> Authors, string Abstract, ImmutableArray<string> Categories, string AbsUrl, string? PdfUrl);

/// <summary>
/// The metadata of the mentioned papers from arXiv's export API: <c>/api/query?id_list=...</c>, at most
/// <see cref="BatchSize"/> ids a request, the Atom answer read by namespace with System.Xml.Linq.
/// </summary>
internal static class ArxivMetadata
{
    public const string Name = "arxiv";

    /// <summary>arXiv's terms: no more than one request every three seconds.</summary>
    public static readonly TimeSpan Pacing = TimeSpan.FromSeconds(3);

    public const int BatchSize = 100;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";

    /// <summary>The papers arXiv knows among <paramref name="ids"/> (versionless), by id; ids it does not know are not in it.</summary>
    /// <exception cref="SourceException">An answer <see cref="Parse"/> refuses, or one that knows none of the ids of its request.</exception>
    public static async Task<IReadOnlyDictionary<string, ArxivPaper>> FetchAsync(IReadOnlyList<ArxivId> ids, Uri baseUrl, IFetcher fetcher, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ArxivPaper>(StringComparer.Ordinal);
        var asked = ids.Select(i => i.Versionless).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var batch in asked.Chunk(BatchSize))
        {
            // arXiv answers 200 with an empty feed when busy, as it does for ids it does not have: taken as an answer,
            // it dropped every paper of the day (found by a user's trial, a day's file was emptied and its post with it).
            // An answer that knows none of the ids asked is arXiv's failure, as a 500 is: the day is not written, and the
            // answer leaves the cache (the caller rejects it), so the next run asks again. Not for a day of one id: that
            // answer is also what a mistyped id in a link gets, and a day whose one paper is such would fail each night.
            // (Per day, not per batch: the last batch of a day of 101 papers asks for one.)
            if (await AskAsync(batch, baseUrl, fetcher, found, cancellationToken).ConfigureAwait(false) is { known: 0 } answer && asked.Count > 1)
                throw Fail(answer.response, $"expected an entry for at least one of the {batch.Length} id(s) asked, found {(answer.entries == 0 ? "an empty feed" : "none of them")} "
                    + "(arXiv answers so when it is busy; collect the day again later)");
        }
        // Busy, arXiv also answers part of a batch; the papers it left out were dropped from a day's first collection
        // (found by a user's trial). They are asked for once more, on their own: what that answer does not have either
        // is taken as unknown (a mistyped id), not as a failure. The request differs from the first (fewer ids), so the
        // cache keeps both answers, and a rerun or an offline replay gives the same papers.
        var missing = asked.Where(id => !found.ContainsKey(id)).ToList();
        if (found.Count > 0)
        {
            foreach (var batch in missing.Chunk(BatchSize)) await AskAsync(batch, baseUrl, fetcher, found, cancellationToken).ConfigureAwait(false);
        }
        return found;
    }

    /// <summary>Asks arXiv for <paramref name="batch"/>, adding the papers of the answer that were asked for to <paramref name="found"/>.</summary>
    /// <returns>The answer, how many entries it has, and how many of them were asked for.</returns>
    private static async Task<(FetchedResponse response, int entries, int known)> AskAsync(string[] batch, Uri baseUrl, IFetcher fetcher,
        Dictionary<string, ArxivPaper> found, CancellationToken cancellationToken)
    {
        var url = new Uri($"{baseUrl.AbsoluteUri.TrimEnd('/')}/api/query?id_list={string.Join(",", batch)}&max_results={batch.Length}");
        var response = await fetcher.GetAsync(url, null, cancellationToken).ConfigureAwait(false);
        var papers = Parse(response);
        var known = 0;
        foreach (var paper in papers)
        {
            // An answer may hold a paper not asked for (a search's extra hit): only those asked are taken.
            if (!batch.Contains(paper.Id.Value, StringComparer.Ordinal)) continue;
            found[paper.Id.Value] = paper;
            known++;
        }
        return (response, papers.Count, known);
    }

    /// <summary>The entries of an Atom answer.</summary>
    /// <exception cref="SourceException">Not an Atom feed, arXiv's error feed, or an entry without what every paper has.</exception>
    public static IReadOnlyList<ArxivPaper> Parse(FetchedResponse response)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(response.Body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw Fail(response, $"malformed Atom XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message.Split(" Line ")[0]}");
        }
        if (document.Root is not { } feed || feed.Name != Atom + "feed")
            throw Fail(response, $"expected an Atom feed (<feed xmlns=\"{Atom}\">), found <{document.Root?.Name.LocalName}>");
        var papers = new List<ArxivPaper>();
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            var id = entry.Element(Atom + "id")?.Value.Trim() ?? "";
            var title = WhiteSpace.Collapse(entry.Element(Atom + "title")?.Value);
            // arXiv's error entry is titled Error, its id under /api/errors: found by a drift test, a paper titled
            // "Error" (its id an abs link) failed the day as arXiv's error, its abstract given as what arXiv said.
            if (id.Contains("/api/errors", StringComparison.Ordinal) || (title == "Error" && ArxivId.FromLink(id) is null))
                throw Fail(response, $"arXiv answered an error: {WhiteSpace.Collapse(entry.Element(Atom + "summary")?.Value)}");
            var where = $"entry {JsonChecker.Quote(id)} (line {((IXmlLineInfo)entry).LineNumber})";
            if (ArxivId.FromLink(id) is not { } paper) throw Fail(response, $"{where}: expected an id that is an arxiv.org/abs/ link, found {JsonChecker.Quote(id)}");
            if (title.Length == 0) throw Fail(response, $"{where}: expected a title, found none");
            var authors = entry.Elements(Atom + "author").Select(a => WhiteSpace.Collapse(a.Element(Atom + "name")?.Value)).Where(a => a.Length > 0).ToImmutableArray();
            var categories = new List<string>();
            if (entry.Element(Arxiv + "primary_category")?.Attribute("term")?.Value.Trim() is { } primary && ArxivCategory.IsMatch(primary)) categories.Add(primary);
            foreach (var term in entry.Elements(Atom + "category").Select(c => c.Attribute("term")?.Value.Trim() ?? ""))
            {
                // The old backend also gave ACM and MSC codes (I.2.6, 68T05): no arXiv category, left out.
                if (ArxivCategory.IsMatch(term) && !categories.Contains(term)) categories.Add(term);
            }
            var hasPdf = entry.Elements(Atom + "link").Any(l => (string?)l.Attribute("title") == "pdf" || (string?)l.Attribute("type") == "application/pdf");
            // Links without version, as the records have always had them: a new version changes nothing in the file.
            papers.Add(new ArxivPaper(paper, title, authors, WhiteSpace.Collapse(entry.Element(Atom + "summary")?.Value), [.. categories],
                $"https://arxiv.org/abs/{paper.Value}", hasPdf ? $"https://arxiv.org/pdf/{paper.Value}" : null));
        }
        return papers;
    }

    private static SourceException Fail(FetchedResponse response, string what) => new(Name, response.Url, what);
}
