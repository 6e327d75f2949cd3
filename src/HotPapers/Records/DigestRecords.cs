using System.Collections.Immutable;

namespace HotPapers.Records;

/// <summary>Everything one digest (one post) is made from, as loaded and validated.</summary>
/// <param name="Date">First day the digest covers.</param>
/// <param name="EndDate">Last day the digest covers (inclusive); equal to <paramref name="Date"/> for a daily digest.</param>
/// <param name="CollectedAt">When the engagement counts were collected; the post's <c>date:</c> comes from here, never from the clock.</param>
/// <param name="Ranked">True when the papers and tweets are already selected and ordered (an imported post): build keeps them as listed.</param>
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
}

/// <summary>The two input formats hotpapers reads.</summary>
internal enum RecordsFormat
{
    /// <summary>The documented hotpapers records format (<c>hotpapers-records.schema.json</c>).</summary>
    Records,

    /// <summary>The old Python generator's crawler output (<c>papers_with_tweets.json</c>).</summary>
    LegacyCrawler,
}

/// <summary>One arXiv paper and the tweets that discussed it.</summary>
internal sealed record PaperRecord(
    ArxivId Id,
    string Title,
    ImmutableArray<string> Authors,
    string Abstract,
    ImmutableArray<string> Categories,
    string AbsUrl,
    string? PdfUrl,
    DateTimeOffset? CollectedAt,
    EngagementTotals? Totals,
    ImmutableArray<TweetRecord> Tweets);

/// <summary>Paper-level retweet and favorite totals, for records that do not know per-tweet counts.</summary>
internal sealed record EngagementTotals(long Retweets, long Favorites);

/// <summary>A tweet that discussed a paper.</summary>
/// <param name="Url">The tweet's status URL.</param>
/// <param name="AuthorName">Display name.</param>
/// <param name="Handle">Screen name, without the <c>@</c>.</param>
/// <param name="Text">Tweet text.</param>
/// <param name="Created">When it was tweeted, as precise as known (a date, or a time with offset).</param>
/// <param name="Lang">BCP 47 language tag as Twitter gave it, when known.</param>
/// <param name="Retweets">Retweet count, when known.</param>
/// <param name="Favorites">Favorite (like) count, when known.</param>
/// <param name="EmbedHtml">The oEmbed HTML (blockquote and widgets.js script), when known.</param>
/// <param name="RetweetOf">Status id of the tweet this one retweets, when it is a retweet.</param>
internal sealed record TweetRecord(
    string Url,
    string AuthorName,
    string Handle,
    string Text,
    TweetTime? Created,
    string? Lang,
    long? Retweets,
    long? Favorites,
    string? EmbedHtml,
    string? RetweetOf)
{
    /// <summary>Retweets plus favorites; unknown counts count as zero.</summary>
    public long Score => (Retweets ?? 0) + (Favorites ?? 0);

    /// <summary>The numeric status id at the end of <see cref="Url"/>, or the URL itself.</summary>
    public string StatusId
    {
        get
        {
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
