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

    /// <summary>
    /// A records folder from which a site has a page of every kind (the accessibility and HTML checks): the
    /// sample's two days and <see cref="BrowserTests"/>' day of long unbroken words, three digests, so that
    /// with a page size of 1 (<see cref="EveryKindPageSize"/>) the home page and a category have a page 2.
    /// </summary>
    public static string EveryKindRecords(TempDir temp)
    {
        var records = SampleRecords(temp);
        File.WriteAllText(Path.Combine(records, "2021-04-29.json"), BrowserTests.LongWordsRecords);
        return records;
    }

    public const int EveryKindPageSize = 1;

    /// <summary>A page of each kind in a site of <see cref="EveryKindRecords"/>, by path in the site.</summary>
    public static readonly (string Kind, string Path)[] EveryKindPages =
    [
        ("home", "index.html"),
        ("home page 2", "page/2/index.html"),
        ("day", "2021/04/30/index.html"),
        ("day of Bluesky and other networks", "2021/05/03/index.html"),
        ("day of long words", "2021/04/29/index.html"),
        ("month", "2021/04/index.html"),
        ("archive", "archive/index.html"),
        ("categories", "category/index.html"),
        ("category", "category/cs.LG/index.html"),
        ("category page 2", "category/cs.LG/page/2/index.html"),
        ("about", "about/index.html"),
        ("404", "404.html"),
    ];

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
