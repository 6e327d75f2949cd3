using System.Globalization;
using System.Text.RegularExpressions;

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

/// <summary>Durations as <c>hotpapers.yml</c> writes them: a whole number and a unit, <c>90s</c>, <c>30m</c>, <c>12h</c>, <c>2d</c>; <c>0s</c> is none.</summary>
internal static partial class Durations
{
    public const string Expected = "a duration: a whole number followed by s, m, h or d (12h; 0s for none)";

    public static TimeSpan? Parse(string text)
    {
        var m = Pattern().Match(text);
        if (!m.Success || !int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
        var seconds = m.Groups[2].Value switch { "s" => 1L, "m" => 60L, "h" => 3600L, _ => 86400L } * n;
        return seconds <= 366L * 86400 ? TimeSpan.FromSeconds(seconds) : null;
    }

    /// <summary>The shortest text <see cref="Parse"/> reads back as <paramref name="span"/>.</summary>
    public static string Format(TimeSpan span)
    {
        var s = (long)span.TotalSeconds;
        if (s == 0) return "0s";
        return s % 86400 == 0 ? $"{s / 86400}d" : s % 3600 == 0 ? $"{s / 3600}h" : s % 60 == 0 ? $"{s / 60}m" : $"{s}s";
    }

    [GeneratedRegex(@"^([0-9]{1,9})([smhd])\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
