namespace HotPapers.Settings;

/// <summary><c>hotpapers.yml</c>'s <c>collect:</c> section: where collect asks, who it says it is, and how long its answers are kept.</summary>
internal sealed record CollectSettings
{
    /// <summary>The contact address put in the User-Agent (arXiv and the others ask for one); null when not set.</summary>
    public string? Contact { get; init; }

    public SourceSettings Arxiv { get; init; } = new(true, new Uri("https://export.arxiv.org"));
    public SourceSettings HuggingFace { get; init; } = new(true, new Uri("https://huggingface.co"));
    public SourceSettings HackerNews { get; init; } = new(true, new Uri("https://hn.algolia.com"));
    public SourceSettings Bluesky { get; init; } = new(true, new Uri("https://bsky.social"), new Uri("https://embed.bsky.app"));
    public SourceSettings Twitter { get; init; } = new(true, new Uri("https://api.x.com"), new Uri("https://publish.x.com"));
    public SourceSettings Mastodon { get; init; } = new(false, new Uri("https://mastodon.social"));

    /// <summary>The folder every response is kept in; relative to the settings file's folder.</summary>
    public string CachePath { get; init; } = DefaultCachePath;

    /// <summary>A cached response younger than this is used instead of asking again.</summary>
    public TimeSpan CacheMaxAge { get; init; } = TimeSpan.FromHours(12);

    public const string DefaultCachePath = ".hotpapers/cache";

    public static CollectSettings Default { get; } = new();

    /// <summary>The keys each source's mapping takes, by source: arXiv is always asked (every paper needs its metadata); only the networks with oEmbed have an embedUrl.</summary>
    public static IReadOnlyList<string> SourceKeys(string source) => source switch
    {
        "arxiv" => ["baseUrl"],
        "bluesky" or "twitter" => ["enabled", "baseUrl", "embedUrl"],
        _ => ["enabled", "baseUrl"],
    };
}
