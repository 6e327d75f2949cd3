using HotPapers.Ranking;
using HotPapers.Rendering;
using HotPapers.Writing;

namespace HotPapers.Building;

/// <summary>Everything a build is configured with; every value has the old generator's default.</summary>
public sealed record BuildSettings
{
    public RankingSettings Ranking { get; init; } = RankingSettings.Default;
    public FrontMatterSettings FrontMatter { get; init; } = FrontMatterSettings.Default;

    /// <summary>The zone that times without an offset are read in (the old crawler's tweet times).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public string RecordsPath { get; init; } = Path.Combine("content", "records");
    public string OutputDirectory { get; init; } = Path.Combine("content", "posts");
    public string? TemplatesDirectory { get; init; }
    public string FileNamePattern { get; init; } = PostNaming.DefaultPattern;

    public static BuildSettings Default { get; } = new();
}
