using System.Collections.Immutable;

namespace HotPapers.Records;

/// <summary>Everything one digest (one post) is made from, as loaded and validated.</summary>
/// <param name="Date">First day the digest covers.</param>
/// <param name="EndDate">Last day the digest covers (inclusive); equal to <paramref name="Date"/> for a daily digest.</param>
/// <param name="CollectedAt">When the engagement counts were collected; the post's <c>date:</c> comes from here, never from the clock.</param>
/// <param name="Ranked">True when the papers and mentions are already selected and ordered (an imported post): build keeps them as listed.</param>
/// <param name="Papers">The papers, in input order.</param>
/// <param name="Post">Per-post values that override the settings (kept by import for posts made with other values).</param>
/// <param name="Format">Which file format the records came from; it decides the tie order of the old rules.</param>
internal sealed record DigestRecords(
    DateOnly Date,
    DateOnly EndDate,
    DateTimeOffset CollectedAt,
    bool Ranked,
    ImmutableArray<PaperRecord> Papers,
    PostOverrides Post,
    RecordsFormat Format)
{
    public bool IsRange => EndDate != Date;

    /// <summary>
    /// The networks whose source did not answer when collect last wrote the file (version 2's <c>unanswered</c>): the
    /// mentions it holds of them, if any, are an earlier run's. <c>collect --catch-up</c> collects such a day again.
    /// </summary>
    public ImmutableArray<Network> Unanswered { get; init; } = [];
}

/// <summary>The two input formats hotpapers reads.</summary>
internal enum RecordsFormat
{
    /// <summary>The documented hotpapers records format (<c>hotpapers-records.schema.json</c>).</summary>
    Records,

    /// <summary>The old Python generator's crawler output (<c>papers_with_tweets.json</c>).</summary>
    LegacyCrawler,
}

/// <summary>One arXiv paper and the mentions (tweets and posts) that discussed it.</summary>
/// <param name="Totals">Stated per-network totals (imported posts know only those), at most one per network; empty: the sums over <paramref name="Mentions"/>.</param>
internal sealed record PaperRecord(
    ArxivId Id,
    string Title,
    ImmutableArray<string> Authors,
    string Abstract,
    ImmutableArray<string> Categories,
    string AbsUrl,
    string? PdfUrl,
    DateTimeOffset? CollectedAt,
    ImmutableArray<EngagementTotals> Totals,
    ImmutableArray<MentionRecord> Mentions)
{
    /// <summary>Whether every mention and stated total is Twitter's: the records of the first format, the posts of the old generator.</summary>
    public bool TwitterOnly
    {
        get
        {
            foreach (var m in Mentions)
            {
                if (m.Network != Network.Twitter) return false;
            }
            foreach (var t in Totals.IsDefault ? [] : Totals)
            {
                if (t.Network != Network.Twitter) return false;
            }
            return true;
        }
    }
}

/// <summary>A network's repost and like totals for a paper, for records that do not know per-mention counts.</summary>
internal sealed record EngagementTotals(long Reposts, long Likes, Network Network = Network.Twitter);

/// <summary>A tweet or post that discussed a paper.</summary>
/// <param name="Url">The post's URL (a tweet's status URL).</param>
/// <param name="AuthorName">Display name.</param>
/// <param name="Handle">The author's handle, without the <c>@</c> (a Twitter screen name, a Bluesky handle, a Mastodon user@server, a user name).</param>
/// <param name="Text">The post's text (a Hacker News story's title).</param>
/// <param name="Created">When it was posted, as precise as known (a date, or a time with offset).</param>
/// <param name="Lang">BCP 47 language tag as the network gave it, when known.</param>
/// <param name="Reposts">Retweets, reposts or boosts, when known.</param>
/// <param name="Likes">Favorites, likes, favourites, points, upvotes or score, when known.</param>
/// <param name="EmbedHtml">The network's own embed HTML (oEmbed), when known.</param>
/// <param name="RepostOf">What this one reposts: a tweet's status id, else the reposted post's URL.</param>
/// <param name="Network">Where it was posted.</param>
/// <param name="Replies">Replies or comments, when known.</param>
/// <param name="Quotes">Quotes, when known.</param>
internal sealed record MentionRecord(
    string Url,
    string AuthorName,
    string Handle,
    string Text,
    TweetTime? Created,
    string? Lang,
    long? Reposts,
    long? Likes,
    string? EmbedHtml,
    string? RepostOf,
    Network Network = Network.Twitter,
    long? Replies = null,
    long? Quotes = null)
{
    /// <summary>Reposts plus likes, unweighted; unknown counts count as zero.</summary>
    public long Score => (Reposts ?? 0) + (Likes ?? 0);

    /// <summary>A tweet's numeric status id at the end of <see cref="Url"/>, or the URL itself (every other network's id).</summary>
    public string StatusId
    {
        get
        {
            if (Network != Network.Twitter) return Url;
            var i = Url.LastIndexOf("/status/", StringComparison.Ordinal);
            if (i < 0) return Url;
            var id = Url.AsSpan(i + 8);
            var end = id.IndexOfAny('?', '/', '#');
            return (end < 0 ? id : id[..end]).ToString();
        }
    }
}

/// <summary>A tweet's creation time: a whole instant, or only the day (an imported embed shows only the day).</summary>
internal readonly record struct TweetTime(DateOnly Day, DateTimeOffset? Instant)
{
    public static TweetTime FromInstant(DateTimeOffset instant) => new(DateOnly.FromDateTime(instant.DateTime), instant);

    public static TweetTime FromDay(DateOnly day) => new(day, null);

    public override string ToString() => Instant is { } i ? Rfc3339.Format(i) : Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
