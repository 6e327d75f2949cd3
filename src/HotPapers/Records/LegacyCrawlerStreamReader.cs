using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

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
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow };

    // A file with a "format" key is one of ours (RecordsLoader): this reader leaves it alone.
    private static readonly JsonKeys RootKeys = new([.. LegacyCrawlerReader.RootKeys.Names, "format"]);

    // What NextKey returns besides a key's index.
    private const int Other = -1, End = -2, GiveUp = -3;

    public static DigestRecords? TryRead(ReadOnlySpan<byte> json, TimeZoneInfo zone)
    {
        var r = new Utf8JsonReader(json, Options);
        try
        {
            // After the root object, nothing but white space (Read throws on anything else).
            return r.Read() && Digest(ref r, zone) is { } digest && !r.Read() ? digest : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not well-formed, or a \u escape of a lone surrogate: the careful reader says where.
            return null;
        }
    }

    private static DigestRecords? Digest(ref Utf8JsonReader r, TimeZoneInfo zone)
    {
        if (r.TokenType != JsonTokenType.StartObject) return null;
        var keys = new DistinctKeys();
        DateOnly? since = null, until = null;
        ImmutableArray<PaperRecord>? papers = null;
        for (var key = NextKey(ref r, RootKeys, ref keys); key != End; key = NextKey(ref r, RootKeys, ref keys))
        {
            var read = key switch
            {
                Other => Skip(ref r),
                GiveUp => false,
                _ => RootKeys.Names[key] switch
                {
                    "meta" => Meta(ref r, out since, out until),
                    "papers" => Papers(ref r, zone, out papers),
                    _ => false,
                },
            };
            if (!read) return null;
        }
        if (since is not { } s || until is not { } u || papers is not { } p || u <= s || !LegacyCrawlerReader.TryEnd(u, zone, out var end)) return null;
        return LegacyCrawlerReader.Digest(s, u, end, p);
    }

    private static bool Meta(ref Utf8JsonReader r, out DateOnly? since, out DateOnly? until)
    {
        since = until = null;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        var keys = new DistinctKeys();
        var meta = LegacyCrawlerReader.MetaKeys;
        for (var key = NextKey(ref r, meta, ref keys); key != End; key = NextKey(ref r, meta, ref keys))
        {
            var read = key switch
            {
                Other => Skip(ref r),
                GiveUp => false,
                _ => meta.Names[key] == "since" ? Day(ref r, out since) : Day(ref r, out until),
            };
            if (!read) return false;
        }
        return true;
    }

    private static bool Day(ref Utf8JsonReader r, out DateOnly? day)
    {
        day = null;
        if (!Text(ref r, nonEmpty: false, allowNull: false, out var text) || !LegacyCrawlerReader.TryDay(text!, out var d)) return false;
        day = d;
        return true;
    }

    private static bool Papers(ref Utf8JsonReader r, TimeZoneInfo zone, out ImmutableArray<PaperRecord>? papers)
    {
        papers = null;
        if (r.TokenType != JsonTokenType.StartArray) return false;
        var list = ImmutableArray.CreateBuilder<PaperRecord>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (Paper(ref r, zone) is not { } paper) return false;
            list.Add(paper);
        }
        papers = list.ToImmutable();
        return true;
    }

    private static PaperRecord? Paper(ref Utf8JsonReader r, TimeZoneInfo zone)
    {
        if (r.TokenType != JsonTokenType.StartObject) return null;
        var keys = new DistinctKeys();
        string? title = null, summary = null, abs = null, pdf = null, id = null;
        ImmutableArray<string>? authors = null, subjects = null;
        var tweets = ImmutableArray<TweetRecord>.Empty;
        var paperKeys = LegacyCrawlerReader.PaperKeys;
        for (var key = NextKey(ref r, paperKeys, ref keys); key != End; key = NextKey(ref r, paperKeys, ref keys))
        {
            var read = key switch
            {
                Other => Skip(ref r),
                GiveUp => false,
                _ => paperKeys.Names[key] switch
                {
                    "title" => Text(ref r, nonEmpty: true, allowNull: false, out title),
                    "authors" => Texts(ref r, out authors),
                    "summary" => Text(ref r, nonEmpty: false, allowNull: true, out summary),
                    "subjects" => Texts(ref r, out subjects),
                    "links" => Links(ref r, out abs, out pdf),
                    "id" => Text(ref r, nonEmpty: false, allowNull: true, out id),
                    "tweets" => Tweets(ref r, zone, out tweets),
                    _ => false,
                },
            };
            if (!read) return null;
        }
        if (title is null || authors is not { } a || subjects is not { } c || abs is null || !JsonChecker.SumsFit(tweets)) return null;
        if (LegacyCrawlerReader.IdText(id, abs) is not { } idText || !ArxivId.TryParse(idText, out var arxivId)) return null;
        return LegacyCrawlerReader.Paper(arxivId.Value, title, a, summary ?? "", c, abs, pdf, tweets);
    }

    private static bool Links(ref Utf8JsonReader r, out string? abs, out string? pdf)
    {
        abs = pdf = null;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        var keys = new DistinctKeys();
        var links = LegacyCrawlerReader.LinksKeys;
        for (var key = NextKey(ref r, links, ref keys); key != End; key = NextKey(ref r, links, ref keys))
        {
            var read = key switch
            {
                Other => Skip(ref r),
                GiveUp => false,
                _ => links.Names[key] == "Abstract" ? Url(ref r, required: true, out abs) : Url(ref r, required: false, out pdf),
            };
            if (!read) return false;
        }
        return abs is not null;
    }

    private static bool Tweets(ref Utf8JsonReader r, TimeZoneInfo zone, out ImmutableArray<TweetRecord> tweets)
    {
        tweets = [];
        if (r.TokenType != JsonTokenType.StartArray) return false;
        var list = ImmutableArray.CreateBuilder<TweetRecord>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (Tweet(ref r, zone) is not { } tweet) return false;
            list.Add(tweet);
        }
        tweets = list.ToImmutable();
        return true;
    }

    private static TweetRecord? Tweet(ref Utf8JsonReader r, TimeZoneInfo zone)
    {
        if (r.TokenType != JsonTokenType.StartObject) return null;
        var keys = new DistinctKeys();
        string? url = null, name = null, handle = null, text = null, day = null, time = null, lang = null, embed = null, retweetId = null;
        long? retweets = null, likes = null;
        var tweetKeys = LegacyCrawlerReader.TweetKeys;
        for (var key = NextKey(ref r, tweetKeys, ref keys); key != End; key = NextKey(ref r, tweetKeys, ref keys))
        {
            var read = key switch
            {
                Other => Skip(ref r),
                GiveUp => false,
                _ => tweetKeys.Names[key] switch
                {
                    "link" => Url(ref r, required: true, out url),
                    "name" => Text(ref r, nonEmpty: false, allowNull: false, out name),
                    "username" => Text(ref r, nonEmpty: true, allowNull: false, out handle),
                    "tweet" => Text(ref r, nonEmpty: false, allowNull: false, out text),
                    "retweets_count" => Count(ref r, out retweets),
                    "likes_count" => Count(ref r, out likes),
                    "datestamp" => Text(ref r, nonEmpty: false, allowNull: true, out day),
                    "timestamp" => Text(ref r, nonEmpty: false, allowNull: true, out time),
                    "lang" => Text(ref r, nonEmpty: false, allowNull: true, out lang),
                    "html" => Text(ref r, nonEmpty: false, allowNull: true, out embed),
                    "retweet_id" => RetweetId(ref r, out retweetId),
                    _ => false,
                },
            };
            if (!read) return null;
        }
        if (url is null || name is null || handle is null || text is null || retweets is null || likes is null
            || LegacyCrawlerReader.TimeFault(day, time, zone, out var created) is not null)
            return null;
        return LegacyCrawlerReader.Tweet(url, name, handle, text, created, lang, retweets, likes, embed, retweetId);
    }

    /// <summary>
    /// Moves to the next key's value: the key's index among <paramref name="keys"/>, <see cref="Other"/>,
    /// <see cref="End"/> at the end of the object, or <see cref="GiveUp"/> for a key written with escapes
    /// or one that may be a repeat.
    /// </summary>
    private static int NextKey(ref Utf8JsonReader r, JsonKeys keys, ref DistinctKeys seen)
    {
        // The reader has checked the JSON: in an object, a token is a key or the object's end.
        r.Read();
        if (r.TokenType == JsonTokenType.EndObject) return End;
        if (r.ValueIsEscaped) return GiveUp;
        var name = r.ValueSpan;
        var index = keys.IndexOfUnescaped(name);
        if (!seen.Add(index, name)) return GiveUp;
        r.Read();
        return index;
    }

    private static bool Skip(ref Utf8JsonReader r)
    {
        r.Skip();
        return true;
    }

    private static bool Text(ref Utf8JsonReader r, bool nonEmpty, bool allowNull, out string? text)
    {
        text = null;
        if (allowNull && r.TokenType == JsonTokenType.Null) return true;
        if (r.TokenType != JsonTokenType.String) return false;
        text = r.GetString()!;
        return JsonChecker.TextFault(text, nonEmpty) is null;
    }

    private static bool Texts(ref Utf8JsonReader r, out ImmutableArray<string>? texts)
    {
        texts = null;
        if (r.TokenType != JsonTokenType.StartArray) return false;
        var list = ImmutableArray.CreateBuilder<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (!Text(ref r, nonEmpty: true, allowNull: false, out var text)) return false;
            list.Add(text!);
        }
        texts = list.ToImmutable();
        return true;
    }

    private static bool Url(ref Utf8JsonReader r, bool required, out string? url) =>
        Text(ref r, nonEmpty: required, allowNull: !required, out url) && (url is null || JsonChecker.IsHttpUrl(url));

    // Whole numbers as such; 1.0 and 1e2 are counts too, but rare enough to leave to the careful reader.
    private static bool Count(ref Utf8JsonReader r, out long? count)
    {
        count = null;
        long n;
        if (r.TokenType == JsonTokenType.Number ? !r.TryGetInt64(out n) || !JsonChecker.IsCount(n)
            : r.TokenType != JsonTokenType.String || !JsonChecker.TryCountText(r.GetString()!, out n))
            return false;
        count = n;
        return true;
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
