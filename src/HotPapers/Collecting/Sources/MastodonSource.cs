using System.Collections.Immutable;
using System.Globalization;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Collecting;

/// <summary>
/// Mastodon: one instance's public statuses linking to arXiv papers, read without a login where the instance
/// allows it: the statuses sharing each trending arxiv.org link (<c>/api/v1/trends/links</c>, then
/// <c>/api/v1/timelines/link?url=</c>, Mastodon 4.3 and later) and the <c>#arxiv</c> tag's timeline, each
/// paged back (newest first) to the day's start; only statuses posted within the day are kept. No embed is
/// kept: Mastodon's own embed is an iframe and a script, which the embed judge does not take.
/// </summary>
/// <remarks>
/// Statuses behind a content warning and accounts that asked not to be indexed (<c>noindex</c>) are left out:
/// a digest is a public page that would show them without either.
/// </remarks>
// The environment is every network source's second parameter; Mastodon's public reads need nothing from it.
#pragma warning disable CS9113
internal sealed class MastodonSource(SourceSettings settings, Func<string, string?> environment) : IMentionSource
#pragma warning restore CS9113
{
    /// <summary>The largest page of a timeline.</summary>
    public const int PageSize = 40;

    /// <summary>The most trending links an instance lists at once.</summary>
    public const int TrendsLimit = 20;

    /// <summary>A bound on the pages of one timeline (800 statuses), for a day long past on a busy instance.</summary>
    public const int MaxPages = 20;

    public const string Tag = "arxiv";

    public string Name => "mastodon";

    /// <summary>Unauthenticated paging requests (max_id) are allowed 300 per 15 minutes per IP, Mastodon's tightest default.</summary>
    public TimeSpan Pacing => TimeSpan.FromMinutes(15) / 300;

    public string? SkipReason => null;

    public async Task<ImmutableArray<FoundMention>> CollectAsync(CollectDay day, IFetcher fetcher, CancellationToken cancellationToken)
    {
        var found = new Mentions();
        // Found by a new user's trial: an instance before Mastodon 4.3 has no link timelines (404), and one may
        // refuse its trends without a login; either failed the source, and the #arxiv timeline was not read. A
        // refusal there costs those statuses only, said in a notice; the tag timeline's still fails the source.
        var trends = ApiUrl.Of(settings.BaseUrl, "api/v1/trends/links", ("limit", TrendsLimit.ToString(CultureInfo.InvariantCulture)));
        List<string> links = [];
        try
        {
            links = JsonReply.Read(Name, await GetAsync(fetcher, trends, Refusals, cancellationToken).ConfigureAwait(false), ReadTrendingPapers);
        }
        catch (SourceException e) when (Refused(e))
        {
            fetcher.Notice($"the trending links were not read ({e.What}); the #{Tag} timeline was");
        }
        var unread = new List<SourceException>();
        foreach (var link in links)
        {
            try
            {
                await ReadTimelineAsync(fetcher, day, found, "api/v1/timelines/link", [("url", link)], Refusals, cancellationToken).ConfigureAwait(false);
            }
            catch (SourceException e) when (Refused(e))
            {
                unread.Add(e);
            }
        }
        if (unread.Count > 0)
            fetcher.Notice($"the statuses sharing {unread.Count} of the {links.Count} trending arXiv link(s) were not read (the first: {unread[0].Url?.AbsoluteUri}: {unread[0].What})");
        await ReadTimelineAsync(fetcher, day, found, "api/v1/timelines/tag/" + Tag, [], IFetcher.NoErrorAnswers, cancellationToken).ConfigureAwait(false);
        return found.ToImmutable();
    }

    /// <summary>An instance's refusal (no login, no such timeline), not its trouble (5xx, 429): see GetAsync.</summary>
    private static readonly IReadOnlySet<int> Refusals = new HashSet<int> { 401, 403, 404, 422 };

    private static bool Refused(SourceException e) => e.Answer?.Status is { } status && Refusals.Contains(status);

    /// <summary>One timeline, newest first, paged back with max_id while a page is full and still reaches into the day.</summary>
    /// <param name="answers">The refusals the caller takes as an answer (kept in the cache as such: see <see cref="IFetcher"/>).</param>
    private async Task ReadTimelineAsync(IFetcher fetcher, CollectDay day, Mentions found, string path, (string, string?)[] query, IReadOnlySet<int> answers,
        CancellationToken cancellationToken)
    {
        string? maxId = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var url = ApiUrl.Of(settings.BaseUrl, path, [.. query, ("limit", PageSize.ToString(CultureInfo.InvariantCulture)), ("max_id", maxId)]);
            var response = await GetAsync(fetcher, url, answers, cancellationToken).ConfigureAwait(false);
            var (statuses, count, oldest) = JsonReply.Read(Name, response, root => ReadPage(root, day));
            foreach (var status in statuses) found.Add(status.Papers, status.Mention, response.FetchedAt);
            if (count < PageSize || oldest is not { } last || last.Created < day.Start) break;
            // Ids are decimal numbers as strings, newer ones larger: a max_id that does not go down would loop.
            if (maxId is not null && CompareIds(last.Id, maxId) >= 0) throw new SourceException(Name, url, $"the page's last status id {JsonReply.Found(last.Id)} is not older than max_id");
            maxId = last.Id;
        }
    }

    /// <summary>A GET that names, when an instance refuses (401, 403, 404 or 422; not a 5xx, which is the instance's trouble), the likely reason.</summary>
    private async Task<FetchedResponse> GetAsync(IFetcher fetcher, Uri url, IReadOnlySet<int> answers, CancellationToken cancellationToken)
    {
        try
        {
            return await fetcher.GetAsync(url, authorization: null, answers, cancellationToken).ConfigureAwait(false);
        }
        catch (SourceException e) when ((e.Url is null || e.Url == url) && Refused(e))
        {
            throw new SourceException(Name, url,
                $"{e.What} (instances may refuse reading trends and timelines without a login, and have no link timeline before Mastodon 4.3 or for a link no longer trending)", e)
            {
                Answer = e.Answer,
            };
        }
    }

    /// <summary>The trending links that are arXiv papers, as the instance wrote them (timelines/link wants them exactly so).</summary>
    private static List<string> ReadTrendingPapers(JsonReply root)
    {
        var links = new List<string>();
        foreach (var card in root.Items())
        {
            var url = card.String("url");
            if (ArxivId.FromLink(url) is not null && !links.Contains(url)) links.Add(url);
        }
        return links;
    }

    private (List<Status> Statuses, int Count, (string Id, DateTimeOffset Created)? Oldest) ReadPage(JsonReply root, CollectDay day)
    {
        var statuses = new List<Status>();
        (string, DateTimeOffset)? oldest = null;
        var count = 0;
        foreach (var item in root.Items())
        {
            count++;
            oldest = (item.String("id"), item.Instant("created_at"));
            // A boost wraps the status it boosts: that one is the mention.
            var status = item.OptionalMember("reblog") ?? item;
            var created = status.Instant("created_at");
            if (created < day.Start || created >= day.End) continue;
            if (ReadStatus(status, created) is { } s) statuses.Add(s);
        }
        return (statuses, count, oldest);
    }

    private Status? ReadStatus(JsonReply status, DateTimeOffset created)
    {
        var content = status.String("content");
        var account = status.Member("account");
        if (status.OptionalString("spoiler_text") is { Length: > 0 } || account.OptionalMember("noindex") is { } noindex && noindex.Boolean()) return null;
        var (text, hrefs) = StatusContent.Read(content);
        var links = new PaperLinks();
        links.Add(status.OptionalMember("card")?.OptionalString("url"));
        foreach (var href in hrefs) links.Add(href);
        if (links.Papers.Count == 0) return null;
        // url is the status's page on its home server; a few servers give none, and then the uri (its federation id) is a page too.
        var urlValue = status.OptionalMember("url") ?? status.Member("uri");
        var url = urlValue.String();
        if (!HttpUrl.IsHttp(url)) throw urlValue.Wrong("an http(s) URL", JsonReply.Found(url));
        var acct = account.Handle("acct");
        var handle = acct.Contains('@') ? acct : $"{acct}@{settings.BaseUrl.Host}";
        var name = account.OptionalName("display_name") ?? account.Text("username");
        var mention = new MentionRecord(url, name, handle, text, TweetTime.FromInstant(created), status.OptionalText("language"),
            Reposts: status.OptionalCount("reblogs_count"), Likes: status.OptionalCount("favourites_count"), EmbedHtml: null, RepostOf: null,
            Network: Network.Mastodon, Replies: status.OptionalCount("replies_count"));
        return new Status(links.Papers, mention);
    }

    private static int CompareIds(string a, string b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    private sealed record Status(IReadOnlyList<ArxivId> Papers, MentionRecord Mention);
}
