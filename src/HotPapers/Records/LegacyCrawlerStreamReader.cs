using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using static HotPapers.Records.JsonStream;

namespace HotPapers.Records;

/// <summary>
/// Reads an old crawler file with nothing wrong in it in one pass over its bytes. The scraper's thirty-odd
/// keys per tweet are most of such a file, and a <see cref="JsonDocument"/> of them, walked again by
/// <see cref="LegacyCrawlerReader"/>, cost twice this. At the first thing it does not expect (a problem, or
/// anything the careful reader must look at twice: an escaped or repeated key, a count written as 1.0,
/// a key named <c>format</c>) it gives up and returns null, and the careful reader reads the file and
/// reports what is wrong. So this reader reports nothing, and what it reads it reads by the careful
/// reader's own rules.
/// </summary>
internal static class LegacyCrawlerStreamReader
{
    // A file with a "format" key is one of ours (RecordsLoader): this reader leaves it alone (reads no such key).
    private static readonly JsonKeys RootKeys = new([.. LegacyCrawlerReader.RootKeys.Names, "format"]);

    public static DigestRecords? TryRead(ReadOnlySpan<byte> json, TimeZoneInfo zone) =>
        JsonStream.TryRead(json, (ref Utf8JsonReader r) => Digest(ref r, zone));

    private static DigestRecords? Digest(ref Utf8JsonReader r, TimeZoneInfo zone)
    {
        DateOnly? since = null, until = null;
        ImmutableArray<PaperRecord>? papers = null;
        var read = Object(ref r, RootKeys, otherKeys: true, (ref Utf8JsonReader r, string key) => key switch
        {
            "meta" => Object(ref r, LegacyCrawlerReader.MetaKeys, otherKeys: true, (ref Utf8JsonReader r, string key) =>
                key == "since"
                    ? Parsed(ref r, required: true, LegacyCrawlerReader.TryDay, out since)
                    : Parsed(ref r, required: true, LegacyCrawlerReader.TryDay, out until)),
            "papers" => Array(ref r, (ref Utf8JsonReader r) => Paper(ref r, zone), out papers),
            _ => false,
        });
        if (!read || since is not { } s || until is not { } u || papers is not { } p || u <= s || !LegacyCrawlerReader.TryEnd(u, zone, out var end)) return null;
        return LegacyCrawlerReader.Digest(s, u, end, p);
    }

    private static PaperRecord? Paper(ref Utf8JsonReader r, TimeZoneInfo zone)
    {
        string? title = null, summary = null, abs = null, pdf = null, id = null;
        ImmutableArray<string>? authors = null, subjects = null;
        ImmutableArray<TweetRecord>? tweets = null;
        var read = Object(ref r, LegacyCrawlerReader.PaperKeys, otherKeys: true, (ref Utf8JsonReader r, string key) => key switch
        {
            "title" => Text(ref r, nonEmpty: true, allowNull: false, out title),
            "authors" => Texts(ref r, out authors),
            "summary" => Text(ref r, nonEmpty: false, allowNull: true, out summary),
            "subjects" => Texts(ref r, out subjects),
            "links" => Object(ref r, LegacyCrawlerReader.LinksKeys, otherKeys: true, (ref Utf8JsonReader r, string key) =>
                key == "Abstract" ? Url(ref r, required: true, out abs) : Url(ref r, required: false, out pdf)),
            "id" => Text(ref r, nonEmpty: false, allowNull: true, out id),
            "tweets" => Array(ref r, (ref Utf8JsonReader r) => Tweet(ref r, zone), out tweets),
            _ => false,
        });
        if (!read || title is null || authors is not { } a || subjects is not { } c || abs is null || !JsonChecker.SumsFit(tweets ?? [])) return null;
        if (LegacyCrawlerReader.IdText(id, abs) is not { } idText || !ArxivId.TryParse(idText, out var arxivId)) return null;
        return LegacyCrawlerReader.Paper(arxivId.Value, title, a, summary ?? "", c, abs, pdf, tweets ?? []);
    }

    private static TweetRecord? Tweet(ref Utf8JsonReader r, TimeZoneInfo zone)
    {
        string? url = null, name = null, handle = null, text = null, day = null, time = null, lang = null, embed = null, retweetId = null;
        long? retweets = null, likes = null;
        var read = Object(ref r, LegacyCrawlerReader.TweetKeys, otherKeys: true, (ref Utf8JsonReader r, string key) => key switch
        {
            "link" => Url(ref r, required: true, out url),
            "name" => Text(ref r, nonEmpty: false, allowNull: false, out name),
            "username" => Text(ref r, nonEmpty: true, allowNull: false, out handle),
            "tweet" => Text(ref r, nonEmpty: false, allowNull: false, out text),
            "retweets_count" => Count(ref r, allowNumericString: true, out retweets),
            "likes_count" => Count(ref r, allowNumericString: true, out likes),
            "datestamp" => Text(ref r, nonEmpty: false, allowNull: true, out day),
            "timestamp" => Text(ref r, nonEmpty: false, allowNull: true, out time),
            "lang" => Text(ref r, nonEmpty: false, allowNull: true, out lang),
            "html" => Text(ref r, nonEmpty: false, allowNull: true, out embed),
            "retweet_id" => RetweetId(ref r, out retweetId),
            _ => false,
        });
        if (!read || url is null || name is null || handle is null || text is null || retweets is null || likes is null
            || LegacyCrawlerReader.TimeFault(day, time, zone, out var created) is not null)
            return null;
        return LegacyCrawlerReader.Tweet(url, name, handle, text, created, lang, retweets, likes, embed, retweetId);
    }

    // A status id as a string or a number (as written); any other value means none.
    private static bool RetweetId(ref Utf8JsonReader r, out string? id)
    {
        id = r.TokenType switch
        {
            JsonTokenType.String => r.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(r.ValueSpan),
            _ => null,
        };
        return Skip(ref r);
    }
}
