using System.Collections.Immutable;
using System.Text.Json;

namespace HotPapers.Records;

/// <summary>Reads the hotpapers records format (see <c>hotpapers-records.schema.json</c>).</summary>
internal static class RecordsReader
{
    public const string FormatName = "hotpapers-records/1";

    // Every key of the format is listed: another is a problem. Listed in the order they are checked.
    private static readonly JsonKeys DigestKeys = new(otherKeys: false, "$schema?", "format", "date", "endDate?", "collectedAt", "ranked?", "post?", "papers");
    private static readonly JsonKeys PostKeys = new(otherKeys: false, "title?", "template?", "draft?", "slug?", "category?", "tags?", "description?", "socialImage?", "rawText?", "layout?");
    private static readonly JsonKeys LayoutKeys = new(otherKeys: false, "afterFrontMatter?", "betweenSections?", "afterEmbeds?", "endOfFile?");
    private static readonly JsonKeys PaperKeys = new(otherKeys: false, "id", "title", "authors", "abstract", "categories", "links", "collectedAt?", "totals?", "tweets");
    private static readonly JsonKeys LinksKeys = new(otherKeys: false, "abs", "pdf?");
    private static readonly JsonKeys TotalsKeys = new(otherKeys: false, "retweets", "favorites");
    private static readonly JsonKeys TweetKeys = new(otherKeys: false, "url", "author", "text", "created", "lang?", "retweets?", "favorites?", "embedHtml?", "retweetOf?");
    private static readonly JsonKeys AuthorKeys = new(otherKeys: false, "name", "handle");

    private enum DigestKey { Schema, Format, Date, EndDate, CollectedAt, Ranked, Post, Papers }

    private enum PostKey { Title, Template, Draft, Slug, Category, Tags, Description, SocialImage, RawText, Layout }

    private enum PaperKey { Id, Title, Authors, Abstract, Categories, Links, CollectedAt, Totals, Tweets }

    private enum TweetKey { Url, Author, Text, Created, Lang, Retweets, Favorites, EmbedHtml, RetweetOf }

    /// <summary>The digest that is the value the reader is on, or null where the checker has problems with it.</summary>
    public static DigestRecords? Read(ref Utf8JsonReader r, JsonChecker check)
    {
        if (!check.Object(ref r, DigestKeys)) return null;
        DateOnly? date = null, end = null;
        DateTimeOffset? collected = null;
        bool? ranked = null;
        var post = PostOverrides.None;
        ImmutableArray<PaperRecord> papers = [];
        while (check.NextKey(ref r, out var key))
        {
            switch ((DigestKey)key)
            {
                case DigestKey.Schema:
                    check.String(ref r);
                    break;
                case DigestKey.Format:
                    if (check.String(ref r) is { } format && format != FormatName)
                        check.Report(check.ValuePath(), $"\"{FormatName}\"", JsonChecker.Quote(format));
                    break;
                case DigestKey.Date:
                    date = check.Date(ref r);
                    break;
                case DigestKey.EndDate:
                    end = check.Date(ref r);
                    break;
                case DigestKey.CollectedAt:
                    collected = check.Instant(ref r);
                    break;
                case DigestKey.Ranked:
                    ranked = check.Bool(ref r);
                    break;
                case DigestKey.Post:
                    post = ReadPost(ref r, check);
                    break;
                case DigestKey.Papers:
                    papers = ReadPapers(ref r, check);
                    break;
            }
        }
        if (date is { } d && end is { } e && e < d)
            check.ReportAt((int)DigestKey.EndDate, check.KeyPath((int)DigestKey.EndDate), $"a date on or after the date {Rfc3339.FormatDate(d)}", Rfc3339.FormatDate(e));
        check.EndObject();
        if (date is null || collected is null || check.Problems.Count > 0) return null;
        return new DigestRecords(date.Value, end ?? date.Value, collected.Value, ranked ?? false, papers, post, RecordsFormat.Records);
    }

    internal static string VersionlessId(string id)
    {
        var v = id.LastIndexOf('v');
        return v > 0 && char.IsDigit(id[v - 1]) ? id[..v] : id;
    }

