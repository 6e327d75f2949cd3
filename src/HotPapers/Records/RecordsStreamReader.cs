using System.Collections.Immutable;
using System.Text.Json;
using static HotPapers.Records.JsonStream;

namespace HotPapers.Records;

/// <summary>
/// Reads a records file with nothing wrong in it in one pass over its bytes, as
/// <see cref="LegacyCrawlerStreamReader"/> does for the old crawler's: by <see cref="RecordsReader"/>'s
/// rules, giving up (null) at the first thing that reader would report or look at twice (here any key
/// the format does not define, too), so that it reads the file and says what is wrong.
/// </summary>
internal static class RecordsStreamReader
{
    public static DigestRecords? TryRead(ReadOnlySpan<byte> json) => JsonStream.TryRead(json, Digest);

    private static DigestRecords? Digest(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject) return null;
        var keys = new DistinctKeys();
        string? format = null;
        DateOnly? date = null, end = null;
        DateTimeOffset? collected = null;
        bool? ranked = null;
        var post = PostOverrides.None;
        ImmutableArray<PaperRecord>? papers = null;
        var digestKeys = RecordsReader.DigestKeys;
        for (var key = NextKey(ref r, digestKeys, ref keys); key != End; key = NextKey(ref r, digestKeys, ref keys))
        {
            // Every key of the format is known: another is a problem (key < 0).
            var read = key >= 0 && digestKeys.Names[key] switch
            {
                "$schema" => Text(ref r, nonEmpty: false, allowNull: true, out _),
                "format" => Text(ref r, nonEmpty: false, allowNull: false, out format),
                "date" => Date(ref r, required: true, out date),
                "endDate" => Date(ref r, required: false, out end),
                "collectedAt" => Instant(ref r, required: true, out collected),
                "ranked" => Bool(ref r, out ranked),
                "post" => Post(ref r, out post),
                "papers" => Papers(ref r, out papers),
                _ => false,
            };
            if (!read) return null;
        }
        if (format != RecordsReader.FormatName || date is not { } d || collected is not { } c || papers is not { } p || end < d) return null;
        return new DigestRecords(d, end ?? d, c, ranked ?? false, p, post, RecordsFormat.Records);
    }

    private static bool Date(ref Utf8JsonReader r, bool required, out DateOnly? date)
    {
        date = null;
        if (!Text(ref r, nonEmpty: false, allowNull: !required, out var text)) return false;
        if (text is null) return true;
        if (!Rfc3339.TryParseDate(text, out var d)) return false;
        date = d;
        return true;
    }

    private static bool Instant(ref Utf8JsonReader r, bool required, out DateTimeOffset? instant)
    {
        instant = null;
        if (!Text(ref r, nonEmpty: false, allowNull: !required, out var text)) return false;
        if (text is null) return true;
        if (!JsonChecker.TryInstant(text, out var i)) return false;
        instant = i;
        return true;
    }

    private static bool Post(ref Utf8JsonReader r, out PostOverrides post)
    {
        post = PostOverrides.None;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        var keys = new DistinctKeys();
        string? title = null, template = null, slug = null, category = null, description = null, socialImage = null;
        bool? draft = null, rawText = null;
        ImmutableArray<string>? tags = null;
        var postKeys = RecordsReader.PostKeys;
        for (var key = NextKey(ref r, postKeys, ref keys); key != End; key = NextKey(ref r, postKeys, ref keys))
        {
            var read = key >= 0 && postKeys.Names[key] switch
            {
                "title" => Text(ref r, nonEmpty: false, allowNull: true, out title),
                "template" => Text(ref r, nonEmpty: false, allowNull: true, out template),
                "draft" => Bool(ref r, out draft),
                "slug" => Text(ref r, nonEmpty: false, allowNull: true, out slug),
                "category" => Text(ref r, nonEmpty: false, allowNull: true, out category),
                "tags" => Texts(ref r, out tags),
                "description" => Text(ref r, nonEmpty: false, allowNull: true, out description),
                "socialImage" => Text(ref r, nonEmpty: false, allowNull: true, out socialImage),
                "rawText" => Bool(ref r, out rawText),
                _ => false,
            };
            if (!read) return false;
        }
        post = new PostOverrides(title, template, draft, slug, category, tags, description, socialImage, rawText);
        return true;
    }

    private static bool Papers(ref Utf8JsonReader r, out ImmutableArray<PaperRecord>? papers)
    {
        papers = null;
        if (r.TokenType != JsonTokenType.StartArray) return false;
        var list = ImmutableArray.CreateBuilder<PaperRecord>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (Paper(ref r) is not { } paper || !ids.Add(RecordsReader.VersionlessId(paper.Id.Value))) return false;
            list.Add(paper);
        }
        papers = list.ToImmutable();
        return true;
    }

    private static PaperRecord? Paper(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject) return null;
        var keys = new DistinctKeys();
        string? id = null, title = null, summary = null, abs = null, pdf = null;
        ImmutableArray<string>? authors = null, categories = null;
        DateTimeOffset? collected = null;
        EngagementTotals? totals = null;
        ImmutableArray<TweetRecord>? tweets = null;
        var paperKeys = RecordsReader.PaperKeys;
        for (var key = NextKey(ref r, paperKeys, ref keys); key != End; key = NextKey(ref r, paperKeys, ref keys))
        {
            var read = key >= 0 && paperKeys.Names[key] switch
            {
                "id" => Text(ref r, nonEmpty: true, allowNull: false, out id),
                "title" => Text(ref r, nonEmpty: true, allowNull: false, out title),
                "authors" => Texts(ref r, out authors),
                "abstract" => Text(ref r, nonEmpty: false, allowNull: false, out summary),
                "categories" => Texts(ref r, out categories),
                "links" => Links(ref r, out abs, out pdf),
                "collectedAt" => Instant(ref r, required: false, out collected),
                "totals" => Totals(ref r, out totals),
                "tweets" => Tweets(ref r, out tweets),
                _ => false,
            };
            if (!read) return null;
        }
        if (id is null || !ArxivId.TryParse(id, out var arxivId) || title is null || authors is not { } a || summary is null
            || categories is not { } c || abs is null || tweets is not { } t || !JsonChecker.SumsFit(t))
            return null;
        return new PaperRecord(arxivId.Value, title, a, summary, c, abs, pdf, collected, totals, t);
    }

    private static bool Links(ref Utf8JsonReader r, out string? abs, out string? pdf)
    {
        abs = pdf = null;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        var keys = new DistinctKeys();
        var links = RecordsReader.LinksKeys;
        for (var key = NextKey(ref r, links, ref keys); key != End; key = NextKey(ref r, links, ref keys))
        {
            var read = key >= 0 && (links.Names[key] == "abs" ? Url(ref r, required: true, out abs) : Url(ref r, required: false, out pdf));
            if (!read) return false;
        }
        return abs is not null;
    }

    private static bool Totals(ref Utf8JsonReader r, out EngagementTotals? totals)
    {
        totals = null;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        var keys = new DistinctKeys();
        long? retweets = null, favorites = null;
        var totalsKeys = RecordsReader.TotalsKeys;
        for (var key = NextKey(ref r, totalsKeys, ref keys); key != End; key = NextKey(ref r, totalsKeys, ref keys))
        {
            var read = key >= 0 && (totalsKeys.Names[key] == "retweets"
                ? Count(ref r, allowNumericString: false, out retweets)
                : Count(ref r, allowNumericString: false, out favorites));
            if (!read) return false;
        }
        if (retweets is not { } rt || favorites is not { } fav) return false;
        totals = new EngagementTotals(rt, fav);
        return true;
    }

    private static bool Tweets(ref Utf8JsonReader r, out ImmutableArray<TweetRecord>? tweets)
    {
        tweets = null;
        if (r.TokenType != JsonTokenType.StartArray) return false;
        var list = ImmutableArray.CreateBuilder<TweetRecord>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (Tweet(ref r) is not { } tweet) return false;
            list.Add(tweet);
        }
        tweets = list.ToImmutable();
        return true;
    }

    private static TweetRecord? Tweet(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject) return null;
        var keys = new DistinctKeys();
        string? url = null, name = null, handle = null, text = null, created = null, lang = null, embed = null, retweetOf = null;
        long? retweets = null, favorites = null;
        var tweetKeys = RecordsReader.TweetKeys;
        for (var key = NextKey(ref r, tweetKeys, ref keys); key != End; key = NextKey(ref r, tweetKeys, ref keys))
        {
            var read = key >= 0 && tweetKeys.Names[key] switch
            {
                "url" => Url(ref r, required: true, out url),
                "author" => Author(ref r, out name, out handle),
                "text" => Text(ref r, nonEmpty: false, allowNull: false, out text),
                "created" => Text(ref r, nonEmpty: false, allowNull: false, out created),
                "lang" => Text(ref r, nonEmpty: false, allowNull: true, out lang),
                "retweets" => Count(ref r, allowNumericString: false, out retweets),
                "favorites" => Count(ref r, allowNumericString: false, out favorites),
                "embedHtml" => Text(ref r, nonEmpty: false, allowNull: true, out embed),
                "retweetOf" => Text(ref r, nonEmpty: false, allowNull: true, out retweetOf),
                _ => false,
            };
            if (!read) return null;
        }
        if (url is null || name is null || handle is null || text is null || created is null || !RecordsReader.TryCreated(created, out var time))
            return null;
        return new TweetRecord(url, name, handle, text, time, lang, retweets, favorites, embed, retweetOf);
    }

    private static bool Author(ref Utf8JsonReader r, out string? name, out string? handle)
    {
        name = handle = null;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        var keys = new DistinctKeys();
        var authorKeys = RecordsReader.AuthorKeys;
        for (var key = NextKey(ref r, authorKeys, ref keys); key != End; key = NextKey(ref r, authorKeys, ref keys))
        {
            var read = key >= 0 && (authorKeys.Names[key] == "name"
                ? Text(ref r, nonEmpty: false, allowNull: false, out name)
                : Text(ref r, nonEmpty: true, allowNull: false, out handle) && RecordsReader.IsHandle(handle!));
            if (!read) return false;
        }
        return name is not null && handle is not null;
    }
}
