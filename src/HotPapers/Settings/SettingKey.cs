using System.Collections.Immutable;
using HotPapers.Records;
using HotPapers.Rendering;

namespace HotPapers.Settings;

/// <summary>What a setting's value must be.</summary>
internal enum SettingType
{
    String,

    /// <summary>A string, or null for none.</summary>
    OptionalString,

    /// <summary>A contact address for a User-Agent header: printable ASCII, not blank, or null for none.</summary>
    Contact,

    /// <summary>A file name pattern: a string with <c>{date}</c> (and no other word in braces), relative, without <c>..</c>.</summary>
    FileNamePattern,

    /// <summary>A string in which <c>{date}</c> is the only word in braces (<see cref="Output.DatePattern"/>).</summary>
    DateText,

    /// <summary>A <see cref="DateText"/> with <c>{date}</c> in it: a slug, each post's own.</summary>
    DateSlug,

    /// <summary>A path, relative to the settings file's folder.</summary>
    Path,

    /// <summary>A path, or null for none.</summary>
    OptionalPath,
    Integer,
    Boolean,
    StringList,
    Flavor,
    TimeZone,

    /// <summary><c>script</c> or <c>static</c>.</summary>
    EmbedMode,

    /// <summary>A mapping from network names to weights, numbers from 0.</summary>
    NetworkWeights,

    /// <summary>A whole number from 1.</summary>
    PositiveInteger,

    /// <summary>A score: a number (whole or not) from 0, as weighted scores are.</summary>
    Score,

    /// <summary><c>static</c> or <c>live</c>.</summary>
    SiteEmbedMode,

    /// <summary>An absolute http(s) URL (made to end in <c>/</c>), or null for none.</summary>
    BaseUrl,
    /// <summary>A duration, <c>12h</c> (see <see cref="Durations"/>).</summary>
    Duration,

    /// <summary>A language tag as BCP 47 writes one (<c>en</c>, <c>pt-BR</c>), see <see cref="SiteSettings.IsLanguageTag"/>.</summary>
    LanguageTag,

    /// <summary>A collect source's mapping: <c>enabled</c>, <c>baseUrl</c>, <c>embedUrl</c> (see <see cref="CollectSettings.SourceKeys"/>).</summary>
    Source,
}

/// <summary>
/// One key of <c>hotpapers.yml</c>: its dotted name, type, CLI option, and where it goes in
/// <see cref="BuildSettings"/>. The reader, the README table and the JSON Schema test all work from
/// <see cref="SettingKeys.All"/>, so a key cannot be known to one and not the others.
/// </summary>
/// <param name="Name">Dotted: <c>flavor</c>, <c>ranking.maxTweets</c>, <c>post.title</c>.</param>
/// <param name="Get">The value in a <see cref="BuildSettings"/>, as the settings file writes it.</param>
/// <param name="Set">Puts a checked value (string, long, bool, string list, Flavor, TimeZoneInfo, weights) in.</param>
/// <param name="OldName">The key's earlier name, still read (dotted, in the same section); a file may not give both.</param>
internal sealed record SettingKey(
    string Name,
    SettingType Type,
    string? CliOption,
    string Description,
    Func<BuildSettings, object?> Get,
    Func<BuildSettings, object?, BuildSettings> Set,
    string? OldName = null)
{
    public string Section => Name.Contains('.') ? Name[..Name.IndexOf('.')] : "";

    public string Key => Name.Contains('.') ? Name[(Name.IndexOf('.') + 1)..] : Name;

    public string? OldKey => OldName is null ? null : OldName[(OldName.IndexOf('.') + 1)..];
}

