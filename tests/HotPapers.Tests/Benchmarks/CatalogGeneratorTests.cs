using HotPapers.Benchmarks.Generation;
using HotPapers.Building;

namespace HotPapers.Tests.Benchmarks;

/// <summary>The bench's synthetic back catalog: the same seed gives the same bytes, and every day builds cleanly.</summary>
public sealed class CatalogGeneratorTests
{
    public static TheoryData<CatalogFormat> Formats => [CatalogFormat.Records, CatalogFormat.Legacy];

    private static Dictionary<string, byte[]> Files(string directory) =>
        Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_same_seed_gives_the_same_days_and_a_longer_catalog_begins_with_a_shorter_one(CatalogFormat format)
    {
        using var temp = Fixture.TempDir();
        CatalogGenerator.Generate(temp["a"], format, 3, 42, new DateOnly(2021, 1, 1));
        CatalogGenerator.Generate(temp["b"], format, 2, 42, new DateOnly(2021, 1, 1));
        CatalogGenerator.Generate(temp["c"], format, 2, 43, new DateOnly(2021, 1, 1));
        var a = Files(temp["a"]);
        var b = Files(temp["b"]);
        Assert.Equal(["2021-01-01.json", "2021-01-02.json", "2021-01-03.json"], a.Keys.Order());
        foreach (var (name, bytes) in b) Assert.Equal(bytes, a[name]);
        Assert.NotEqual(b["2021-01-01.json"], Files(temp["c"])["2021-01-01.json"]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_generated_day_builds_without_a_warning_into_a_post_of_its_papers(CatalogFormat format)
    {
        using var temp = Fixture.TempDir();
        CatalogGenerator.Generate(temp["records"], format, 20, 42, new DateOnly(2021, 1, 1));
        var result = new SiteBuilder(BuildSettings.Default with { RecordsPath = temp["records"], OutputDirectory = temp["posts"] })
            .Build(new BuildRequest(null, null, true, false));
        Assert.Equal(20, result.Posts.Count);
        Assert.Empty(result.Warnings);
        foreach (var post in result.Posts)
        {
            var text = File.ReadAllText(post.PostPath);
            // About 20 papers a day, most with tweets good enough to show.
            Assert.InRange(text.Split("\n# ").Length - 1, 5, 25);
            Assert.Contains("<blockquote class=\"twitter-tweet\">", text);
        }
    }
}
