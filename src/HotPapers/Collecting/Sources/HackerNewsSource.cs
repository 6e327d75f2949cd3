using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Collecting;

/// <summary>
/// Hacker News through its Algolia search: <c>/api/v1/search_by_date</c>, stories whose URL matches
/// arxiv.org created within the day, paged while a page is full. The search matches words, so each hit's
/// URL is checked again here (<see cref="ArxivId.FromLink"/>): only abs, pdf and html links to a paper count.
/// </summary>
#pragma warning disable CS9113 // environment: every source is made alike (MentionSources); this one needs no key.
internal sealed class HackerNewsSource(SourceSettings settings, Func<string, string?> environment) : IMentionSource
#pragma warning restore CS9113
{
    public const int PageSize = 100;

    /// <summary>Algolia's reachable hits per query (1000) in pages of <see cref="PageSize"/>.</summary>
    private const int MaxPages = 10;

    public string Name => "hackernews";

    /// <summary>10,000 requests an hour (0.36 s each); one a second is well inside.</summary>
    public TimeSpan Pacing => TimeSpan.FromSeconds(1);

    public string? SkipReason => null;


    public async Task<ImmutableArray<FoundMention>> CollectAsync(CollectDay day, IFetcher fetcher, CancellationToken cancellationToken)
    {
        var (from, until) = (day.Start.ToUnixTimeSeconds(), day.End.ToUnixTimeSeconds());
        var found = ImmutableArray.CreateBuilder<FoundMention>();
        for (var page = 0; page < MaxPages; page++)
        {
            var url = new Uri(string.Create(CultureInfo.InvariantCulture,
                $"{settings.BaseUrl.AbsoluteUri.TrimEnd('/')}/api/v1/search_by_date?query=arxiv.org&restrictSearchableAttributes=url&tags=story"
                + $"&numericFilters=created_at_i%3E%3D{from}%2Ccreated_at_i%3C{until}&hitsPerPage={PageSize}&page={page}"));
            var response = await fetcher.GetAsync(url, null, cancellationToken).ConfigureAwait(false);
            using var json = JsonBody.Parse(Name, response);
            if (json.Root.ValueKind != JsonValueKind.Object) throw json.Fail("$", "an object", json.Root);
            var hits = json.Root.TryGetProperty("hits", out var h) ? json.Array(h, "$.hits") : throw json.Fail("$.hits", "an array", null);
            var i = 0;
            foreach (var hit in hits.EnumerateArray())
            {
                var path = $"$.hits[{i++}]";
                if (hit.ValueKind != JsonValueKind.Object) throw json.Fail(path, "an object", hit);
                // Ask HN posts have no url; other hosts match the words only.
                if (json.OptionalString(hit, path, "url") is not { } link || ArxivId.FromLink(link) is not { } paper) continue;
                var created = json.Count(hit, path, "created_at_i");
                if (created < from || created >= until) continue;
                var author = json.String(hit, path, "author");
                found.Add(new FoundMention(paper, new MentionRecord(
                    Url: $"https://news.ycombinator.com/item?id={Uri.EscapeDataString(json.String(hit, path, "objectID"))}",
                    AuthorName: author,
                    Handle: author,
                    Text: json.String(hit, path, "title"),
                    Created: TweetTime.FromInstant(DateTimeOffset.FromUnixTimeSeconds(created)),
                    Lang: null,
                    Reposts: null,
                    Likes: json.Count(hit, path, "points"),
                    EmbedHtml: null,
                    RepostOf: null,
                    Network: Network.HackerNews,
                    Replies: hit.TryGetProperty("num_comments", out var c) && c.ValueKind == JsonValueKind.Null ? null : json.Count(hit, path, "num_comments")), response.FetchedAt));
            }
            var pages = json.Root.TryGetProperty("nbPages", out var n) && n.TryGetInt32(out var count) ? count : 0;
            if (hits.GetArrayLength() < PageSize || page >= pages - 1) break;
        }
        return found.ToImmutable();
    }
}
