using System.Collections.Immutable;
using System.Text.Json;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Collecting;

/// <summary>
/// Bluesky: the day's posts linking to arxiv.org, from <c>app.bsky.feed.searchPosts</c> (which needs a login
/// in practice), with their counts and their oEmbed HTML. The login (<c>com.atproto.server.createSession</c>,
/// with an app password from the environment) happens once per run, and again when its token expires, and
/// only when a request is really sent: a cached or offline run needs no credentials beyond their presence.
/// </summary>
internal sealed class BlueskySource(SourceSettings settings, Func<string, string?> environment) : IMentionSource
{
    public const string HandleVariable = "HOTPAPERS_BLUESKY_HANDLE";

    public const string PasswordVariable = "HOTPAPERS_BLUESKY_APP_PASSWORD";

    /// <summary>searchPosts' largest page.</summary>
    public const int PageSize = 100;

    /// <summary>A bound on the pages of one day (10,000 posts), should a cursor never end.</summary>
    public const int MaxPages = 100;

    // Set by an author for "don't show me to logged-out viewers": a public blog is one.
    private const string NoUnauthenticated = "!no-unauthenticated";

    private Task<string>? session;

    // Whether this day's search has logged in again already: a token lives two hours, a day's pages take
    // minutes, so a second expiry in one day is a server refusing fresh tokens, not one to log in for again.
    private bool renewedToday;

    public string Name => "bluesky";

    /// <summary>The PDS allows 3,000 requests per 5 minutes per IP (the AppView's limits are unpublished, "generous").</summary>
    public TimeSpan Pacing => TimeSpan.FromMinutes(5) / 3000;

    // Found by a new user's trial: with the handle set and the password empty, the notice named both.
    public string? SkipReason => (string.IsNullOrEmpty(environment(HandleVariable)), string.IsNullOrEmpty(environment(PasswordVariable))) switch
    {
        (true, true) => $"no login: set {HandleVariable} and {PasswordVariable} (an app password) to search Bluesky",
        (true, false) => $"no login: {PasswordVariable} is set, but not {HandleVariable} (the account's handle)",
        (false, true) => $"no login: {HandleVariable} is set, but not {PasswordVariable} (an app password)",
        _ => null,
    };

