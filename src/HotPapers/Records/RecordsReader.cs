using System.Collections.Immutable;
using System.Text.Json;

namespace HotPapers.Records;

/// <summary>Reads the hotpapers records format (see <c>hotpapers-records.schema.json</c>).</summary>
internal static class RecordsReader
{
    public const string FormatName = "hotpapers-records/1";

    internal static readonly JsonKeys DigestKeys = new("$schema", "format", "date", "endDate", "collectedAt", "ranked", "post", "papers");
    internal static readonly JsonKeys PostKeys = new("title", "template", "draft", "slug", "category", "tags", "description", "socialImage", "rawText");
    internal static readonly JsonKeys PaperKeys = new("id", "title", "authors", "abstract", "categories", "links", "collectedAt", "totals", "tweets");
    internal static readonly JsonKeys LinksKeys = new("abs", "pdf");
    internal static readonly JsonKeys TotalsKeys = new("retweets", "favorites");
    internal static readonly JsonKeys TweetKeys = new("url", "author", "text", "created", "lang", "retweets", "favorites", "embedHtml", "retweetOf");
    internal static readonly JsonKeys AuthorKeys = new("name", "handle");

    public static DigestRecords? Read(JsonElement root, JsonChecker check)
    {
        const string P = "$";
        if (!check.IsObject(root, P)) return null;
        var digest = check.Fields(root, P, DigestKeys);
        check.String(digest, "$schema", P, required: false);
        var format = check.String(digest, "format", P);
        if (format is not null && format != FormatName)
            check.Report("$.format", $"\"{FormatName}\"", JsonChecker.Quote(format));
        var date = check.Date(digest, "date", P);
        var end = check.Date(digest, "endDate", P, required: false);
        if (date is { } d && end is { } e && e < d)
            check.Report("$.endDate", $"a date on or after the date {Rfc3339.FormatDate(d)}", Rfc3339.FormatDate(e));
        var collected = check.Instant(digest, "collectedAt", P);
        var ranked = check.Bool(digest, "ranked", P) ?? false;
        var post = digest.TryGet("post", out var postElement) ? ReadPost(postElement, check) : PostOverrides.None;

        var papers = ImmutableArray.CreateBuilder<PaperRecord>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, path) in check.Array(digest, "papers", P))
        {
            if (ReadPaper(item, path, check) is not { } paper) continue;
            var key = VersionlessId(paper.Id.Value);
            if (seen.TryGetValue(key, out var first))
                check.Report($"{path}.id", $"each paper once (it is already at {first})", $"\"{paper.Id}\" again");
            else
                seen[key] = path;
            papers.Add(paper);
        }
        if (date is null || collected is null || check.Problems.Count > 0) return null;
        return new DigestRecords(date.Value, end ?? date.Value, collected.Value, ranked, papers.ToImmutable(), post, RecordsFormat.Records);
    }

    internal static string VersionlessId(string id)
    {
        var v = id.LastIndexOf('v');
        return v > 0 && char.IsDigit(id[v - 1]) ? id[..v] : id;
    }

    private static PostOverrides ReadPost(JsonElement element, JsonChecker check)
    {
        const string P = "$.post";
        if (!check.IsObject(element, P)) return PostOverrides.None;
        var post = check.Fields(element, P, PostKeys);
        return new PostOverrides(
            Title: check.String(post, "title", P, required: false),
            Template: check.String(post, "template", P, required: false),
            Draft: check.Bool(post, "draft", P),
            Slug: check.String(post, "slug", P, required: false),
            Category: check.String(post, "category", P, required: false),
            Tags: post.TryGet("tags", out _) ? [.. check.Strings(post, "tags", P)] : null,
            Description: check.String(post, "description", P, required: false),
            SocialImage: check.String(post, "socialImage", P, required: false),
            RawText: check.Bool(post, "rawText", P));
    }

    private static PaperRecord? ReadPaper(JsonElement element, string path, JsonChecker check)
    {
        if (!check.IsObject(element, path)) return null;
        var before = check.Problems.Count;
        var paper = check.Fields(element, path, PaperKeys);
        var idText = check.String(paper, "id", path, nonEmpty: true);
        ArxivId? id = null;
        if (idText is not null && !ArxivId.TryParse(idText, out id))
            check.Report($"{path}.id", "an arXiv id such as 2104.14421, 2104.14421v2 or hep-th/9901001", JsonChecker.Quote(idText));
        var title = check.String(paper, "title", path, nonEmpty: true);
        var authors = check.Strings(paper, "authors", path);
        var summary = check.String(paper, "abstract", path);
        var categories = check.Strings(paper, "categories", path);
        string? abs = null, pdf = null;
        if (check.Get(paper, "links", path, required: true) is { } linksElement && check.IsObject(linksElement, $"{path}.links"))
        {
            var links = check.Fields(linksElement, $"{path}.links", LinksKeys);
            abs = check.Url(links, "abs", $"{path}.links");
            pdf = check.Url(links, "pdf", $"{path}.links", required: false);
        }
        var collected = check.Instant(paper, "collectedAt", path, required: false);
        EngagementTotals? totals = null;
        if (check.Get(paper, "totals", path, required: false) is { } totalsElement && check.IsObject(totalsElement, $"{path}.totals"))
        {
            var t = check.Fields(totalsElement, $"{path}.totals", TotalsKeys);
            var r = check.Count(t, "retweets", $"{path}.totals", required: true);
            var f = check.Count(t, "favorites", $"{path}.totals", required: true);
            if (r is not null && f is not null) totals = new(r.Value, f.Value);
        }
        var tweets = ImmutableArray.CreateBuilder<TweetRecord>();
        foreach (var (item, p) in check.Array(paper, "tweets", path))
        {
            if (ReadTweet(item, p, check) is { } tweet) tweets.Add(tweet);
        }
        check.CountSums(tweets, $"{path}.tweets");
        if (check.Problems.Count > before) return null;
        return new PaperRecord(id!.Value, title!, [.. authors], summary!, [.. categories], abs!, pdf, collected, totals, tweets.ToImmutable());
    }

    private static TweetRecord? ReadTweet(JsonElement element, string path, JsonChecker check)
    {
        if (!check.IsObject(element, path)) return null;
        var before = check.Problems.Count;
        var tweet = check.Fields(element, path, TweetKeys);
        var url = check.Url(tweet, "url", path);
        string? name = null, handle = null;
        var author = $"{path}.author";
        if (check.Get(tweet, "author", path, required: true) is { } authorElement && check.IsObject(authorElement, author))
        {
            var a = check.Fields(authorElement, author, AuthorKeys);
            name = check.String(a, "name", author);
            handle = check.String(a, "handle", author, nonEmpty: true);
            if (handle is not null && !IsHandle(handle))
            {
                check.Report($"{author}.handle", "a Twitter handle of letters, digits and _ without @", JsonChecker.Quote(handle));
            }
        }
        var text = check.String(tweet, "text", path);
        TweetTime? created = null;
        if (check.String(tweet, "created", path) is { } c)
        {
            if (TryCreated(c, out var time)) created = time;
            else check.Report($"{path}.created", "a date (YYYY-MM-DD) or an RFC 3339 timestamp with an offset", JsonChecker.Quote(c));
        }
        var lang = check.String(tweet, "lang", path, required: false);
        var retweets = check.Count(tweet, "retweets", path, required: false);
        var favorites = check.Count(tweet, "favorites", path, required: false);
        var embed = check.String(tweet, "embedHtml", path, required: false);
        var retweetOf = check.String(tweet, "retweetOf", path, required: false);
        if (check.Problems.Count > before) return null;
        return new TweetRecord(url!, name!, handle!, text!, created, lang, retweets, favorites, embed, retweetOf);
    }

    /// <summary>A tweet's time: only its day, or an instant.</summary>
    internal static bool TryCreated(string text, out TweetTime created)
    {
        created = default;
        if (Rfc3339.TryParseDate(text, out var day)) created = TweetTime.FromDay(day);
        else if (Rfc3339.TryParse(text, out var instant)) created = TweetTime.FromInstant(instant);
        else return false;
        return true;
    }

    internal static bool IsHandle(string s) => s.Length is > 0 and <= 50 && s.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
}
