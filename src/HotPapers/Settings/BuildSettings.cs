using HotPapers.Ranking;
using HotPapers.Rendering;
using HotPapers.Output;

namespace HotPapers.Settings;

/// <summary>Everything a build is configured with; every value has the old generator's default.</summary>
public sealed record BuildSettings
{
    /// <summary>The kind of blog: picks the built-in post template (see <see cref="Flavors.PostTemplate"/>).</summary>
    public Flavor Flavor { get; init; } = Flavor.Gatsby;

    public RankingSettings Ranking { get; init; } = RankingSettings.Default;
    public FrontMatterSettings FrontMatter { get; init; } = FrontMatterSettings.Default;

    /// <summary>
    /// The site's zone: times without an offset are read in it (the old crawler's tweet times), "yesterday"
    /// is yesterday there, and import reads dates in it unless told otherwise.
    /// </summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public string RecordsPath { get; init; } = Path.Combine("content", "records");
    public string OutputDirectory { get; init; } = Path.Combine("content", "posts");
    public string? TemplatesDirectory { get; init; }
    public string FileNamePattern { get; init; } = PostNaming.DefaultPattern;

    /// <summary><c>embeds: static</c>: every mention is a static card, so that posts load nothing from third parties.</summary>
    public bool StaticEmbeds { get; init; }

    /// <summary>The HTML site's settings (<c>site:</c>), for <c>hotpapers site</c>.</summary>
    public SiteSettings Site { get; init; } = SiteSettings.Default;
    /// <summary>What collect asks and how (the <c>collect:</c> section).</summary>
    internal CollectSettings Collect { get; init; } = CollectSettings.Default;

    /// <summary>The settings file these came from; null for the built-in defaults (no file was found or given).</summary>
    public string? SourceFile { get; init; }

    public static BuildSettings Default { get; } = new();

    /// <summary>
    /// A warning when no templates folder is set and a <c>templates</c> folder beside the settings file holds any of
    /// <paramref name="names"/> (or, with <paramref name="staticFolder"/>, the site's <c>static/</c>): found by new users'
    /// trials, a page template and a CNAME put there were not used, and nothing said so.
    /// </summary>
    internal string? UnreadTemplatesFolder(IEnumerable<string> names, bool staticFolder = false)
    {
        // Without a settings file there is no blog of the user's to look beside (the repository's own templates/ is the built-in sources).
        if (TemplatesDirectory is not null || SourceFile is null) return null;
        var folder = Path.Combine(Path.GetDirectoryName(SourceFile) ?? "", "templates");
        List<string> found = [.. names.Where(name => File.Exists(Path.Combine(folder, name)))];
        if (staticFolder && Directory.Exists(Path.Combine(folder, "static"))) found.Add("static/");
        // The folder named with its separator: "templates: is not read" read as the setting's key.
        return found.Count == 0 ? null
            : $"{folder}{Path.DirectorySeparatorChar}: not read, since no templates folder is set, so its {string.Join(", ", found)} "
                + $"{(found.Count == 1 ? "changes" : "change")} nothing: add \"templates: templates\" to {SourceFile}, or pass --templates {folder}";
    }
}
