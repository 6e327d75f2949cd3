using System.Collections.Immutable;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Collecting;

/// <summary>
/// X (Twitter): the day's posts linking to arxiv.org, from the API v2 recent search (a paid API, with a bearer
/// token from the environment; it covers the last 7 days only), with their authors and public metrics, and
/// each post's embed from X's free oEmbed endpoint. Plain reposts are left out by the query: each post read
/// is paid for, and a repost only repeats its original.
/// </summary>
internal sealed class TwitterSource(SourceSettings settings, Func<string, string?> environment) : IMentionSource
{
    public const string TokenVariable = "HOTPAPERS_TWITTER_BEARER_TOKEN";

    /// <summary>Recent search's largest page.</summary>
    public const int PageSize = 100;

    /// <summary>A bound on a day's pages, for the bill: each post read costs (about $0.50 a full page), so at most 1,000 posts a day.</summary>
    public const int MaxPages = 10;

    public const string Query = "url:\"arxiv.org\" -is:retweet";

    public string Name => "twitter";

    /// <summary>Recent search allows 450 requests per 15 minutes per app (oEmbed is not rate limited, but shares the pace).</summary>
    public TimeSpan Pacing => TimeSpan.FromMinutes(15) / 450;

    public string? SkipReason =>
        string.IsNullOrEmpty(environment(TokenVariable)) ? $"no token: set {TokenVariable} (X API's bearer token) to search X" : null;

    /// <summary>Recent search refuses a <c>start_time</c> more than 7 days ago.</summary>
    public TimeSpan? Reach => TimeSpan.FromDays(7);

    public async Task<ImmutableArray<FoundMention>> CollectAsync(CollectDay day, IFetcher fetcher, CancellationToken cancellationToken)
    {
        var embeds = settings.EmbedUrl is { } embedUrl ? new OEmbed(Name, embedUrl, bluesky: false, ("dnt", "true")) : null;
        var found = new Mentions();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        string? next = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var url = ApiUrl.Of(settings.BaseUrl, "2/tweets/search/recent",
                ("query", Query), ("start_time", ApiUrl.Utc(day.Start)), ("end_time", ApiUrl.Utc(day.End)),
                ("max_results", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("tweet.fields", "created_at,public_metrics,lang,author_id,entities"),
                ("expansions", "author_id"), ("user.fields", "username,name"), ("next_token", next));
            FetchedResponse response;
            try
            {
                response = await fetcher.GetAsync(url, _ => Task.FromResult(Authorization()), cancellationToken).ConfigureAwait(false);
            }
            catch (SourceException e) when (e.Answer?.Status == 401)
            {
                // Found by a user's trial: Bluesky's refused login named its variables, X's refused token did not.
                throw e.Hinted($"the token was refused: check {TokenVariable}, the app's bearer token from X's developer portal");
            }
            var (posts, count, token) = JsonReply.Read(Name, response, ReadPage);
            foreach (var post in posts)
            {
                // The embed is asked for with twitter.com, as X's oEmbed documentation and the embeds blogs hold write it.
                var embed = embeds is null ? null : await embeds.HtmlAsync(fetcher, post.EmbedOf, cancellationToken).ConfigureAwait(false);
                found.Add(post.Papers, post.Mention with { EmbedHtml = embed }, response.FetchedAt);
            }
            if (token is null || count < PageSize) break;
            if (!tokens.Add(token)) throw new SourceException(Name, url, $"the next_token {JsonReply.Found(token)} came back a second time");
            next = token;
        }
        return found.ToImmutable();
    }

    /// <summary>Read from the environment only when a request is really sent, and never written anywhere else.</summary>
    private string Authorization() =>
        environment(TokenVariable) is { Length: > 0 } token ? "Bearer " + token : throw new SourceException(Name, null, SkipReason!);

    private static (List<Post> Posts, int Count, string? NextToken) ReadPage(JsonReply root)
    {
        // The authors, by id, from the author_id expansion.
        var users = new Dictionary<string, (string Name, string Username)>(StringComparer.Ordinal);
        foreach (var user in root.OptionalMember("includes")?.OptionalItems("users") ?? [])
        {
            users.TryAdd(user.String("id"), (user.Text("name"), user.String("username")));
        }
        var posts = new List<Post>();
        var count = 0;
        // No match: no "data" at all (X omits empty fields).
        foreach (var item in root.OptionalItems("data"))
        {
            count++;
            if (ReadPost(item, users) is { } post) posts.Add(post);
        }
        return (posts, count, root.OptionalMember("meta")?.OptionalString("next_token"));
    }

    /// <summary>
    /// A post, or null when it links no arXiv paper, or its author is not among the included users (X reports
    /// such a user, suspended or deleted since, as a partial error beside the data): no handle is made up.
    /// </summary>
    private static Post? ReadPost(JsonReply post, Dictionary<string, (string Name, string Username)> users)
    {
        var id = post.DigitsId("id", "a post id of digits");
        var text = post.Text("text");
        var links = new PaperLinks();
        foreach (var link in post.OptionalMember("entities")?.OptionalItems("urls") ?? [])
        {
            // expanded_url is the link's target (text holds only t.co); unwound_url follows further redirects.
            links.Add(link.OptionalString("expanded_url"));
            links.Add(link.OptionalString("unwound_url"));
        }
        if (links.Papers.Count == 0) return null;
        if (!users.TryGetValue(post.String("author_id"), out var author)) return null;
        if (!RecordsReader.IsHandle(author.Username))
            throw post.Wrong("a username of letters, digits and _ for its author", JsonReply.Found(author.Username));
        var created = post.OptionalMember("created_at") is null ? (TweetTime?)null : TweetTime.FromInstant(post.Instant("created_at"));
        var metrics = post.OptionalMember("public_metrics");
        // X is renaming retweet_count to repost_count: either may come.
        var reposts = metrics?.OptionalCount("retweet_count") ?? metrics?.OptionalCount("repost_count");
        var mention = new MentionRecord($"https://x.com/{author.Username}/status/{id}", author.Name, author.Username, text, created,
            post.OptionalText("lang"), reposts, metrics?.OptionalCount("like_count"), EmbedHtml: null, RepostOf: null,
            Network: Network.Twitter, Replies: metrics?.OptionalCount("reply_count"), Quotes: metrics?.OptionalCount("quote_count"));
        return new Post(links.Papers, mention, $"https://twitter.com/{author.Username}/status/{id}");
    }

    private sealed record Post(IReadOnlyList<ArxivId> Papers, MentionRecord Mention, string EmbedOf);
}
