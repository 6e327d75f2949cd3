using System.Text;
using System.Text.RegularExpressions;
using HotPapers.Importing;
using HotPapers.Records;

namespace HotPapers.Tests.Importing;

/// <summary>
/// Issue 3, item 5: for each post the old generator could have written (fixtures made by
/// Fixtures/importing/make-posts.py from ORIGINAL.md's description), <c>import</c> then
/// <c>build --all</c> gives the post back byte for byte, except the date line, which becomes RFC 3339
/// with the same wall-clock digits. The records import makes are golden files.
/// </summary>
public sealed partial class RoundTripTests
{
    public static IEnumerable<object[]> Posts() => ImportHarness.Posts();

    [Theory]
    [MemberData(nameof(Posts))]
    public void Import_then_build_gives_the_post_back_except_the_date_line(string name)
    {
        using var temp = Fixture.TempDir();
        var post = Path.Combine(ImportHarness.PostsDir, name);
        var (exit, stdout, stderr) = ImportHarness.Cli("import", post, "--records", temp["records"], "--timezone", "Asia/Tokyo", "--strict");
        Assert.True(exit == 0, stdout + stderr);
        Assert.Equal("", stderr);
        var recordsFile = Assert.Single(Directory.GetFiles(temp["records"]));
        ImportHarness.AssertGolden(File.ReadAllBytes(recordsFile), "importing", "records", Path.GetFileName(recordsFile));

        (exit, stdout, stderr) = ImportHarness.Cli("build", "--all", "--records", temp["records"], "--output", temp["posts"]);
        Assert.True(exit == 0, stdout + stderr);
        var built = File.ReadAllBytes(Path.Combine(temp["posts"], name));
        var (originalDate, originalRest) = ImportHarness.SplitDateLine(File.ReadAllBytes(post));
        var (builtDate, builtRest) = ImportHarness.SplitDateLine(built);
        Assert.Equal(originalRest, builtRest);
        var old = OldDate().Match(originalDate);
        Assert.True(old.Success, originalDate);
        Assert.Equal($"date: {old.Groups[1].Value}+09:00", builtDate);
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public void Posts_that_are_right_are_not_repaired_and_check_clean(string name)
    {
        var imported = new PostImporter(TimeZoneInfo.Utc).Import(name, File.ReadAllBytes(Path.Combine(ImportHarness.PostsDir, name)));
        Assert.Empty(imported.Repairs);
        Assert.Empty(imported.Notes);
        Assert.Null(imported.Difference);
        // What import wrote loads back to the same data, which writes the same bytes again.
        var reloaded = new RecordsLoader(TimeZoneInfo.Utc).Parse(name, imported.RecordsBytes);
        Assert.Equal(imported.RecordsBytes, RecordsWriter.Write(reloaded));
        Assert.True(reloaded.Ranked);
    }

    [Fact]
    public void The_fixtures_cover_the_cases_the_issue_names()
    {
        var records = ImportHarness.Posts()
            .Select(p => (string)p[0])
            .Select(n => new PostImporter(TimeZoneInfo.Utc).Import(n, File.ReadAllBytes(Path.Combine(ImportHarness.PostsDir, n))).Records)
            .ToList();
        Assert.Contains(records, r => r.Papers.IsEmpty);                                       // a day with no paper
        Assert.Contains(records, r => r.Papers.Any(p => p.Mentions.IsEmpty));                   // a paper with no tweet
        Assert.Contains(records, r => r.Papers.Any(p => p.Mentions.Length >= 10));               // many tweets
        Assert.Contains(records, r => r.Papers.Any(p => p.Abstract.Length == 0));              // empty abstract
        Assert.Contains(records, r => r.Papers.Any(p => p.Title.Contains("$\\mathcal")));      // LaTeX
        Assert.Contains(records, r => r.Papers.Any(p => p.Mentions.Any(t => t.Lang == "ja")));   // non-Latin scripts
        Assert.Contains(records, r => r.Papers.Any(p => p.Mentions.Any(t => t.Lang == "ar")));
        Assert.Contains(records, r => r.IsRange);                                              // a range post
        Assert.Contains(records, r => r.Post.RawText == true);                                 // text escaping would change
        Assert.Contains(records, r => r.Post.Tags is not null && r.Post.SocialImage is not null); // older front matter
        Assert.Contains(records, r => r.Papers.Any(p => p.Mentions.Length > 1
            && p.Mentions.Select(t => t.EmbedHtml).Distinct().Count() < p.Mentions.Length));       // duplicate embed of early posts
        Assert.Contains(records, r => r.Papers.Length > 1
            && r.Papers[0].Mentions.Length > 0 && r.Papers[0].Mentions[0].EmbedHtml == r.Papers[1].Mentions.FirstOrDefault()?.EmbedHtml); // same tweet under two papers
    }

    [Fact]
    public void The_old_date_is_read_in_the_given_zone_and_an_rfc3339_date_keeps_its_offset()
    {
        var post = File.ReadAllText(Path.Combine(ImportHarness.PostsDir, "2021-01-03---Hot-Papers.md"));
        var bytes = Encoding.UTF8.GetBytes(post);
        Assert.Equal("2021-01-04T09:00:12+00:00", Rfc3339.Format(new PostImporter(TimeZoneInfo.Utc).Import("p.md", bytes).Records.CollectedAt));
        Assert.Equal("2021-01-04T09:00:12+05:30", Rfc3339.Format(new PostImporter(TimeZones.Parse("+05:30", "t")).Import("p.md", bytes).Records.CollectedAt));
        Assert.Equal("2021-01-04T09:00:12-05:00", Rfc3339.Format(new PostImporter(TimeZones.Parse("America/New_York", "t")).Import("p.md", bytes).Records.CollectedAt));
        var rebuilt = Encoding.UTF8.GetBytes(post.Replace("date: 2021-01-04T09:00:12.Z", "date: 2021-01-04T09:00:12-08:00"));
        // A post hotpapers itself built says its offset; the import's zone does not change it.
        Assert.Equal("2021-01-04T09:00:12-08:00", Rfc3339.Format(new PostImporter(TimeZoneInfo.Utc).Import("p.md", rebuilt).Records.CollectedAt));
    }

    [Fact]
    public void Front_matter_values_other_than_the_defaults_become_post_overrides_and_come_back()
    {
        var text = File.ReadAllText(Path.Combine(ImportHarness.PostsDir, "2021-08-02---Hot-Papers.md"))
            .Replace("title: Hot Papers 2021-08-02", "title: Hot Papers 2021-08-02 (late edition)")
            .Replace("template: \"post\"", "template: \"digest\"")
            .Replace("draft: false", "draft: true")
            .Replace("slug: \"hot-papers-2021-08-02\"", "slug: \"hp-2021-08-02\"")
            .Replace("category: \"arXiv\"", "category: \"Papers\"")
            .Replace("description: \"Hot papers 2021-08-02\"", "description: \"Late edition\"");
        var imported = new PostImporter(TimeZoneInfo.Utc).Import("p.md", Encoding.UTF8.GetBytes(text));
        Assert.Null(imported.Difference);
        Assert.Equal(new PostOverrides("Hot Papers 2021-08-02 (late edition)", "digest", true, "hp-2021-08-02", "Papers", null, "Late edition", null, null),
            imported.Records.Post);
        Assert.Equal(new DateOnly(2021, 8, 2), imported.Records.Date);
    }

    [Fact]
    public void A_paper_without_authors_or_pdf_link_comes_back_too()
    {
        var text = File.ReadAllText(Path.Combine(ImportHarness.PostsDir, "2021-08-02---Hot-Papers.md"))
            .Replace("\nA. Author\n", "\n\n")
            .Replace(" | [pdf](https://arxiv.org/pdf/2108.01002)", "");
        var imported = new PostImporter(TimeZoneInfo.Utc).Import("p.md", Encoding.UTF8.GetBytes(text));
        Assert.Null(imported.Difference);
        Assert.Empty(imported.Records.Papers[0].Authors);
        Assert.Null(imported.Records.Papers[1].PdfUrl);
    }

    [GeneratedRegex(@"^date: ([0-9-]{10}T[0-9:]{8})\.Z$")]
    private static partial Regex OldDate();
}