    public async Task<ImmutableArray<FoundMention>> CollectAsync(CollectDay day, IFetcher fetcher, CancellationToken cancellationToken)
    {
        renewedToday = false;
        var embeds = settings.EmbedUrl is { } embedUrl ? new OEmbed(Name, embedUrl, bluesky: true) : null;
        var found = new Mentions();
        var cursors = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var url = ApiUrl.Of(settings.BaseUrl, "xrpc/app.bsky.feed.searchPosts",
                ("q", "arxiv.org"), ("domain", "arxiv.org"), ("since", ApiUrl.Utc(day.Start)), ("until", ApiUrl.Utc(day.End)),
                ("sort", "latest"), ("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("cursor", cursor));
            var response = await SearchAsync(fetcher, url, cancellationToken).ConfigureAwait(false);
            var (posts, count, next) = JsonReply.Read(Name, response, ReadPage);
            foreach (var post in posts)
            {
                var embed = embeds is null ? null : await embeds.HtmlAsync(fetcher, post.Mention.Url, cancellationToken).ConfigureAwait(false);
                found.Add(post.Papers, post.Mention with { EmbedHtml = embed }, response.FetchedAt);
            }
            if (next is null || count < PageSize) break;
            if (!cursors.Add(next)) throw new SourceException(Name, url, $"the cursor {JsonReply.Found(next)} came back a second time");
            cursor = next;
        }
        return found.ToImmutable();
    }

    /// <summary>
    /// A search, with the session's token. An access token lives two hours (the PDS's default), less than a
    /// backfill of many days takes: when the PDS says it has expired, collect logs in again and asks once
    /// more, at most once a day. A token refused again is an error, not a loop.
    /// </summary>
    private async Task<FetchedResponse> SearchAsync(IFetcher fetcher, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await fetcher.GetAsync(url, ct => Authorization(fetcher, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (SourceException e) when (!renewedToday && e.Answer is { } answer && Expired(url, answer))
        {
            renewedToday = true;
            session = null;
            return await fetcher.GetAsync(url, ct => Authorization(fetcher, ct), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The PDS's answer to an expired access token: <c>{"error": "ExpiredToken", ...}</c>, with HTTP 400 (401 from some servers).</summary>
    private bool Expired(Uri url, ErrorAnswer answer)
    {
        if (answer.Status is not (400 or 401)) return false;
        try
        {
            return JsonReply.Read(Name, new FetchedResponse(url, answer.Status, answer.Body, default), root => root.OptionalString("error")) == "ExpiredToken";
        }
        catch (SourceException)
        {
            return false;
        }
    }

    /// <summary>The <c>Authorization</c> header: a session's access token, from one login per run or per expiry (a failed login is not tried again).</summary>
    private Task<string> Authorization(IFetcher fetcher, CancellationToken cancellationToken)
    {
        // A login cancelled with the request it was made for (that request's time ran out) was not refused:
        // kept, it would fail every later request of the run with "A task was canceled".
        if (session is { IsCanceled: true }) session = null;
        return session ??= LogInAsync(fetcher, cancellationToken);
    }

    private async Task<string> LogInAsync(IFetcher fetcher, CancellationToken cancellationToken)
    {
        var handle = environment(HandleVariable);
        var password = environment(PasswordVariable);
        if (string.IsNullOrEmpty(handle) || string.IsNullOrEmpty(password)) throw new SourceException(Name, null, SkipReason!);
        var url = ApiUrl.Of(settings.BaseUrl, "xrpc/com.atproto.server.createSession");
        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("identifier", handle);
            writer.WriteString("password", password);
            writer.WriteEndObject();
        }
        FetchedResponse response;
        try
        {
            response = await fetcher.PostJsonAsync(url, body.ToArray(), cancellationToken).ConfigureAwait(false);
        }
        catch (SourceException e) when (e.Answer?.Status == 401)
        {
            // Wrong credentials: Bluesky answered, and will answer the same until they are mended.
            throw e.Hinted($"the login was refused: check {HandleVariable} and {PasswordVariable}, an app password from Bluesky's settings");
        }
        // The session answer holds tokens: JsonReply names what it found by kind, never by value.
        var token = JsonReply.Read(Name, response, root => root.String("accessJwt"));
        if (token.Length == 0 || token.AsSpan().ContainsAnyInRange('\0', ' ') || token.Contains('\x7f'))
            throw new SourceException(Name, url, "expected an access token, found an empty string or one with spaces or control characters at $.accessJwt");
        return "Bearer " + token;
    }

    private (List<Post> Posts, int Count, string? Cursor) ReadPage(JsonReply root)
    {
        var items = root.Member("posts");
        var posts = new List<Post>();
        foreach (var item in items.Items())
        {
            if (ReadPost(item) is { } post) posts.Add(post);
        }
        return (posts, items.Count, root.OptionalString("cursor"));
    }

    /// <summary>A post view, or null when it links no arXiv paper or its author asked not to be shown to logged-out readers.</summary>
    private static Post? ReadPost(JsonReply post)
    {
        var url = WebUrl(post.Member("uri"));
        var author = post.Member("author");
        var handle = author.Handle("handle");
        var record = post.Member("record");
        var text = record.Text("text");
        var created = record.Instant("createdAt");
        string? lang = null;
        foreach (var l in record.OptionalItems("langs"))
        {
            lang = l.Text();
            break;
        }
        var links = new PaperLinks();
        foreach (var facet in record.OptionalItems("facets"))
        {
            foreach (var feature in facet.Member("features").Items())
            {
                if (feature.OptionalString("$type") == "app.bsky.richtext.facet#link") links.Add(feature.String("uri"));
            }
        }
        AddEmbedLinks(record.OptionalMember("embed"), links);
        AddEmbedLinks(post.OptionalMember("embed"), links);
        links.AddFromText(text);
        if (links.Papers.Count == 0 || HasLabel(author, NoUnauthenticated) || HasLabel(post, NoUnauthenticated)) return null;
        // The display name may be missing or empty: Bluesky's own embed then names the author by handle.
        var name = author.OptionalName("displayName") ?? handle;
        var mention = new MentionRecord(url, name, handle, text, TweetTime.FromInstant(created), lang,
            Reposts: post.OptionalCount("repostCount"), Likes: post.OptionalCount("likeCount"), EmbedHtml: null, RepostOf: null,
            Network: Network.Bluesky, Replies: post.OptionalCount("replyCount"), Quotes: post.OptionalCount("quoteCount"));
        return new Post(links.Papers, mention);
    }

    /// <summary>A link card's URL, in a record's embed or its view, alone or beside media.</summary>
    private static void AddEmbedLinks(JsonReply? embed, PaperLinks links)
    {
        if (embed is not { } e) return;
        links.Add(e.OptionalMember("external")?.OptionalString("uri"));
        links.Add(e.OptionalMember("media")?.OptionalMember("external")?.OptionalString("uri"));
    }

    private static bool HasLabel(JsonReply labelled, string value)
    {
        foreach (var label in labelled.OptionalItems("labels"))
        {
            if (label.OptionalString("val") == value) return true;
        }
        return false;
    }

    /// <summary><c>at://did/app.bsky.feed.post/rkey</c> as the post's page, <c>https://bsky.app/profile/did/post/rkey</c>.</summary>
    private static string WebUrl(JsonReply uri)
    {
        var text = uri.String();
        const string Scheme = "at://", Collection = "/app.bsky.feed.post/";
        var at = text.IndexOf(Collection, StringComparison.Ordinal);
        if (text.StartsWith(Scheme, StringComparison.Ordinal) && at > Scheme.Length)
        {
            var repo = text[Scheme.Length..at];
            var rkey = text[(at + Collection.Length)..];
            var url = $"https://bsky.app/profile/{repo}/post/{rkey}";
            if (rkey.Length > 0 && !repo.Contains('/') && !rkey.Contains('/') && HttpUrl.IsHttp(url) && !url.ContainsAny('?', '#')) return url;
        }
        throw uri.Wrong("an at:// URI of a post (at://did/app.bsky.feed.post/rkey)", JsonReply.Found(text));
    }

    private sealed record Post(IReadOnlyList<ArxivId> Papers, MentionRecord Mention);
}
