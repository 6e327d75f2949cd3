using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;

namespace HotPapers.Records;

/// <summary>
/// Reads the hotpapers records format: <c>hotpapers-records/1</c> (papers with tweets, see
/// <c>hotpapers-records.schema.json</c>) and <c>hotpapers-records/2</c> (papers with mentions from any
/// network, see <c>hotpapers-records-2.schema.json</c>). A version-1 tweet is a Twitter mention.
/// </summary>
internal static class RecordsReader
{
    public const string FormatName = "hotpapers-records/1";

    public const string FormatName2 = "hotpapers-records/2";

    // What an unknown key of version 2 in a file of version 1 is said to be (found by a new user's trial).
    private const string Version2Key = $"a key of version 2: say \"format\": \"{FormatName2}\"";

    // Every key of the format is listed: another is a problem. Listed in the order they are checked.
    private static readonly string[] DigestKeyNames = ["$schema?", "format", "date", "endDate?", "collectedAt", "ranked?", "post?", "papers"];
    private static readonly JsonKeys DigestKeys = new(otherKeys: false, DigestKeyNames)
    {
        OtherVersions = new Dictionary<string, string> { ["unanswered"] = Version2Key },
    };
    // Version 2's digest: version 1's keys, and which sources did not answer (last, as DigestKey has it).
    private static readonly JsonKeys DigestKeys2 = new(otherKeys: false, [.. DigestKeyNames, "unanswered?"]);
    private static readonly JsonKeys PostKeys = new(otherKeys: false, "title?", "template?", "draft?", "slug?", "category?", "tags?", "description?", "socialImage?", "rawText?", "layout?");
    private static readonly JsonKeys LayoutKeys = new(otherKeys: false, "afterFrontMatter?", "betweenSections?", "afterEmbeds?", "endOfFile?");
    private static readonly JsonKeys PaperKeys = new(otherKeys: false, "id", "title", "authors", "abstract", "categories", "links", "collectedAt?", "totals?", "tweets")
    {
        OtherVersions = new Dictionary<string, string> { ["mentions"] = Version2Key },
    };
    private static readonly JsonKeys LinksKeys = new(otherKeys: false, "abs", "pdf?");
    private static readonly JsonKeys TotalsKeys = new(otherKeys: false, "retweets", "favorites");
    private static readonly JsonKeys TweetKeys = new(otherKeys: false, "url", "author", "text", "created", "lang?", "retweets?", "favorites?", "embedHtml?", "retweetOf?");
    private static readonly JsonKeys AuthorKeys = new(otherKeys: false, "name", "handle");

    // Version 2: mentions instead of tweets, totals per network.
    private static readonly JsonKeys PaperKeys2 = new(otherKeys: false, "id", "title", "authors", "abstract", "categories", "links", "collectedAt?", "totals?", "mentions")
    {
        OtherVersions = new Dictionary<string, string> { ["tweets"] = "a key of version 1: version 2 has mentions" },
    };
    private static readonly JsonKeys NetworkTotalsKeys = new(otherKeys: false, [.. Networks.All.Select(n => n.Name() + "?")]);
    private static readonly JsonKeys TotalsKeys2 = new(otherKeys: false, "reposts", "likes");
    private static readonly JsonKeys MentionKeys = new(otherKeys: false, "network", "url", "author", "text", "created?", "lang?", "reposts?", "likes?", "replies?", "quotes?", "embedHtml?", "repostOf?");

    private enum DigestKey { Schema, Format, Date, EndDate, CollectedAt, Ranked, Post, Papers, Unanswered }

    private enum PostKey { Title, Template, Draft, Slug, Category, Tags, Description, SocialImage, RawText, Layout }

    private enum PaperKey { Id, Title, Authors, Abstract, Categories, Links, CollectedAt, Totals, Tweets }

    private enum TweetKey { Url, Author, Text, Created, Lang, Retweets, Favorites, EmbedHtml, RetweetOf }

    private enum MentionKey { Network, Url, Author, Text, Created, Lang, Reposts, Likes, Replies, Quotes, EmbedHtml, RepostOf }

