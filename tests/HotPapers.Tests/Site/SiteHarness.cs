using HotPapers.Settings;
using HotPapers.Site;

namespace HotPapers.Tests.Site;

/// <summary>Sites generated into temporary folders, and their files read back.</summary>
internal static class SiteHarness
{
    public static readonly Uri BaseUrl = new("https://example.org/papers/");

    /// <summary>A records folder with the shipped sample's days in it (2021-04-30, 2021-05-03 by default).</summary>
    public static string SampleRecords(TempDir temp, params string[] days)
    {
        var records = temp["records"];
        Directory.CreateDirectory(records);
        foreach (var day in days.Length > 0 ? days : ["2021-04-30", "2021-05-03"])
            File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", day + ".json"), Path.Combine(records, day + ".json"));
        return records;
    }

    public static BuildSettings Settings(string records, string output, Func<SiteSettings, SiteSettings>? site = null) =>
        BuildSettings.Default with
        {
            RecordsPath = records,
            Site = (site ?? (s => s))(SiteSettings.Default with { OutputDirectory = output, BaseUrl = BaseUrl }),
        };

    public static SiteResult Generate(string records, string output, Func<SiteSettings, SiteSettings>? site = null, string? templates = null) =>
        new SiteGenerator(Settings(records, output, site) with { TemplatesDirectory = templates }).Generate();

    /// <summary>Every file of the site but hotpapers' own dot files, by path relative to the site (with /).</summary>
    public static SortedDictionary<string, byte[]> Files(string output)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(output, path).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.Split('/').Any(part => part.StartsWith(".hotpapers", StringComparison.Ordinal))) continue;
            files[relative] = File.ReadAllBytes(path);
        }
        return files;
    }
}
