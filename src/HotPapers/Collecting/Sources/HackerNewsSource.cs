using System.Collections.Immutable;
using System.Globalization;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Collecting;

/// <summary>
/// Hacker News through its Algolia search: <c>/api/v1/search_by_date</c>, stories whose URL matches
/// arxiv.org created within the day, paged while a page is full. The search matches words, so each hit's
/// URL is checked again here (<see cref="ArxivId.FromLink"/>): only abs, pdf and html links to a paper count.
/// </summary>
internal sealed class HackerNewsSource(SourceSettings settings) : IMentionSource
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
        var found = new Mentions();
        for (var page = 0; page < MaxPages; page++)
        {
            var url = ApiUrl.Of(settings.BaseUrl, "api/v1/search_by_date", ("query", "arxiv.org"), ("restrictSearchableAttributes", "url"), ("tags", "story"),
                ("numericFilters", string.Create(CultureInfo.InvariantCulture, $"created_at_i>={from},created_at_i<{until}")),
                ("hitsPerPage", PageSize.ToString(CultureInfo.InvariantCulture)), ("page", page.ToString(CultureInfo.InvariantCulture)));
            var response = await fetcher.GetAsync(url, null, cancellationToken).ConfigureAwait(false);
            var (hits, count, pages) = JsonReply.Read(Name, response, root =>
            {
                var hits = root.Member("hits");
                var read = hits.Items().Select(hit => Read(hit, from, until)).OfType<(ArxivId, MentionRecord)>().ToList();
                return (read, hits.Count, root.OptionalCount("nbPages") ?? 0);
            });
            foreach (var (paper, mention) in hits) found.Add([paper], mention, response.FetchedAt);
            if (count < PageSize || page >= pages - 1) break;
        }
        return found.ToImmutable();
    }

    /// <summary>The hit's paper and mention, or null for a hit that is not a story of the day linking to a paper.</summary>
    private static (ArxivId, MentionRecord)? Read(JsonReply hit, long from, long until)
    {
        // Ask HN posts have no url; other hosts match the words only.
        if (hit.OptionalString("url") is not { } link || ArxivId.FromLink(link) is not { } paper) return null;
        var created = hit.RequiredCount("created_at_i");
        if (created < from || created >= until) return null;
        var author = hit.Handle("author");
        // The item's page is named by its id, a number: found by a drift test, an empty objectID was written as the
        // page "item?id=", no story's, and two such hits were one mention.
        var id = hit.DigitsId("objectID", "an item id of digits");
        return (paper, new MentionRecord(
            Url: $"https://news.ycombinator.com/item?id={id}",
            AuthorName: author,
            Handle: author,
            Text: hit.Text("title"),
            Created: TweetTime.FromInstant(DateTimeOffset.FromUnixTimeSeconds(created)),
            Lang: null,
            Reposts: null,
            Likes: hit.RequiredCount("points"),
            EmbedHtml: null,
            RepostOf: null,
            Network: Network.HackerNews,
            Replies: hit.OptionalCount("num_comments")));
    }
}
