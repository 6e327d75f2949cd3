using System.Collections.Immutable;
using System.Globalization;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Collecting;

/// <summary>
/// Hugging Face Daily Papers: <c>GET /api/daily_papers?date=D&amp;limit=100</c> (no key), the papers added
/// that day, each a mention with <c>paper.upvotes</c> as likes and <c>numComments</c> as replies.
/// </summary>
internal sealed class HuggingFaceSource(SourceSettings settings) : IMentionSource
{
    public const int PageSize = 100;

    /// <summary>More pages than a day has ever had: a server that ignores the page number is not asked forever.</summary>
    private const int MaxPages = 10;

    public string Name => "huggingface";

    /// <summary>500 anonymous requests per 5 minutes (0.6 s each); one a second is well inside.</summary>
    public TimeSpan Pacing => TimeSpan.FromSeconds(1);

    public string? SkipReason => null;

    public async Task<ImmutableArray<FoundMention>> CollectAsync(CollectDay day, IFetcher fetcher, CancellationToken cancellationToken)
    {
        var found = new Mentions();
        for (var page = 0; page < MaxPages; page++)
        {
            var url = ApiUrl.Of(settings.BaseUrl, "api/daily_papers", ("date", Rfc3339.FormatDate(day.Date)),
                ("limit", PageSize.ToString(CultureInfo.InvariantCulture)), ("p", page > 0 ? page.ToString(CultureInfo.InvariantCulture) : null));
            var response = await fetcher.GetAsync(url, null, cancellationToken).ConfigureAwait(false);
            var (mentions, count) = JsonReply.Read(Name, response, root => (root.Items().Select(Read).ToList(), root.Count));
            var before = found.Count;
            foreach (var (paper, mention) in mentions) found.Add([paper], mention, response.FetchedAt);
            if (count < PageSize || found.Count == before) break;
        }
        return found.ToImmutable();
    }

    private static (ArxivId Paper, MentionRecord Mention) Read(JsonReply item)
    {
        var paper = item.Member("paper");
        var idValue = paper.Member("id");
        var id = idValue.String();
        if (!ArxivId.TryParse(id, out var arxiv)) throw idValue.Wrong("an arXiv id (2104.14421)", JsonReply.Found(id));
        var by = item.Member("submittedBy");
        var handle = by.Handle("name");
        var mention = new MentionRecord(
            Url: $"https://huggingface.co/papers/{arxiv.Value.Versionless}",
            AuthorName: by.OptionalName("fullname") ?? handle,
            Handle: handle,
            Text: WhiteSpace.Collapse(item.Text("title")),
            Created: TweetTime.FromInstant(item.Instant("publishedAt")),
            Lang: null,
            Reposts: null,
            Likes: paper.RequiredCount("upvotes"),
            EmbedHtml: null,
            RepostOf: null,
            Network: Network.HuggingFace,
            Replies: item.RequiredCount("numComments"));
        return (new ArxivId(arxiv.Value.Versionless), mention);
    }
}
