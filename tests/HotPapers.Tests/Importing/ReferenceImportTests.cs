using System.Text;
using HotPapers.Importing;
using HotPapers.Records;

namespace HotPapers.Tests.Importing;

/// <summary>The reference post, clean and garbled, imports to the shipped sample records.</summary>
public sealed class ReferenceImportTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZones.Parse("Asia/Tokyo", "test");

    private static ImportedPost Import(string name) =>
        new PostImporter(Tokyo).Import(name, File.ReadAllBytes(Fixture.Path("reference", name)));

    [Fact]
    public void Clean_reference_imports_to_exactly_the_shipped_sample_and_checks_itself()
    {
        var post = Import("hot-papers-2021-04-30.md");
        Assert.Null(post.Difference);
        Assert.Empty(post.Repairs);
        Assert.Empty(post.Notes);
        Assert.Equal("2021-04-30.json", post.RecordsFileName);
        var sample = File.ReadAllBytes(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"));
        Assert.Equal(Encoding.UTF8.GetString(sample), Encoding.UTF8.GetString(post.RecordsBytes));
    }

    [Fact]
    public void Garbled_reference_imports_to_the_same_records_with_every_repair_reported()
    {
        var clean = Import("hot-papers-2021-04-30.md");
        var garbled = Import("hot-papers-2021-04-30.as-received.md");
        Assert.Equal(clean.RecordsBytes, garbled.RecordsBytes);
        Assert.Null(garbled.Difference);
        Assert.Empty(garbled.Notes);
        Assert.Equal([37, 103, 236, 245], garbled.Repairs.Select(r => r.Line));
    }
}