    private static PostOverrides ReadPost(ref Utf8JsonReader r, JsonChecker check)
    {
        if (!check.Object(ref r, PostKeys)) return PostOverrides.None;
        string? title = null, template = null, slug = null, category = null, description = null, socialImage = null;
        bool? draft = null, rawText = null;
        PostLayout? layout = null;
        ImmutableArray<string>? tags = null;
        while (check.NextKey(ref r, out var key))
        {
            switch ((PostKey)key)
            {
                case PostKey.Title: title = check.String(ref r); break;
                case PostKey.Template: template = check.String(ref r); break;
                case PostKey.Draft: draft = check.Bool(ref r); break;
                case PostKey.Slug: slug = check.String(ref r); break;
                case PostKey.Category: category = check.String(ref r); break;
                case PostKey.Tags: tags = [.. check.Strings(ref r)]; break;
                case PostKey.Description: description = check.String(ref r); break;
                case PostKey.SocialImage: socialImage = check.String(ref r); break;
                case PostKey.RawText: rawText = check.Bool(ref r); break;
                case PostKey.Layout: layout = ReadLayout(ref r, check); break;
            }
        }
        check.EndObject();
        return new PostOverrides(title, template, draft, slug, category, tags, description, socialImage, rawText, layout);
    }

    private static PostLayout? ReadLayout(ref Utf8JsonReader r, JsonChecker check)
    {
        if (!check.Object(ref r, LayoutKeys)) return null;
        var counts = new int?[4];
        while (check.NextKey(ref r, out var key)) counts[key] = (int?)check.Count(ref r, max: PostLayout.MaxCount);
        check.EndObject();
        return new PostLayout(counts[0], counts[1], counts[2], counts[3]);
    }

    private static ImmutableArray<PaperRecord> ReadPapers(ref Utf8JsonReader r, JsonChecker check)
    {
        if (!check.Array(ref r)) return [];
        var papers = ImmutableArray.CreateBuilder<PaperRecord>();
        // A paper given twice (in any version) is a problem: each id's first index.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; JsonChecker.Item(ref r); index++)
        {
            if (ReadPaper(ref r, check, index) is not { } paper) continue;
            var id = VersionlessId(paper.Id.Value);
            if (seen.TryGetValue(id, out var first))
                check.Report($"{check.ValuePath(index)}.id", $"each paper once (it is already at {check.ValuePath(first)})", $"\"{paper.Id}\" again");
            else
                seen[id] = index;
            papers.Add(paper);
        }
        return papers.ToImmutable();
    }

    private static PaperRecord? ReadPaper(ref Utf8JsonReader r, JsonChecker check, int index)
    {
        if (!check.Object(ref r, PaperKeys, index)) return null;
        ArxivId? id = null;
        string? title = null, summary = null, abs = null, pdf = null;
        List<string> authors = [], categories = [];
        DateTimeOffset? collected = null;
        EngagementTotals? totals = null;
        ImmutableArray<TweetRecord> tweets = [];
        while (check.NextKey(ref r, out var key))
        {
            switch ((PaperKey)key)
            {
                case PaperKey.Id:
                    id = null;
                    if (check.String(ref r, nonEmpty: true) is { } idText && !ArxivId.TryParse(idText, out id))
                        check.Report(check.ValuePath(), "an arXiv id such as 2104.14421, 2104.14421v2 or hep-th/9901001", JsonChecker.Quote(idText));
                    break;
                case PaperKey.Title: title = check.String(ref r, nonEmpty: true); break;
                case PaperKey.Authors: authors = check.Strings(ref r); break;
                case PaperKey.Abstract: summary = check.String(ref r); break;
                case PaperKey.Categories: categories = check.Strings(ref r); break;
                case PaperKey.Links: (abs, pdf) = check.Links(ref r, LinksKeys); break;
                case PaperKey.CollectedAt: collected = check.Instant(ref r); break;
                case PaperKey.Totals: totals = ReadTotals(ref r, check); break;
                case PaperKey.Tweets: tweets = ReadTweets(ref r, check); break;
            }
        }
        check.CountSums(tweets, (int)PaperKey.Tweets);
        if (check.EndObject() != (0, 0)) return null;
        return new PaperRecord(id!.Value, title!, [.. authors], summary!, [.. categories], abs!, pdf, collected, totals, tweets);
    }

