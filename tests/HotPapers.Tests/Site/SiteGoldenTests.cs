using HotPapers.Site;

namespace HotPapers.Tests.Site;

/// <summary>
/// The site of the shipped sample (content/records/2021-04-30.json) byte for byte, every file of it, under
/// Fixtures/site/sample/ (HOTPAPERS_UPDATE_GOLDEN=1 rewrites them; review the diff).
/// </summary>
public sealed class SiteGoldenTests
{
    [Fact]
    public void The_sample_site_is_its_golden_files()
    {
        using var temp = Fixture.TempDir();
        var result = SiteHarness.Generate(SiteHarness.SampleRecords(temp, "2021-04-30"), temp["public"]);
        var files = SiteHarness.Files(temp["public"]);
        Assert.Equal(1, result.Digests);
        Assert.Equal(files.Count, result.Files);
        var golden = Fixture.Path("site", "sample");
        if (!Golden.Updating)
        {
            var expected = Directory.EnumerateFiles(golden, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(golden, p).Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal);
            Assert.Equal(expected, files.Keys);
        }
        foreach (var (path, bytes) in files) Golden.AssertBytes(bytes, ["site", "sample", .. path.Split('/')]);
    }

    [Fact]
    public void The_same_records_give_the_same_bytes()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp);
        SiteHarness.Generate(records, temp["a"]);
        SiteHarness.Generate(records, temp["b"]);
        var a = SiteHarness.Files(temp["a"]);
        var b = SiteHarness.Files(temp["b"]);
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (path, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[path]), path + " differs");
        Assert.True(a.Count > 20);
    }
}
