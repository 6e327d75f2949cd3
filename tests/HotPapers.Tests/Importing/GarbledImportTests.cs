using System.Text;
using HotPapers.Importing;
using HotPapers.Records;

namespace HotPapers.Tests.Importing;

/// <summary>Issue 3, item 6: garbled posts import to the same records as the clean ones.</summary>
public sealed class GarbledImportTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZones.Parse("Asia/Tokyo", "test");

    [Fact]
    public void The_garbled_reference_imports_to_the_same_records_as_the_clean_one_and_builds_the_clean_post()
    {
        using var temp = Fixture.TempDir();
        var (exit, stdout, stderr) = ImportHarness.Cli("import", Fixture.Path("reference", "hot-papers-2021-04-30.as-received.md"),
            "--records", temp["records"], "--timezone", "Asia/Tokyo", "--strict");
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("repaired", stdout);
        Assert.Contains("Herv√© J√©gou", stdout);
        var sample = File.ReadAllBytes(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"));
        Assert.Equal(sample, File.ReadAllBytes(temp["records/2021-04-30.json"]));

        (exit, stdout, stderr) = ImportHarness.Cli("build", "--all", "--records", temp["records"], "--output", temp["posts"]);
        Assert.True(exit == 0, stdout + stderr);
        var (_, built) = ImportHarness.SplitDateLine(File.ReadAllBytes(temp["posts/2021-04-30---Hot-Papers.md"]));
        var (_, clean) = ImportHarness.SplitDateLine(File.ReadAllBytes(Fixture.Path("reference", "hot-papers-2021-04-30.md")));
        Assert.Equal(clean, built);
    }

    public static IEnumerable<object[]> Cases() =>
        from post in ImportHarness.Posts()
        from page in new[] { "Mac OS Roman", "Windows-1252", "Latin-1" }
        select new object[] { post[0], page };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_fixture_garbled_each_way_imports_to_the_clean_records(string name, string page)
    {
        var bytes = File.ReadAllBytes(Path.Combine(ImportHarness.PostsDir, name));
        var codePage = MojibakeRepair.CodePages.Single(p => p.Name == page);
        var garbled = Encoding.UTF8.GetBytes(codePage.Decode(bytes));
        var importer = new PostImporter(Tokyo);
        var clean = importer.Import(name, bytes);
        var repaired = importer.Import(name, garbled);
        Assert.Equal(Encoding.UTF8.GetString(clean.RecordsBytes), Encoding.UTF8.GetString(repaired.RecordsBytes));
        Assert.Null(repaired.Difference);
        Assert.Empty(repaired.Notes);
        var nonAscii = Encoding.UTF8.GetString(bytes).Split('\n').Count(l => !System.Text.Ascii.IsValid(l));
        Assert.Equal(nonAscii, repaired.Repairs.Count);
    }
}
