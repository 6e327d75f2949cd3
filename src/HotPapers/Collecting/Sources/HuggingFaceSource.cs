using System.Collections.Immutable;
using System.Globalization;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Collecting;

/// <summary>
/// Hugging Face Daily Papers: <c>GET /api/daily_papers?date=D&amp;limit=100</c> (no key), the papers added
/// that day, each a mention with <c>paper.upvotes</c> as likes and <c>numComments</c> as replies.
/// </summary>
#pragma warning disable CS9113 // environment: every source is made alike (MentionSources); this one needs no key.
internal sealed class HuggingFaceSource(SourceSettings settings, Func<string, string?> environment) : IMentionSource
#pragma warning restore CS9113
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
        var found = ImmutableArray.CreateBuilder<FoundMention>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var url = new Uri(string.Create(CultureInfo.InvariantCulture,
                $"{settings.BaseUrl.AbsoluteUri.TrimEnd('/')}/api/daily_papers?date={Rfc3339.FormatDate(day.Date)}&limit={PageSize}{(page > 0 ? $"&p={page}" : "")}"));
            var response = await fetcher.GetAsync(url, null, cancellationToken).ConfigureAwait(false);
            using var json = JsonBody.Parse(Name, response);
            var items = json.Array(json.Root, "$");
            var added = 0;
            var i = 0;
            foreach (var item in items.EnumerateArray())
            {
                var path = $"$[{i++}]";
                var mention = Read(json, item, path, response.FetchedAt);
                if (seen.Add(mention.Mention.Url))
                {
                    found.Add(mention);
                    added++;
                }
            }
            if (items.GetArrayLength() < PageSize || added == 0) break;
        }
        return found.ToImmutable();
    }

    private FoundMention Read(JsonBody json, System.Text.Json.JsonElement item, string path, DateTimeOffset readAt)
    {
        if (item.ValueKind != System.Text.Json.JsonValueKind.Object) throw json.Fail(path, "an object", item);
        var paper = json.Object(item, path, "paper");
        var id = json.String(paper, path + ".paper", "id");
        if (!ArxivId.TryParse(id, out var arxiv)) throw json.Fail(path + ".paper.id", "an arXiv id (2104.14421)", paper.GetProperty("id"));
        var by = json.Object(item, path, "submittedBy");
        var mention = new MentionRecord(
            Url: $"https://huggingface.co/papers/{arxiv.Value.Versionless}",
            AuthorName: json.OptionalString(by, path + ".submittedBy", "fullname") is { Length: > 0 } full ? full : json.String(by, path + ".submittedBy", "name"),
            Handle: json.String(by, path + ".submittedBy", "name"),
            Text: ArxivMetadata.Collapse(json.String(item, path, "title")),
            Created: TweetTime.FromInstant(json.Time(item, path, "publishedAt")),
            Lang: null,
            Reposts: null,
            Likes: json.Count(paper, path + ".paper", "upvotes"),
            EmbedHtml: null,
            RepostOf: null,
            Network: Network.HuggingFace,
            Replies: json.Count(item, path, "numComments"));
        return new FoundMention(new ArxivId(arxiv.Value.Versionless), mention, readAt);
    }
}