    private static EngagementTotals? ReadTotals(ref Utf8JsonReader r, JsonChecker check)
    {
        if (!check.Object(ref r, TotalsKeys)) return null;
        long? retweets = null, favorites = null;
        while (check.NextKey(ref r, out var key))
        {
            if (key == 0) retweets = check.Count(ref r);
            else favorites = check.Count(ref r);
        }
        check.EndObject();
        return retweets is { } rt && favorites is { } fav ? new(rt, fav) : null;
    }

    private static ImmutableArray<TweetRecord> ReadTweets(ref Utf8JsonReader r, JsonChecker check)
    {
        if (!check.Array(ref r)) return [];
        var tweets = ImmutableArray.CreateBuilder<TweetRecord>();
        for (var index = 0; JsonChecker.Item(ref r); index++)
        {
            if (ReadTweet(ref r, check, index) is { } tweet) tweets.Add(tweet);
        }
        return tweets.ToImmutable();
    }

    private static TweetRecord? ReadTweet(ref Utf8JsonReader r, JsonChecker check, int index)
    {
        if (!check.Object(ref r, TweetKeys, index)) return null;
        string? url = null, name = null, handle = null, text = null, lang = null, embed = null, retweetOf = null;
        TweetTime? created = null;
        long? retweets = null, favorites = null;
        while (check.NextKey(ref r, out var key))
        {
            switch ((TweetKey)key)
            {
                case TweetKey.Url: url = check.Url(ref r); break;
                case TweetKey.Author: (name, handle) = ReadAuthor(ref r, check); break;
                case TweetKey.Text: text = check.String(ref r); break;
                case TweetKey.Created:
                    created = null;
                    if (check.String(ref r) is not { } c) break;
                    if (TryCreated(c, out var time)) created = time;
                    else check.Report(check.ValuePath(), "a date (YYYY-MM-DD) or an RFC 3339 timestamp with an offset", JsonChecker.Quote(c));
                    break;
                case TweetKey.Lang: lang = check.String(ref r); break;
                case TweetKey.Retweets: retweets = check.Count(ref r); break;
                case TweetKey.Favorites: favorites = check.Count(ref r); break;
                case TweetKey.EmbedHtml: embed = check.String(ref r); break;
                case TweetKey.RetweetOf: retweetOf = check.String(ref r); break;
            }
        }
        if (check.EndObject() != (0, 0)) return null;
        return new TweetRecord(url!, name!, handle!, text!, created, lang, retweets, favorites, embed, retweetOf);
    }

    private static (string? Name, string? Handle) ReadAuthor(ref Utf8JsonReader r, JsonChecker check)
    {
        if (!check.Object(ref r, AuthorKeys)) return (null, null);
        string? name = null, handle = null;
        while (check.NextKey(ref r, out var key))
        {
            if (key == 0) name = check.String(ref r);
            else handle = check.String(ref r, nonEmpty: true);
        }
        if (handle is not null && !IsHandle(handle))
            check.ReportAt(1, check.KeyPath(1), "a Twitter handle of letters, digits and _ without @", JsonChecker.Quote(handle));
        check.EndObject();
        return (name, handle);
    }

    /// <summary>A tweet's time: an instant, or only its day (no text is both: the timestamp, most tweets have, is asked first).</summary>
    internal static bool TryCreated(string text, out TweetTime created)
    {
        created = default;
        if (Rfc3339.TryParse(text, out var instant)) created = TweetTime.FromInstant(instant);
        else if (Rfc3339.TryParseDate(text, out var day)) created = TweetTime.FromDay(day);
        else return false;
        return true;
    }

    internal static bool IsHandle(string s) => s.Length is > 0 and <= 50 && s.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
}