internal static class SettingKeys
{
    public static IReadOnlyList<SettingKey> All { get; } =
    [
        new("flavor", SettingType.Flavor, "--flavor", "The kind of blog: gatsby (the old blog's format) or hugo.",
            s => Flavors.Name(s.Flavor), (s, v) => s with { Flavor = (Flavor)v! }),
        new("timezone", SettingType.TimeZone, "--timezone",
            "The site's zone (an IANA name such as Asia/Tokyo, UTC, or an offset such as +09:00): times without an offset are read in it, and \"yesterday\" is yesterday there.",
            s => s.TimeZone.Id, (s, v) => s with { TimeZone = (TimeZoneInfo)v! }),
        new("records", SettingType.Path, "--records", "A records file, or the folder of YYYY-MM-DD.json records files.",
            s => s.RecordsPath, (s, v) => s with { RecordsPath = (string)v! }),
        new("output", SettingType.Path, "--output", "The folder posts are written to.",
            s => s.OutputDirectory, (s, v) => s with { OutputDirectory = (string)v! }),
        new("fileName", SettingType.FileNamePattern, null,
            "The post's file name inside the output folder; {date} is 2021-04-30, or 2021-04-30-2021-05-02 for a range.",
            s => s.FileNamePattern, (s, v) => s with { FileNamePattern = (string)v! }),
        new("templates", SettingType.OptionalPath, "--templates", "A folder of templates that override the built-in ones by file name.",
            s => s.TemplatesDirectory, (s, v) => s with { TemplatesDirectory = (string?)v }),
        new("embeds", SettingType.EmbedMode, null,
            "script: tweets and Bluesky posts as their networks' embeds (with their scripts), other networks as static cards; static: every mention as a static card, so that posts load nothing from third parties.",
            s => s.StaticEmbeds ? "static" : "script", (s, v) => s with { StaticEmbeds = (bool)v! }),
        new("ranking.minPaperScore", SettingType.Score, null, "A paper is shown when its score (each network's weight times its reposts plus likes, summed) reaches this.",
            s => s.Ranking.MinPaperScore, (s, v) => s with { Ranking = s.Ranking with { MinPaperScore = (decimal)v! } }),
        new("ranking.minMentionScore", SettingType.Score, null, "A mention (tweet or post) is shown when its score (its network's weight times its reposts plus likes) reaches this. Old name: minTweetScore.",
            s => s.Ranking.MinMentionScore, (s, v) => s with { Ranking = s.Ranking with { MinMentionScore = (decimal)v! } }, "ranking.minTweetScore"),
        new("ranking.maxMentions", SettingType.Integer, null, "How many of a paper's best mentions are considered, before the score filter. Old name: maxTweets.",
            s => (long)s.Ranking.MaxMentions, (s, v) => s with { Ranking = s.Ranking with { MaxMentions = (int)(long)v! } }, "ranking.maxTweets"),
        new("ranking.weights", SettingType.NetworkWeights, null, "Each network's weight in the scores, by name (twitter, bluesky, mastodon, hackernews, huggingface, reddit); a network not listed weighs 1.",
            s => s.Ranking.Weights ?? ImmutableSortedDictionary<string, decimal>.Empty, (s, v) => s with { Ranking = s.Ranking with { Weights = (ImmutableSortedDictionary<string, decimal>)v! } }),
        new("ranking.requirePdf", SettingType.Boolean, null, "Leave out papers without a PDF link.",
            s => s.Ranking.RequirePdf, (s, v) => s with { Ranking = s.Ranking with { RequirePdf = (bool)v! } }),
        new("ranking.repeatAfterDays", SettingType.Integer, null,
            "Leave a paper out of a day's digest when one of the N days before showed it, by that day's own ranking of its records; 0 shows it again. Not for ranked records (imported posts), nor range digests.",
            s => (long)s.Ranking.RepeatAfterDays, (s, v) => s with { Ranking = s.Ranking with { RepeatAfterDays = (int)(long)v! } }),
        new("post.title", SettingType.DateText, null, "The title; {date} is 2021-04-30, or 2021-04-30 - 2021-05-02 for a range.",
            s => s.FrontMatter.TitlePattern, (s, v) => s with { FrontMatter = s.FrontMatter with { TitlePattern = (string)v! } }),
        new("post.description", SettingType.DateText, null, "The description; {date} as in post.title.",
            s => s.FrontMatter.DescriptionPattern, (s, v) => s with { FrontMatter = s.FrontMatter with { DescriptionPattern = (string)v! } }),
        new("post.slug", SettingType.DateSlug, null, "The slug, with {date} (as in post.title) so that each post has its own.",
            s => s.FrontMatter.SlugPattern, (s, v) => s with { FrontMatter = s.FrontMatter with { SlugPattern = (string)v! } }),
        new("post.category", SettingType.String, null, "The category (Gatsby: category; Hugo: categories).",
            s => s.FrontMatter.Category, (s, v) => s with { FrontMatter = s.FrontMatter with { Category = (string)v! } }),
        new("post.tags", SettingType.StringList, null, "The tags.",
            s => s.FrontMatter.Tags, (s, v) => s with { FrontMatter = s.FrontMatter with { Tags = (ImmutableArray<string>)v! } }),
        new("post.socialImage", SettingType.String, null, "The image shown when the post is shared (Gatsby: socialImage; Hugo: images); empty for none.",
            s => s.FrontMatter.SocialImage, (s, v) => s with { FrontMatter = s.FrontMatter with { SocialImage = (string)v! } }),
        new("post.template", SettingType.String, null, "The Gatsby (Lumen) page template named in the front matter.",
            s => s.FrontMatter.Template, (s, v) => s with { FrontMatter = s.FrontMatter with { Template = (string)v! } }),
        new("post.draft", SettingType.Boolean, null, "Mark posts as drafts.",
            s => s.FrontMatter.Draft, (s, v) => s with { FrontMatter = s.FrontMatter with { Draft = (bool)v! } }),
        new("site.title", SettingType.String, null, "The HTML site's name: every page's header, the feeds' title.",
            s => s.Site.Title, (s, v) => s with { Site = s.Site with { Title = (string)v! } }),
        new("site.description", SettingType.String, null, "What the site is, one sentence: the home page's description, the feeds' subtitle.",
            s => s.Site.Description, (s, v) => s with { Site = s.Site with { Description = (string)v! } }),
        new("site.author", SettingType.String, null, "Who publishes the site (the pages' author, the feeds' author); empty for none.",
            s => s.Site.Author, (s, v) => s with { Site = s.Site with { Author = (string)v! } }),
        new("site.baseUrl", SettingType.BaseUrl, "--base-url",
            "The site's absolute address (https://example.github.io/papers/): canonical links, Open Graph URLs, sitemap.xml and the feeds need it; null for none (they are left out).",
            s => s.Site.BaseUrl?.AbsoluteUri, (s, v) => s with { Site = s.Site with { BaseUrl = (Uri?)v } }),
        new("site.embeds", SettingType.SiteEmbedMode, null,
            "static: every mention as a static card, so that the site loads nothing from third parties; live: tweets and Bluesky posts as their networks' embeds (with their scripts), the others as cards.",
            s => s.Site.LiveEmbeds ? "live" : "static", (s, v) => s with { Site = s.Site with { LiveEmbeds = (bool)v! } }),
        new("site.pageSize", SettingType.PositiveInteger, null, "How many digests a listing page (home, category) shows before it links to the next page.",
            s => (long)s.Site.PageSize, (s, v) => s with { Site = s.Site with { PageSize = (int)(long)v! } }),
        new("site.feedItems", SettingType.PositiveInteger, null, "How many of the latest digests each feed carries (days no paper made are left out).",
            s => (long)s.Site.FeedItems, (s, v) => s with { Site = s.Site with { FeedItems = (int)(long)v! } }),
        new("site.output", SettingType.Path, "--output", "The folder the HTML site is written to (hotpapers site).",
            s => s.Site.OutputDirectory, (s, v) => s with { Site = s.Site with { OutputDirectory = (string)v! } }),
        new("site.about", SettingType.String, null, "The about page's text; a blank line starts a new paragraph.",
            s => s.Site.About, (s, v) => s with { Site = s.Site with { About = (string)v! } }),
        new("site.language", SettingType.LanguageTag, null, "The pages' and feeds' language, a BCP 47 tag (the html element's lang).",
            s => s.Site.Language, (s, v) => s with { Site = s.Site with { Language = (string)v! } }),
        new("collect.contact", SettingType.Contact, null, "A contact address (an email or a URL) that collect puts in its User-Agent, as arXiv and the others ask; null for none.",
            s => s.Collect.Contact, (s, v) => s with { Collect = s.Collect with { Contact = (string?)v } }),
        new("collect.cache", SettingType.Path, null, "The folder collect keeps every response in, for --offline and for reruns.",
            s => s.Collect.CachePath, (s, v) => s with { Collect = s.Collect with { CachePath = (string)v! } }),
        new("collect.cacheMaxAge", SettingType.Duration, null, "A cached response younger than this (12h, 30m, 2d; 0s for never) is used instead of asking again.",
            s => Durations.Format(s.Collect.CacheMaxAge), (s, v) => s with { Collect = s.Collect with { CacheMaxAge = (TimeSpan)v! } }),
        Source("arxiv", "arXiv's export API, for every mentioned paper's title, authors, abstract and categories (always asked).", c => c.Arxiv, (c, v) => c with { Arxiv = v }),
        Source("huggingface", "Hugging Face Daily Papers: the day's papers with their upvotes and comments.", c => c.HuggingFace, (c, v) => c with { HuggingFace = v }),
        Source("hackernews", "Hacker News (its Algolia search): the day's stories linking arxiv.org, with points and comments.", c => c.HackerNews, (c, v) => c with { HackerNews = v }),
        Source("bluesky", "Bluesky: posts linking arxiv.org (needs HOTPAPERS_BLUESKY_HANDLE and HOTPAPERS_BLUESKY_APP_PASSWORD), embeds from embedUrl.", c => c.Bluesky, (c, v) => c with { Bluesky = v }),
        Source("twitter", "X: posts linking arxiv.org (needs HOTPAPERS_TWITTER_BEARER_TOKEN, a paid API), embeds from embedUrl.", c => c.Twitter, (c, v) => c with { Twitter = v }),
        Source("mastodon", "Mastodon: an instance's public posts linking arxiv.org, where the instance allows it.", c => c.Mastodon, (c, v) => c with { Mastodon = v }),
    ];

    public static IReadOnlyList<string> Sections { get; } = ["ranking", "post", "collect", "site"];

    private static SettingKey Source(string name, string description, Func<CollectSettings, SourceSettings> get, Func<CollectSettings, SourceSettings, CollectSettings> set) =>
        new("collect." + name, SettingType.Source, null, $"{description} A mapping of {string.Join(", ", CollectSettings.SourceKeys(name))}.",
            s => get(s.Collect), (s, v) => s with { Collect = set(s.Collect, (SourceSettings)v!) });

    /// <summary>The key of this name, or of this old name.</summary>
    public static SettingKey? Find(string name) => All.FirstOrDefault(k => k.Name == name || k.OldName == name);
}