    /// <summary>The digest that is the value the reader is on, or null where the checker has problems with it.</summary>
    public static DigestRecords? Read(ref Utf8JsonReader r, JsonChecker check)
    {
        // The keys depend on the version, which a file may give after them: looked up first.
        var version = r.TokenType == JsonTokenType.StartObject ? Version(r) : 1;
        if (!check.Object(ref r, version == 2 ? DigestKeys2 : DigestKeys)) return null;
        if (version == 0) return UnknownFormat(ref r, check);
        DateOnly? date = null, end = null;
        DateTimeOffset? collected = null;
        bool? ranked = null;
        var post = PostOverrides.None;
        ImmutableArray<PaperRecord> papers = [];
        ImmutableArray<Network> unanswered = [];
        while (check.NextKey(ref r, out var key))
        {
            switch ((DigestKey)key)
            {
                case DigestKey.Schema:
                    check.String(ref r);
                    break;
                case DigestKey.Format:
                    ReadFormat(ref r, check);
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
                    papers = ReadPapers(ref r, check, version);
                    break;
                case DigestKey.Unanswered:
                    unanswered = ReadUnanswered(ref r, check);
                    break;
            }
        }
        if (date is { } d && end is { } e && e < d)
            check.ReportAt((int)DigestKey.EndDate, check.KeyPath((int)DigestKey.EndDate), $"a date on or after the date {Rfc3339.FormatDate(d)}", Rfc3339.FormatDate(e));
        check.EndObject();
        if (date is { } first && (end ?? first) >= first) check.DaysRead(first, end ?? first);
        if (date is null || collected is null || check.Problems.Count > 0) return null;
        return new DigestRecords(date.Value, end ?? date.Value, collected.Value, ranked ?? false, papers, post, RecordsFormat.Records) { Unanswered = unanswered };
    }

    /// <summary>Version 2's <c>unanswered</c>: network names, each once, in any order (kept in the networks' order).</summary>
    private static ImmutableArray<Network> ReadUnanswered(ref Utf8JsonReader r, JsonChecker check)
    {
        if (!check.Array(ref r)) return [];
        var networks = new List<Network>();
        for (var index = 0; JsonChecker.Item(ref r); index++)
        {
            if (check.StringItem(ref r, index) is not { } name) continue;
            if (!Networks.TryParse(name, out var network))
                check.Report(check.ValuePath(index), "one of " + Networks.NameList, JsonChecker.Quote(name));
            else if (networks.Contains(network))
                check.Report(check.ValuePath(index), $"each network once (it is already at {check.ValuePath(networks.IndexOf(network))})", $"\"{name}\" again");
            else
                networks.Add(network);
        }
        return [.. networks.Order()];
    }

