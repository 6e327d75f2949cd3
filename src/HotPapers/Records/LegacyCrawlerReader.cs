using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace HotPapers.Records;

/// <summary>
/// Reads the old generator's crawler output (<c>papers_with_tweets.json</c>): arXiv listing metadata
/// plus the twint scraper's tweets. It is lenient about the many extra fields both tools wrote and
/// strict about the ones the post is made from.
/// </summary>
internal static class LegacyCrawlerReader
{
    // The keys read; the crawler and the scraper wrote many more, which are allowed and ignored.
    internal static readonly JsonKeys RootKeys = new("meta", "papers");
    internal static readonly JsonKeys MetaKeys = new("since", "until");
    internal static readonly JsonKeys PaperKeys = new("title", "authors", "summary", "subjects", "links", "id", "tweets");
    internal static readonly JsonKeys LinksKeys = new("Abstract", "Download PDF");
    internal static readonly JsonKeys TweetKeys = new("link", "name", "username", "tweet", "retweets_count", "likes_count", "datestamp", "timestamp", "lang", "html", "retweet_id");

    public static bool Looks(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("meta", out _) && !root.TryGetProperty("format", out _);

    public static DigestRecords? Read(JsonElement root, JsonChecker check, TimeZoneInfo zone)
    {
        const string P = "$";
        var digest = check.FieldsOnce(root, P, RootKeys);
        DateOnly? since = null, until = null;
        if (check.Get(digest, "meta", P, true) is { } metaElement && check.IsObject(metaElement, "$.meta"))
        {
            var meta = check.FieldsOnce(metaElement, "$.meta", MetaKeys);
            since = Day(meta, "since", check);
            until = Day(meta, "until", check);
            if (since is { } s && until is { } u && u <= s)
                check.Report("$.meta.until", $"a day after since ({Rfc3339.FormatDate(s)}): until is exclusive", Rfc3339.FormatDate(u));
        }
        var papers = ImmutableArray.CreateBuilder<PaperRecord>();
        foreach (var (item, path) in check.Array(digest, "papers", P))
        {
            if (ReadPaper(item, path, check, zone) is { } paper) papers.Add(paper);
        }
        if (since is null || until is null || check.Problems.Count > 0) return null;
        if (!TryEnd(until.Value, zone, out var end))
        {
            check.Report("$.meta.until", "a day whose midnight exists as an instant in the time zone", Rfc3339.FormatDate(until.Value));
            return null;
        }
        return Digest(since.Value, until.Value, end, papers.ToImmutable());
    }

    private static DateOnly? Day(JsonFields meta, string name, JsonChecker check)
    {
        var s = check.String(meta, name, "$.meta");
        if (s is null) return null;
        if (TryDay(s, out var d)) return d;
        check.Report($"$.meta.{name}", "a date as YYYY/MM/DD", JsonChecker.Quote(s));
        return null;
    }

    internal static bool TryDay(string s, out DateOnly day) =>
        DateOnly.TryParseExact(s, ["yyyy/MM/dd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>The instant the digest's last day ends (until is exclusive), if it is one in the zone.</summary>
    internal static bool TryEnd(DateOnly until, TimeZoneInfo zone, out DateTimeOffset end) =>
        TryLocal(until.ToDateTime(TimeOnly.MinValue), zone, out end);

    /// <summary>
    /// The crawler recorded no collection time; the last tweet it saw is the latest time the counts can
    /// be from, and it is in the file, so the same file always gives the same post.
    /// </summary>
    internal static DigestRecords Digest(DateOnly since, DateOnly until, DateTimeOffset end, ImmutableArray<PaperRecord> papers)
    {
        var collected = end;
        foreach (var paper in papers)
        {
            foreach (var t in paper.Tweets)
            {
                if (t.Created?.Instant is { } i && i > collected) collected = i;
            }
        }
        return new(since, until.AddDays(-1), collected, false, papers, PostOverrides.None, RecordsFormat.LegacyCrawler);
    }

    internal static DateTimeOffset Local(DateTime wallClock, TimeZoneInfo zone) =>
        new(wallClock, zone.GetUtcOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified)));

    // Near 0001-01-01 or 9999-12-31 a local time can have no UTC instant; such a time is bad input, not a crash.
    internal static bool TryLocal(DateTime wallClock, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified));
        var utcTicks = wallClock.Ticks - offset.Ticks;
        instant = default;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks) return false;
        instant = new DateTimeOffset(wallClock, offset);
        return true;
    }

    /// <summary>The old generator joined the source's hard line breaks with one space each.</summary>
    internal static string OneLine(string s) => s.Replace("\r\n", "\n").Replace('\n', ' ');

    private static PaperRecord? ReadPaper(JsonElement element, string path, JsonChecker check, TimeZoneInfo zone)
    {
        if (!check.IsObject(element, path)) return null;
        var paper = check.FieldsOnce(element, path, PaperKeys);
        var before = check.Problems.Count;
        var title = check.String(paper, "title", path, nonEmpty: true);
        var authors = check.Strings(paper, "authors", path);
        var summary = check.String(paper, "summary", path, required: false) ?? "";
        var subjects = check.Strings(paper, "subjects", path);
        string? abs = null, pdf = null;
        if (check.Get(paper, "links", path, true) is { } linksElement && check.IsObject(linksElement, $"{path}.links"))
        {
            var links = check.FieldsOnce(linksElement, $"{path}.links", LinksKeys);
            abs = check.Url(links, "Abstract", $"{path}.links");
            pdf = check.Url(links, "Download PDF", $"{path}.links", required: false);
        }
        ArxivId? id = null;
        var idText = IdText(check.String(paper, "id", path, required: false), abs);
        if (idText is not null && !ArxivId.TryParse(idText, out id))
            check.Report($"{path}.id", "an arXiv id such as 2104.14421 or hep-th/9901001 (or an abs link that ends in one)", JsonChecker.Quote(idText));
        var tweets = ImmutableArray.CreateBuilder<TweetRecord>();
        foreach (var (item, p) in check.Array(paper, "tweets", path, required: false))
        {
            if (ReadTweet(item, p, check, zone) is { } tweet) tweets.Add(tweet);
        }
        check.CountSums(tweets, $"{path}.tweets");
        if (check.Problems.Count > before || id is null) return null;
        return Paper(id.Value, title!, [.. authors], summary, [.. subjects], abs!, pdf, tweets.ToImmutable());
    }

    internal static PaperRecord Paper(ArxivId id, string title, ImmutableArray<string> authors, string summary, ImmutableArray<string> subjects, string abs, string? pdf, ImmutableArray<TweetRecord> tweets) =>
        new(id, OneLine(title), authors, OneLine(summary), [.. subjects.Select(Category)], abs, pdf, null, null, tweets);

    /// <summary>The paper's id as written, else the end of its abs link.</summary>
    internal static string? IdText(string? id, string? abs) =>
        id ?? (abs is null ? null : abs[(abs.LastIndexOf("/abs/", StringComparison.Ordinal) is var k and >= 0 ? k + 5 : 0)..]);

    /// <summary><c>Machine Learning (cs.LG)</c> gives <c>cs.LG</c>: the text inside the last parentheses.</summary>
    internal static string Category(string subject)
    {
        var open = subject.LastIndexOf('(');
        var close = subject.LastIndexOf(')');
        return open >= 0 && close > open ? subject[(open + 1)..close] : subject.Trim();
    }

    private static TweetRecord? ReadTweet(JsonElement element, string path, JsonChecker check, TimeZoneInfo zone)
    {
        if (!check.IsObject(element, path)) return null;
        var tweet = check.FieldsOnce(element, path, TweetKeys);
        var before = check.Problems.Count;
        var url = check.Url(tweet, "link", path);
        var name = check.String(tweet, "name", path) ?? "";
        var handle = check.String(tweet, "username", path, nonEmpty: true);
        var text = check.String(tweet, "tweet", path);
        var retweets = check.Count(tweet, "retweets_count", path, required: true, allowNumericString: true);
        var likes = check.Count(tweet, "likes_count", path, required: true, allowNumericString: true);
        var day = check.String(tweet, "datestamp", path, required: false);
        var time = check.String(tweet, "timestamp", path, required: false);
        switch (TimeFault(day, time, zone, out var created))
        {
            case "datestamp":
                check.Report($"{path}.datestamp", "a date as YYYY-MM-DD", JsonChecker.Quote(day!));
                break;
            case "timestamp":
                check.Report($"{path}.timestamp", "a time as HH:MM:SS (that exists as an instant in the time zone)", JsonChecker.Quote(time!));
                break;
        }
        var lang = check.String(tweet, "lang", path, required: false);
        var embed = check.String(tweet, "html", path, required: false);
        string? retweetId = null;
        if (tweet.TryGet("retweet_id", out var rt) && rt.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            retweetId = rt.ValueKind == JsonValueKind.String ? rt.GetString() : rt.GetRawText();
        if (check.Problems.Count > before) return null;
        return Tweet(url!, name, handle!, text!, created, lang, retweets, likes, embed, retweetId);
    }

    internal static TweetRecord Tweet(string url, string name, string handle, string text, TweetTime? created, string? lang, long? retweets, long? likes, string? embed, string? retweetId) =>
        new(url, name, handle, text, created, string.IsNullOrEmpty(lang) ? null : lang, retweets, likes, embed,
            string.IsNullOrEmpty(retweetId) || retweetId == "0" ? null : retweetId);

    /// <summary>
    /// The tweet's time from the scraper's datestamp and timestamp, in the crawler's time zone: null when
    /// they make one (or there is no datestamp), else the key of the one that is not a date or time.
    /// </summary>
    internal static string? TimeFault(string? day, string? time, TimeZoneInfo zone, out TweetTime? created)
    {
        created = null;
        if (day is null) return null;
        if (!Rfc3339.TryParseDate(day, out var d)) return "datestamp";
        if (time is null)
            created = TweetTime.FromDay(d);
        else if (Rfc3339.TryParseTime(time, out var t) && TryLocal(d.ToDateTime(t), zone, out var instant))
            created = TweetTime.FromInstant(instant);
        else
            return "timestamp";
        return null;
    }
}
