using System.Collections.Immutable;
using System.Text.Json;

namespace HotPapers.Records;

/// <summary>Reads the hotpapers records format (see <c>hotpapers-records.schema.json</c>).</summary>
internal static class RecordsReader
{
    public const string FormatName = "hotpapers-records/1";

    private static readonly JsonKeys DigestKeys = new("$schema", "format", "date", "endDate", "collectedAt", "ranked", "post", "papers");
    private static readonly JsonKeys PostKeys = new("title", "template", "draft", "slug", "category", "tags", "description", "socialImage", "rawText");
    private static readonly JsonKeys PaperKeys = new("id", "title", "authors", "abstract", "categories", "links", "collectedAt", "totals", "tweets");
    private static readonly JsonKeys LinksKeys = new("abs", "pdf");
    private static readonly JsonKeys TotalsKeys = new("retweets", "favorites");
    private static readonly JsonKeys TweetKeys = new("url", "author", "text", "created", "lang", "retweets", "favorites", "embedHtml", "retweetOf");
    private static readonly JsonKeys AuthorKeys = new("name", "handle");

    public static DigestRecords? Read(JsonElement root, JsonChecker check)
    {
        const string P = "$";
        if (!check.IsObject(root, P)) return null;
        check.NoOtherKeys(root, P, DigestKeys);
        check.String(root, "$schema", P, required: false);
        var format = check.String(root, "format", P);
        if (format is not null && format != FormatName)
            check.Report("$.format", $"\"{FormatName}\"", JsonChecker.Quote(format));
        var date = check.Date(root, "date", P);
        var end = check.Date(root, "endDate", P, required: false);
        if (date is { } d && end is { } e && e < d)
            check.Report("$.endDate", $"a date on or after the date {Rfc3339.FormatDate(d)}", Rfc3339.FormatDate(e));
        var collected = check.Instant(root, "collectedAt", P);
        var ranked = check.Bool(root, "ranked", P) ?? false;
        var post = root.TryGetProperty("post", out var postElement) ? ReadPost(postElement, check) : PostOverrides.None;

        var papers = ImmutableArray.CreateBuilder<PaperRecord>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, path) in check.Array(root, "papers", P))
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

    private static string VersionlessId(string id)
    {
        var v = id.LastIndexOf('v');
        return v > 0 && char.IsDigit(id[v - 1]) ? id[..v] : id;
    }

    private static PostOverrides ReadPost(JsonElement post, JsonChecker check)
    {
        const string P = "$.post";
        if (!check.IsObject(post, P)) return PostOverrides.None;
        check.NoOtherKeys(post, P, PostKeys);
        return new PostOverrides(
            Title: check.String(post, "title", P, required: false),
            Template: check.String(post, "template", P, required: false),
            Draft: check.Bool(post, "draft", P),
            Slug: check.String(post, "slug", P, required: false),
            Category: check.String(post, "category", P, required: false),
            Tags: post.TryGetProperty("tags", out _) ? [.. check.Strings(post, "tags", P)] : null,
            Description: check.String(post, "description", P, required: false),
            SocialImage: check.String(post, "socialImage", P, required: false),
            RawText: check.Bool(post, "rawText", P));
    }

    private static PaperRecord? ReadPaper(JsonElement paper, string path, JsonChecker check)
    {
        if (!check.IsObject(paper, path)) return null;
        var before = check.Problems.Count;
        check.NoOtherKeys(paper, path, PaperKeys);
        var idText = check.String(paper, "id", path, nonEmpty: true);
        ArxivId? id = null;
        if (idText is not null && !ArxivId.TryParse(idText, out id))
            check.Report($"{path}.id", "an arXiv id such as 2104.14421, 2104.14421v2 or hep-th/9901001", JsonChecker.Quote(idText));
        var title = check.String(paper, "title", path, nonEmpty: true);
        var authors = check.Strings(paper, "authors", path);
        var summary = check.String(paper, "abstract", path);
        var categories = check.Strings(paper, "categories", path);
        string? abs = null, pdf = null;
        if (check.Get(paper, "links", path, required: true) is { } links && check.IsObject(links, $"{path}.links"))
        {
            check.NoOtherKeys(links, $"{path}.links", LinksKeys);
            abs = check.Url(links, "abs", $"{path}.links");
            pdf = check.Url(links, "pdf", $"{path}.links", required: false);
        }
        var collected = check.Instant(paper, "collectedAt", path, required: false);
        EngagementTotals? totals = null;
        if (check.Get(paper, "totals", path, required: false) is { } t && check.IsObject(t, $"{path}.totals"))
        {
            check.NoOtherKeys(t, $"{path}.totals", TotalsKeys);
            var r = check.Get(t, "retweets", $"{path}.totals", true) is { } rv ? check.Count(rv, $"{path}.totals.retweets", false) : null;
            var f = check.Get(t, "favorites", $"{path}.totals", true) is { } fv ? check.Count(fv, $"{path}.totals.favorites", false) : null;
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

    private static TweetRecord? ReadTweet(JsonElement tweet, string path, JsonChecker check)
    {
        if (!check.IsObject(tweet, path)) return null;
        var before = check.Problems.Count;
        check.NoOtherKeys(tweet, path, TweetKeys);
        var url = check.Url(tweet, "url", path);
        string? name = null, handle = null;
        if (check.Get(tweet, "author", path, required: true) is { } a && check.IsObject(a, $"{path}.author"))
        {
            check.NoOtherKeys(a, $"{path}.author", AuthorKeys);
            name = check.String(a, "name", $"{path}.author");
            handle = check.String(a, "handle", $"{path}.author", nonEmpty: true);
            if (handle is not null && !IsHandle(handle))
            {
                check.Report($"{path}.author.handle", "a Twitter handle of letters, digits and _ without @", JsonChecker.Quote(handle));
            }
        }
        var text = check.String(tweet, "text", path);
        TweetTime? created = null;
        if (check.String(tweet, "created", path) is { } c)
        {
            if (Rfc3339.TryParseDate(c, out var day)) created = TweetTime.FromDay(day);
            else if (Rfc3339.TryParse(c, out var instant)) created = TweetTime.FromInstant(instant);
            else check.Report($"{path}.created", "a date (YYYY-MM-DD) or an RFC 3339 timestamp with an offset", JsonChecker.Quote(c));
        }
        var lang = check.String(tweet, "lang", path, required: false);
        long? retweets = check.Get(tweet, "retweets", path, false) is { } rv ? check.Count(rv, $"{path}.retweets", false) : null;
        long? favorites = check.Get(tweet, "favorites", path, false) is { } fv ? check.Count(fv, $"{path}.favorites", false) : null;
        var embed = check.String(tweet, "embedHtml", path, required: false);
        var retweetOf = check.String(tweet, "retweetOf", path, required: false);
        if (check.Problems.Count > before) return null;
        return new TweetRecord(url!, name!, handle!, text!, created, lang, retweets, favorites, embed, retweetOf);
    }

    internal static bool IsHandle(string s) => s.Length is > 0 and <= 50 && s.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
}