    /// <summary>
    /// 2 where the object the reader is on says <c>"format": "hotpapers-records/2"</c>, 1 where it says
    /// version 1 or gives no format, 0 where its format is any other value; the reader is a copy and stays where it is.
    /// </summary>
    private static int Version(Utf8JsonReader r)
    {
        // The reader has checked the JSON: in an object, a token is a key or the object's end. Most
        // files give the format first, so this reads one key.
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var isFormat = r.ValueTextEquals("format"u8);
            r.Read();
            if (isFormat)
                return r.TokenType != JsonTokenType.String ? 0 : r.ValueTextEquals(FormatName2) ? 2 : r.ValueTextEquals(FormatName) ? 1 : 0;
            r.Skip();
        }
        return 1;
    }

    /// <summary>
    /// A digest whose format is none this reader knows: that problem alone. Its other keys would be checked
    /// against a format the file is not in, and their problems would bury the one that matters.
    /// </summary>
    private static DigestRecords? UnknownFormat(ref Utf8JsonReader r, JsonChecker check)
    {
        while (check.NextKey(ref r, out var key))
        {
            if ((DigestKey)key == DigestKey.Format) ReadFormat(ref r, check);
            else r.Skip();
        }
        check.EndObject(only: (int)DigestKey.Format);
        return null;
    }

    private static void ReadFormat(ref Utf8JsonReader r, JsonChecker check)
    {
        if (check.String(ref r) is { } format && format != FormatName && format != FormatName2)
            check.Report(check.ValuePath(), $"\"{FormatName}\" or \"{FormatName2}\"", JsonChecker.Quote(format));
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
                case PostKey.Tags: tags = check.Strings(ref r); break;
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

    private static ImmutableArray<PaperRecord> ReadPapers(ref Utf8JsonReader r, JsonChecker check, int version)
    {
        if (!check.Array(ref r)) return [];
        var papers = ImmutableArray.CreateBuilder<PaperRecord>();
        var once = new PapersOnce();
        for (var index = 0; JsonChecker.Item(ref r); index++)
        {
            if (ReadPaper(ref r, check, index, version) is { } paper && once.First(check, paper, index)) papers.Add(paper);
        }
        return papers.ToImmutable();
    }

    // The two versions' papers differ only in their totals and in tweets or mentions, at the same keys.
    private static PaperRecord? ReadPaper(ref Utf8JsonReader r, JsonChecker check, int index, int version)
    {
        if (!check.Object(ref r, version == 2 ? PaperKeys2 : PaperKeys, index)) return null;
        ArxivId? id = null;
        string? title = null, summary = null, abs = null, pdf = null;
        ImmutableArray<string> authors = [], categories = [];
        DateTimeOffset? collected = null;
        ImmutableArray<EngagementTotals> totals = [];
        ImmutableArray<MentionRecord> tweets = [];
        while (check.NextKey(ref r, out var key))
        {
            switch ((PaperKey)key)
            {
                case PaperKey.Id: id = ReadId(ref r, check); break;
                case PaperKey.Title: title = check.String(ref r, nonEmpty: true); break;
                case PaperKey.Authors: authors = check.Strings(ref r); break;
                case PaperKey.Abstract: summary = check.String(ref r); break;
                case PaperKey.Categories: categories = check.Strings(ref r, repeated: true); break;
                case PaperKey.Links: (abs, pdf) = check.Links(ref r, LinksKeys); break;
                case PaperKey.CollectedAt: collected = check.Instant(ref r); break;
                case PaperKey.Totals: totals = version == 2 ? ReadNetworkTotals(ref r, check) : ReadTotals(ref r, check); break;
                case PaperKey.Tweets: tweets = version == 2 ? ReadMentions(ref r, check) : ReadTweets(ref r, check); break;
            }
        }
        check.CountSums(tweets, (int)PaperKey.Tweets);
        if (check.EndObject() != (0, 0)) return null;
        return new PaperRecord(id!.Value, title!, authors, summary!, categories, abs!, pdf, collected, totals, tweets);
    }

    private static ImmutableArray<EngagementTotals> ReadTotals(ref Utf8JsonReader r, JsonChecker check) =>
        ReadTotals(ref r, check, TotalsKeys, Network.Twitter) is { } totals ? [totals] : [];

    /// <summary>One network's totals: its reposts and likes, by the two names of <paramref name="keys"/>.</summary>
    private static EngagementTotals? ReadTotals(ref Utf8JsonReader r, JsonChecker check, JsonKeys keys, Network network)
    {
        if (!check.Object(ref r, keys)) return null;
        long? retweets = null, favorites = null;
        while (check.NextKey(ref r, out var key))
        {
            if (key == 0) retweets = check.Count(ref r);
            else favorites = check.Count(ref r);
        }
        check.EndObject();
        return retweets is { } rt && favorites is { } fav ? new(rt, fav, network) : null;
    }

    private delegate T? ItemReader<T>(ref Utf8JsonReader r, JsonChecker check, int index) where T : class;

    private static ImmutableArray<MentionRecord> ReadTweets(ref Utf8JsonReader r, JsonChecker check) => ReadItems<MentionRecord>(ref r, check, ReadTweet);

    private static ImmutableArray<MentionRecord> ReadMentions(ref Utf8JsonReader r, JsonChecker check) => ReadItems<MentionRecord>(ref r, check, ReadMention);

    private static ImmutableArray<T> ReadItems<T>(ref Utf8JsonReader r, JsonChecker check, ItemReader<T> read) where T : class
    {
        if (!check.Array(ref r)) return [];
        var items = ImmutableArray.CreateBuilder<T>();
        for (var index = 0; JsonChecker.Item(ref r); index++)
        {
            if (read(ref r, check, index) is { } item) items.Add(item);
        }
        return items.ToImmutable();
    }

    private static MentionRecord? ReadTweet(ref Utf8JsonReader r, JsonChecker check, int index)
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
                case TweetKey.Author: (name, handle) = ReadAuthor(ref r, check, twitter: true); break;
                case TweetKey.Text: text = check.String(ref r); break;
                case TweetKey.Created: created = ReadCreated(ref r, check); break;
                case TweetKey.Lang: lang = check.Repeated(ref r); break;
                case TweetKey.Retweets: retweets = check.Count(ref r); break;
                case TweetKey.Favorites: favorites = check.Count(ref r); break;
                case TweetKey.EmbedHtml: embed = check.String(ref r); break;
                case TweetKey.RetweetOf: retweetOf = check.String(ref r); break;
            }
        }
        if (check.EndObject() != (0, 0)) return null;
        return new MentionRecord(url!, name!, handle!, text!, created, lang, retweets, favorites, embed, retweetOf);
    }

    /// <param name="twitter">Whether the handle must be a Twitter handle (else any non-empty text).</param>
    private static (string? Name, string? Handle) ReadAuthor(ref Utf8JsonReader r, JsonChecker check, bool twitter)
    {
        if (!check.Object(ref r, AuthorKeys)) return (null, null);
        string? name = null, handle = null;
        while (check.NextKey(ref r, out var key))
        {
            if (key == 0) name = check.String(ref r);
            else handle = check.String(ref r, nonEmpty: true);
        }
        if (twitter && handle is not null && !IsHandle(handle))
            check.ReportAt(1, check.KeyPath(1), TwitterHandle, JsonChecker.Quote(handle));
        // Found by a docs audit: "@ada" was taken, and its post showed "(@@ada)". A Mastodon handle has an @
        // inside (user@server), so only a leading one is refused.
        else if (handle is not null && handle.StartsWith('@'))
            check.ReportAt(1, check.KeyPath(1), "a handle without the leading @ (ada, not @ada)", JsonChecker.Quote(handle));
        check.EndObject();
        return (name, handle);
    }

    /// <summary>What a Twitter handle must be (<see cref="IsHandle"/>), said of one that is not, in either format.</summary>
    internal const string TwitterHandle = "a Twitter handle of letters, digits and _ without @";

    private static ArxivId? ReadId(ref Utf8JsonReader r, JsonChecker check)
    {
        if (check.String(ref r, nonEmpty: true) is not { } idText) return null;
        if (ArxivId.TryParse(idText, out var id)) return id;
        check.Report(check.ValuePath(), "an arXiv id such as 2104.14421, 2104.14421v2 or hep-th/9901001", JsonChecker.Quote(idText));
        return null;
    }

    /// <summary>Version 2's totals: an object with a key per network.</summary>
    private static ImmutableArray<EngagementTotals> ReadNetworkTotals(ref Utf8JsonReader r, JsonChecker check)
    {
        if (!check.Object(ref r, NetworkTotalsKeys)) return [];
        var totals = new EngagementTotals?[Networks.All.Length];
        while (check.NextKey(ref r, out var key)) totals[key] = ReadTotals(ref r, check, TotalsKeys2, (Network)key);
        check.EndObject();
        return [.. totals.OfType<EngagementTotals>()];
    }

    private static MentionRecord? ReadMention(ref Utf8JsonReader r, JsonChecker check, int index)
    {
        if (!check.Object(ref r, MentionKeys, index)) return null;
        string? url = null, name = null, handle = null, text = null, lang = null, embed = null, repostOf = null;
        Network? network = null;
        TweetTime? created = null;
        long? reposts = null, likes = null, replies = null, quotes = null;
        while (check.NextKey(ref r, out var key))
        {
            switch ((MentionKey)key)
            {
                case MentionKey.Network:
                    network = null;
                    if (check.String(ref r) is not { } n) break;
                    if (Networks.TryParse(n, out var known)) network = known;
                    else check.Report(check.ValuePath(), "one of " + Networks.NameList, JsonChecker.Quote(n));
                    break;
                case MentionKey.Url: url = check.Url(ref r); break;
                case MentionKey.Author: (name, handle) = ReadAuthor(ref r, check, twitter: false); break;
                case MentionKey.Text: text = check.String(ref r); break;
                case MentionKey.Created: created = ReadCreated(ref r, check); break;
                case MentionKey.Lang: lang = check.Repeated(ref r); break;
                case MentionKey.Reposts: reposts = check.Count(ref r); break;
                case MentionKey.Likes: likes = check.Count(ref r); break;
                case MentionKey.Replies: replies = check.Count(ref r); break;
                case MentionKey.Quotes: quotes = check.Count(ref r); break;
                case MentionKey.EmbedHtml: embed = check.String(ref r); break;
                case MentionKey.RepostOf: repostOf = check.String(ref r); break;
            }
        }
        // The network may come after the author: a tweet's handle is checked once both are read.
        if (network == Network.Twitter && handle is not null && !IsHandle(handle))
            check.ReportAt((int)MentionKey.Author, check.KeyPath((int)MentionKey.Author) + ".handle", TwitterHandle, JsonChecker.Quote(handle));
        if (check.EndObject() != (0, 0)) return null;
        return new MentionRecord(url!, name!, handle!, text!, created, lang, reposts, likes, embed, repostOf, network!.Value, replies, quotes);
    }

    private static TweetTime? ReadCreated(ref Utf8JsonReader r, JsonChecker check)
    {
        var created = check.Parse<TweetTime>(ref r, TryCreated, out var at);
        if (created is null && at >= 0) check.Report(check.ValuePath(), "a date (YYYY-MM-DD) or an RFC 3339 timestamp with an offset", check.QuoteAt(at));
        return created;
    }

    /// <summary>A tweet's time: an instant, or only its day (no text is both: the timestamp, most tweets have, is asked first).</summary>
    internal static bool TryCreated(ReadOnlySpan<char> text, out TweetTime created)
    {
        created = default;
        if (Rfc3339.TryParse(text, out var instant)) created = TweetTime.FromInstant(instant);
        else if (Rfc3339.TryParseDate(text, out var day)) created = TweetTime.FromDay(day);
        else return false;
        return true;
    }

    /// <summary>1 to 50 of A-Z, a-z, 0-9 and _ (no @): checked for every tweet, without allocating.</summary>
    internal static bool IsHandle(string s) => s.Length is > 0 and <= 50 && !s.AsSpan().ContainsAnyExcept(HandleChars);

    private static readonly SearchValues<char> HandleChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
}
