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
    // The keys read, in the order they are checked; the crawler and the scraper wrote many more, which are
    // allowed and ignored.
    private static readonly JsonKeys RootKeys = new(otherKeys: true, "meta", "papers");
    private static readonly JsonKeys MetaKeys = new(otherKeys: true, "since", "until");
    private static readonly JsonKeys PaperKeys = new(otherKeys: true, "title", "authors", "summary?", "subjects", "links", "id?", "tweets?");
    private static readonly JsonKeys LinksKeys = new(otherKeys: true, "Abstract", "Download PDF?");
    private static readonly JsonKeys TweetKeys = new(otherKeys: true,
        "link", "name", "username", "tweet", "retweets_count", "likes_count", "datestamp?", "timestamp?", "lang?", "html?", "retweet_id?");

    private enum PaperKey { Title, Authors, Summary, Subjects, Links, Id, Tweets }

    private enum TweetKey { Link, Name, Username, Tweet, RetweetsCount, LikesCount, Datestamp, Timestamp, Lang, Html, RetweetId }

    /// <summary>The digest that is the value the reader is on, or null where the checker has problems with it.</summary>
    public static DigestRecords? Read(ref Utf8JsonReader r, JsonChecker check, TimeZoneInfo zone)
    {
        if (!check.Object(ref r, RootKeys)) return null;
        DateOnly? since = null, until = null;
        ImmutableArray<PaperRecord> papers = [];
        while (check.NextKey(ref r, out var key))
        {
            if (key == 0) (since, until) = ReadMeta(ref r, check);
            else papers = ReadPapers(ref r, check, zone);
        }
        check.EndObject();
        if (since is { } first && until is { } after && after > first) check.DaysRead(first, after.AddDays(-1));
        if (since is null || until is null || check.Problems.Count > 0) return null;
        if (!TryEnd(until.Value, zone, out var end))
        {
            check.Report("$.meta.until", "a day whose midnight exists as an instant in the time zone", Rfc3339.FormatDate(until.Value));
            return null;
        }
        return Digest(since.Value, until.Value, end, papers);
    }

    private static (DateOnly? Since, DateOnly? Until) ReadMeta(ref Utf8JsonReader r, JsonChecker check)
    {
        if (!check.Object(ref r, MetaKeys)) return (null, null);
        DateOnly? since = null, until = null;
        while (check.NextKey(ref r, out var key))
        {
            if (key == 0) since = Day(ref r, check);
            else until = Day(ref r, check);
        }
        if (since is { } s && until is { } u && u <= s)
            check.ReportAt(1, "$.meta.until", $"a day after since ({Rfc3339.FormatDate(s)}): until is exclusive", Rfc3339.FormatDate(u));
        check.EndObject();
        return (since, until);
    }

    private static DateOnly? Day(ref Utf8JsonReader r, JsonChecker check)
    {
        var d = check.Parse<DateOnly>(ref r, TryDay, out var at);
        if (d is null && at >= 0) check.Report(check.ValuePath(), "a date as YYYY/MM/DD", check.QuoteAt(at));
        return d;
    }

    internal static bool TryDay(ReadOnlySpan<char> s, out DateOnly day) =>
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
            foreach (var t in paper.Mentions)
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

    /// <summary>The old generator joined the source's hard line breaks (LF or CRLF) with one space each.</summary>
    /// <remarks>
    /// A lone CR stays. An abstract has a break every eighty characters or so: the text between two is moved
    /// as a whole (a vectorized search and copy), not a character at a time.
    /// </remarks>
    internal static int OneLine(Span<char> text)
    {
        var i = text.IndexOfAny('\r', '\n');
        if (i < 0) return text.Length;
        var length = i;
        while (i < text.Length)
        {
            // text[i] is a CR or an LF.
            if (text[i] == '\n' || (i + 1 < text.Length && text[i + 1] == '\n'))
            {
                i += text[i] == '\n' ? 1 : 2;
                text[length++] = ' ';
            }
            else
            {
                text[length++] = text[i++];
            }
            var run = text[i..].IndexOfAny('\r', '\n');
            if (run < 0) run = text.Length - i;
            // The run moves left over itself: CopyTo copies as if through a buffer.
            text.Slice(i, run).CopyTo(text[length..]);
            length += run;
            i += run;
        }
        return length;
    }

    private static ImmutableArray<PaperRecord> ReadPapers(ref Utf8JsonReader r, JsonChecker check, TimeZoneInfo zone)
    {
        if (!check.Array(ref r)) return [];
        var papers = ImmutableArray.CreateBuilder<PaperRecord>();
        var once = new PapersOnce();
        for (var index = 0; JsonChecker.Item(ref r); index++)
        {
            if (ReadPaper(ref r, check, zone, index, out var idKey) is { } paper && once.First(check, paper, index, idKey)) papers.Add(paper);
        }
        return papers.ToImmutable();
    }

    /// <param name="idKey">Where the paper's id is: its <c>id</c>, else its abs link (<c>links.Abstract</c>).</param>
    private static PaperRecord? ReadPaper(ref Utf8JsonReader r, JsonChecker check, TimeZoneInfo zone, int index, out string idKey)
    {
        idKey = "id";
        if (!check.Object(ref r, PaperKeys, index)) return null;
        string? title = null, summary = null, abs = null, pdf = null, idText = null;
        ImmutableArray<string> authors = [], categories = [];
        ImmutableArray<MentionRecord> tweets = [];
        while (check.NextKey(ref r, out var key))
        {
            switch ((PaperKey)key)
            {
                case PaperKey.Title: title = check.String(ref r, nonEmpty: true, OneLine); break;
                case PaperKey.Authors: authors = check.Strings(ref r); break;
                case PaperKey.Summary: summary = check.String(ref r, rewrite: OneLine); break;
                case PaperKey.Subjects: categories = check.Strings(ref r, repeated: true, Category, Subject); break;
                case PaperKey.Links: (abs, pdf) = check.Links(ref r, LinksKeys); break;
                case PaperKey.Id: idText = check.String(ref r); break;
                case PaperKey.Tweets: tweets = ReadTweets(ref r, check, zone); break;
            }
        }
        ArxivId? id = null;
        idKey = idText is null ? "links.Abstract" : "id";
        idText = IdText(idText, abs);
        if (idText is not null && !ArxivId.TryParse(idText, out id))
        {
            check.ReportAt((int)PaperKey.Id, check.KeyPath((int)PaperKey.Id),
                "an arXiv id such as 2104.14421 or hep-th/9901001 (or an abs link that ends in one)", JsonChecker.Quote(idText));
        }
        check.CountSums(tweets, (int)PaperKey.Tweets);
        // A key given twice is a problem with the file, not with the paper.
        if (check.EndObject().Values > 0 || id is null) return null;
        return new(id.Value, title!, authors, summary ?? "", categories, abs!, pdf, null, [], tweets);
    }

    /// <summary>The paper's id as written, else the end of its abs link.</summary>
    internal static string? IdText(string? id, string? abs) =>
        id ?? (abs is null ? null : abs[(abs.LastIndexOf("/abs/", StringComparison.Ordinal) is var k and >= 0 ? k + 5 : 0)..]);

    private const string Subject = "an arXiv subject as \"Robotics (cs.RO)\"";

    /// <summary>
    /// <c>Machine Learning (cs.LG)</c> gives <c>cs.LG</c>: the text inside the last parentheses (a subject
    /// without any, the subject: <c>cs.LG</c>). Empty where that is no arXiv category (<c>Robotics</c>):
    /// its link would be to no listing.
    /// </summary>
    internal static ReadOnlySpan<char> Category(ReadOnlySpan<char> subject)
    {
        var open = subject.LastIndexOf('(');
        var close = subject.LastIndexOf(')');
        var category = (open >= 0 && close > open ? subject[(open + 1)..close] : subject).Trim();
        return ArxivCategory.IsMatch(category) ? category : [];
    }

    private static ImmutableArray<MentionRecord> ReadTweets(ref Utf8JsonReader r, JsonChecker check, TimeZoneInfo zone)
    {
        if (!check.Array(ref r)) return [];
        var tweets = ImmutableArray.CreateBuilder<MentionRecord>();
        for (var index = 0; JsonChecker.Item(ref r); index++)
        {
            if (ReadTweet(ref r, check, zone, index) is { } tweet) tweets.Add(tweet);
        }
        return tweets.ToImmutable();
    }

    private static MentionRecord? ReadTweet(ref Utf8JsonReader r, JsonChecker check, TimeZoneInfo zone, int index)
    {
        if (!check.Object(ref r, TweetKeys, index)) return null;
        string? url = null, name = null, handle = null, text = null, lang = null, embed = null, retweetId = null;
        long? retweets = null, likes = null;
        DateOnly? day = null;
        TimeOnly? time = null;
        long dayAt = -1, timeAt = -1;
        while (check.NextKey(ref r, out var key))
        {
            switch ((TweetKey)key)
            {
                case TweetKey.Link: url = check.Url(ref r); break;
                case TweetKey.Name: name = check.String(ref r); break;
                case TweetKey.Username: handle = Handle(ref r, check); break;
                case TweetKey.Tweet: text = check.String(ref r); break;
                case TweetKey.RetweetsCount: retweets = check.Count(ref r, allowNumericString: true); break;
                case TweetKey.LikesCount: likes = check.Count(ref r, allowNumericString: true); break;
                case TweetKey.Datestamp: day = check.Parse<DateOnly>(ref r, Rfc3339.TryParseDate, out dayAt); break;
                case TweetKey.Timestamp: time = check.Parse<TimeOnly>(ref r, Rfc3339.TryParseTime, out timeAt); break;
                case TweetKey.Lang: lang = check.Repeated(ref r); break;
                case TweetKey.Html: embed = check.String(ref r); break;
                case TweetKey.RetweetId: retweetId = check.StatusId(ref r); break;
            }
        }
        const int After = (int)TweetKey.Timestamp;
        switch (TimeFault(day, dayAt, time, timeAt, zone, out var created))
        {
            case TweetKey.Datestamp:
                check.ReportAt(After, check.KeyPath((int)TweetKey.Datestamp), "a date as YYYY-MM-DD", check.QuoteAt(dayAt));
                break;
            case TweetKey.Timestamp:
                check.ReportAt(After, check.KeyPath((int)TweetKey.Timestamp), "a time as HH:MM:SS (that exists as an instant in the time zone)", check.QuoteAt(timeAt));
                break;
        }
        // A key given twice is a problem with the file, not with the tweet.
        if (check.EndObject().Values > 0) return null;
        return new(url!, name ?? "", handle!, text!, created, string.IsNullOrEmpty(lang) ? null : lang, retweets, likes, embed,
            string.IsNullOrEmpty(retweetId) || retweetId == "0" ? null : retweetId);
    }

    /// <summary>The twint scraper's username: a handle as the hotpapers format has it (<c>grace</c>, not <c>@grace</c>, which showed as "(@@grace)").</summary>
    private static string? Handle(ref Utf8JsonReader r, JsonChecker check)
    {
        var handle = check.String(ref r, nonEmpty: true);
        if (handle is null || RecordsReader.IsHandle(handle)) return handle;
        check.Report(check.ValuePath(), RecordsReader.TwitterHandle, JsonChecker.Quote(handle));
        return null;
    }

    /// <summary>
    /// The tweet's time from the scraper's datestamp and timestamp (as parsed, and where their texts are: -1
    /// for none), in the crawler's time zone: null when they make one (or there is no datestamp), else the key
    /// of the one that is not a date or time.
    /// </summary>
    private static TweetKey? TimeFault(DateOnly? day, long dayAt, TimeOnly? time, long timeAt, TimeZoneInfo zone, out TweetTime? created)
    {
        created = null;
        if (day is not { } d) return dayAt < 0 ? null : TweetKey.Datestamp;
        if (time is null && timeAt < 0)
            created = TweetTime.FromDay(d);
        else if (time is { } t && TryLocal(d.ToDateTime(t), zone, out var instant))
            created = TweetTime.FromInstant(instant);
        else
            return TweetKey.Timestamp;
        return null;
    }
}
