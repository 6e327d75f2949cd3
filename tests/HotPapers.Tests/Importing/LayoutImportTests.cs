using HotPapers.Importing;
using HotPapers.Records;

namespace HotPapers.Tests.Importing;

/// <summary>
/// Issue 15, item 1: the old generator's layout varied in its numbers of empty lines. A post that
/// differs from the standard layout only there imports with its own counts in the records (only those
/// that differ) and rebuilds byte for byte, the date line aside. Fixtures: Fixtures/importing/make-layouts.py.
/// </summary>
public sealed class LayoutImportTests
{
    private static string Dir => Fixture.Path("importing", "layouts");

    // The counts that differ, in the order afterFrontMatter, betweenSections, afterEmbeds, endOfFile.
    public static TheoryData<string, int?, int?, int?, int?> Layouts => new()
    {
        { "after-front-matter-0", 0, null, null, null },
        { "after-front-matter-3", 3, null, null, null },
        { "between-sections-0", null, 0, null, null },
        { "between-sections-2", null, 2, null, null },
        { "after-embeds-2", null, null, 2, null },
        { "after-embeds-6", null, null, 6, null },
        { "end-of-file-0", null, null, null, 0 },
        { "end-of-file-1", null, null, null, 1 },
        { "end-of-file-5", null, null, null, 5 },
        { "early-layout", 2, 2, 3, 1 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void A_post_with_other_empty_line_counts_keeps_them_and_rebuilds_byte_for_byte(string name, int? front, int? sections, int? embeds, int? end)
    {
        using var temp = Fixture.TempDir();
        var post = Path.Combine(Dir, name + ".md");
        var (exit, stdout, stderr) = ImportHarness.Cli("import", post, "--records", temp["records"], "--timezone", "Asia/Tokyo", "--strict");
        Assert.True(exit == 0, stdout + stderr);
        Assert.Equal("", stderr);
        var recordsFile = Assert.Single(Directory.GetFiles(temp["records"]));
        ImportHarness.AssertGolden(File.ReadAllBytes(recordsFile), "importing", "layouts", "records", name + ".json");
        Assert.Equal(new PostLayout(front, sections, embeds, end), new RecordsLoader(TimeZoneInfo.Utc).Load(recordsFile).Post.Layout);

        (exit, stdout, stderr) = ImportHarness.Cli("build", "--all", "--records", temp["records"], "--output", temp["posts"]);
        Assert.True(exit == 0, stdout + stderr);
        var built = File.ReadAllBytes(Path.Combine(temp["posts"], "2021-05-10---Hot-Papers.md"));
        Assert.Equal(ImportHarness.SplitDateLine(File.ReadAllBytes(post)).Remainder, ImportHarness.SplitDateLine(built).Remainder);
    }

    [Fact]
    public void The_same_records_without_their_layout_build_the_standard_post_and_the_self_check_still_reports_what_cannot_come_back()
    {
        var standard = File.ReadAllBytes(Path.Combine(ImportHarness.PostsDir, "2021-05-10---Hot-Papers.md"));
        var early = new PostImporter(TimeZoneInfo.Utc).Import("early.md", File.ReadAllBytes(Path.Combine(Dir, "early-layout.md")));
        Assert.Null(early.Difference);
        var ordinary = new PostImporter(TimeZoneInfo.Utc).Import("p.md", standard);
        Assert.Null(ordinary.Records.Post.Layout);
        Assert.Equal(ordinary.RecordsBytes, RecordsWriter.Write(early.Records with { Post = early.Records.Post with { Layout = null } }));

        // One count for the whole post: a paper whose sections stand farther apart than the others' is reported.
        var uneven = File.ReadAllText(Path.Combine(ImportHarness.PostsDir, "2021-05-10---Hot-Papers.md"))
            .Replace("# 2. Quietly Popular:  Many Small Tweets\n\n", "# 2. Quietly Popular:  Many Small Tweets\n\n\n");
        var imported = new PostImporter(TimeZoneInfo.Utc).Import("p.md", System.Text.Encoding.UTF8.GetBytes(uneven));
        Assert.NotNull(imported.Difference);
        Assert.Equal(uneven.Split('\n').ToList().IndexOf("# 2. Quietly Popular:  Many Small Tweets") + 3, imported.Difference.Line);
    }
}
