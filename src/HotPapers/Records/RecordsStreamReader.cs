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
        string? format = null;
        DateOnly? date = null, end = null;
        DateTimeOffset? collected = null;
        bool? ranked = null;
        PostOverrides? post = null;
        ImmutableArray<PaperRecord>? papers = null;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        // Every key of the format is known: another is a problem.
        var read = Object(ref r, RecordsReader.DigestKeys, otherKeys: false, (ref Utf8JsonReader r, string key) => key switch
        {
            "$schema" => Text(ref r, nonEmpty: false, allowNull: true, out _),
            "format" => Text(ref r, nonEmpty: false, allowNull: false, out format),
            "date" => Parsed(ref r, required: true, Rfc3339.TryParseDate, out date),
            "endDate" => Parsed(ref r, required: false, Rfc3339.TryParseDate, out end),
            "collectedAt" => Parsed(ref r, required: true, JsonChecker.TryInstant, out collected),
            "ranked" => Bool(ref r, out ranked),
            "post" => (post = Post(ref r)) is not null,
            // A paper given twice (in any version) is a problem.
            "papers" => Array(ref r, (ref Utf8JsonReader r) => Paper(ref r) is { } p && ids.Add(RecordsReader.VersionlessId(p.Id.Value)) ? p : null, out papers),
            _ => false,
        });
        if (!read || format != RecordsReader.FormatName || date is not { } d || collected is not { } c || papers is not { } ps || end < d) return null;
        return new DigestRecords(d, end ?? d, c, ranked ?? false, ps, post ?? PostOverrides.None, RecordsFormat.Records);
    }

    private static PostOverrides? Post(ref Utf8JsonReader r)
    {
        string? title = null, template = null, slug = null, category = null, description = null, socialImage = null;
        bool? draft = null, rawText = null;
        ImmutableArray<string>? tags = null;
        var read = Object(ref r, RecordsReader.PostKeys, otherKeys: false, (ref Utf8JsonReader r, string key) => key switch
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
        });
        return read ? new PostOverrides(title, template, draft, slug, category, tags, description, socialImage, rawText) : null;
    }

    private static PaperRecord? Paper(ref Utf8JsonReader r)
    {
        string? id = null, title = null, summary = null, abs = null, pdf = null;
        ImmutableArray<string>? authors = null, categories = null;
        DateTimeOffset? collected = null;
        long? retweets = null, favorites = null;
        var hasTotals = false;
        ImmutableArray<TweetRecord>? tweets = null;
        var read = Object(ref r, RecordsReader.PaperKeys, otherKeys: false, (ref Utf8JsonReader r, string key) => key switch
        {
            "id" => Text(ref r, nonEmpty: true, allowNull: false, out id),
            "title" => Text(ref r, nonEmpty: true, allowNull: false, out title),
            "authors" => Texts(ref r, out authors),
            "abstract" => Text(ref r, nonEmpty: false, allowNull: false, out summary),
            "categories" => Texts(ref r, out categories),
            "links" => Object(ref r, RecordsReader.LinksKeys, otherKeys: false, (ref Utf8JsonReader r, string key) =>
                key == "abs" ? Url(ref r, required: true, out abs) : Url(ref r, required: false, out pdf)),
            "collectedAt" => Parsed(ref r, required: false, JsonChecker.TryInstant, out collected),
            "totals" => hasTotals = Object(ref r, RecordsReader.TotalsKeys, otherKeys: false, (ref Utf8JsonReader r, string key) =>
                key == "retweets" ? Count(ref r, allowNumericString: false, out retweets) : Count(ref r, allowNumericString: false, out favorites)),
            "tweets" => Array(ref r, Tweet, out tweets),
            _ => false,
        });
        if (!read || id is null || !ArxivId.TryParse(id, out var arxivId) || title is null || authors is not { } a || summary is null
            || categories is not { } c || abs is null || tweets is not { } t || !JsonChecker.SumsFit(t))
            return null;
        EngagementTotals? totals = null;
        if (hasTotals)
        {
            if (retweets is not { } rt || favorites is not { } fav) return null;
            totals = new EngagementTotals(rt, fav);
        }
        return new PaperRecord(arxivId.Value, title, a, summary, c, abs, pdf, collected, totals, t);
    }

    private static TweetRecord? Tweet(ref Utf8JsonReader r)
    {
        string? url = null, name = null, handle = null, text = null, created = null, lang = null, embed = null, retweetOf = null;
        long? retweets = null, favorites = null;
        var read = Object(ref r, RecordsReader.TweetKeys, otherKeys: false, (ref Utf8JsonReader r, string key) => key switch
        {
            "url" => Url(ref r, required: true, out url),
            "author" => Object(ref r, RecordsReader.AuthorKeys, otherKeys: false, (ref Utf8JsonReader r, string key) => key == "name"
                ? Text(ref r, nonEmpty: false, allowNull: false, out name)
                : Text(ref r, nonEmpty: true, allowNull: false, out handle) && RecordsReader.IsHandle(handle!)),
            "text" => Text(ref r, nonEmpty: false, allowNull: false, out text),
            "created" => Text(ref r, nonEmpty: false, allowNull: false, out created),
            "lang" => Text(ref r, nonEmpty: false, allowNull: true, out lang),
            "retweets" => Count(ref r, allowNumericString: false, out retweets),
            "favorites" => Count(ref r, allowNumericString: false, out favorites),
            "embedHtml" => Text(ref r, nonEmpty: false, allowNull: true, out embed),
            "retweetOf" => Text(ref r, nonEmpty: false, allowNull: true, out retweetOf),
            _ => false,
        });
        if (!read || url is null || name is null || handle is null || text is null || created is null || !RecordsReader.TryCreated(created, out var time))
            return null;
        return new TweetRecord(url, name, handle, text, time, lang, retweets, favorites, embed, retweetOf);
    }
}
