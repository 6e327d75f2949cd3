using System.Text;
using HotPapers.Building;
using HotPapers.Output;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Tests.Building;

/// <summary>The same records always give the same bytes, and a rebuild touches only the posts whose bytes change.</summary>
public sealed class DeterminismTests
{
    private static readonly DateTime LongAgo = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    /// <summary>A records folder with the shipped sample and the old-format fixtures, in a scratch folder.</summary>
    private static string CopyRecords(TempDir temp)
    {
        var records = temp["records"];
        Directory.CreateDirectory(records);
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), Path.Combine(records, "2021-04-30.json"));
        foreach (var f in Directory.EnumerateFiles(Fixture.Path("legacy"), "*.json"))
            File.Copy(f, Path.Combine(records, Path.GetFileName(f)));
        return records;
    }

    private static BuildResult BuildAll(string records, string output, TimeZoneInfo? zone = null) =>
        new PostBuilder(BuildSettings.Default with { RecordsPath = records, OutputDirectory = output, TimeZone = zone ?? TimeZoneInfo.Utc })
            .Build(new BuildRequest.All());

    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*.md").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    [Fact]
    public void Two_builds_give_identical_bytes()
    {
        using var temp = Fixture.TempDir();
        var records = CopyRecords(temp);
        BuildAll(records, temp["a"]);
        BuildAll(records, temp["b"]);
        var a = Snapshot(temp["a"]);
        var b = Snapshot(temp["b"]);
        Assert.Equal(4, a.Count);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var (name, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[name]), name);
    }

    [Fact]
    public void Posts_are_utf8_without_bom_with_lf_line_ends()
    {
        using var temp = Fixture.TempDir();
        BuildAll(CopyRecords(temp), temp["out"]);
        foreach (var (name, bytes) in Snapshot(temp["out"]))
        {
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), name);
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.Equal(bytes, new UTF8Encoding(false, true).GetBytes(new UTF8Encoding(false, true).GetString(bytes)));
        }
    }

    [Fact]
    public void The_machine_zone_setting_changes_nothing_for_records_with_offsets()
    {
        using var temp = Fixture.TempDir();
        var records = CopyRecords(temp);
        BuildAll(records, temp["utc"], TimeZoneInfo.Utc);
        BuildAll(records, temp["tokyo"], TimeZones.Parse("+09:00", "test"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(temp["utc"], "2021-04-30---Hot-Papers.md")),
            File.ReadAllBytes(Path.Combine(temp["tokyo"], "2021-04-30---Hot-Papers.md")));
        // The old crawler's times have no offset; for them the zone is the setting that gives one.
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(temp["utc"], "2021-05-03---Hot-Papers.md")),
            File.ReadAllBytes(Path.Combine(temp["tokyo"], "2021-05-03---Hot-Papers.md")));
    }

    [Fact]
    public void A_rebuild_leaves_unchanged_posts_untouched()
    {
        using var temp = Fixture.TempDir();
        var records = CopyRecords(temp);
        var output = temp["out"];
        Assert.All(BuildAll(records, output).Posts, p => Assert.Equal(WriteOutcome.Created, p.Outcome));
        foreach (var file in Directory.EnumerateFiles(output, "*.md")) File.SetLastWriteTimeUtc(file, LongAgo);
        var before = Snapshot(output);

        var again = BuildAll(records, output);

        Assert.All(again.Posts, p => Assert.Equal(WriteOutcome.Unchanged, p.Outcome));
        Assert.Empty(again.Changed);
        foreach (var file in Directory.EnumerateFiles(output, "*.md")) Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(file));
        var after = Snapshot(output);
        Assert.Equal(before.Keys.Order(), after.Keys.Order()); // and no temporary file is left behind
        foreach (var (name, bytes) in before) Assert.Equal(bytes, after[name]);
    }

    [Fact]
    public void A_changed_record_rewrites_its_post_and_only_that()
    {
        using var temp = Fixture.TempDir();
        var records = CopyRecords(temp);
        var output = temp["out"];
        BuildAll(records, output);
        foreach (var file in Directory.EnumerateFiles(output, "*.md")) File.SetLastWriteTimeUtc(file, LongAgo);

        var sample = Path.Combine(records, "2021-04-30.json");
        const string oldTitle = "What Are Bayesian Neural Network Posteriors Really Like?";
        var text = File.ReadAllText(sample);
        Assert.Contains(oldTitle, text);
        File.WriteAllText(sample, text.Replace(oldTitle, "What Are Bayesian Neural Network Posteriors Like Now?"));

        var result = BuildAll(records, output);

        var changed = Assert.Single(result.Changed);
        Assert.Equal(WriteOutcome.Updated, changed.Outcome);
        Assert.Equal("2021-04-30---Hot-Papers.md", Path.GetFileName(changed.PostPath));
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(changed.PostPath));
        Assert.Contains("# 1. What Are Bayesian Neural Network Posteriors Like Now?\n", File.ReadAllText(changed.PostPath));
        foreach (var file in Directory.EnumerateFiles(output, "*.md").Where(f => f != changed.PostPath))
            Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(file));
        Assert.Empty(Directory.EnumerateFiles(output, "*" + PostWriter.TempSuffix));
    }

    [Fact]
    public void Check_reports_what_a_build_would_do_and_writes_nothing()
    {
        using var temp = Fixture.TempDir();
        var records = CopyRecords(temp);
        var output = temp["out"];
        var settings = BuildSettings.Default with { RecordsPath = records, OutputDirectory = output };
        var check = new PostBuilder(settings).Build(new BuildRequest.All { CheckOnly = true });
        Assert.All(check.Posts, p => Assert.Equal(WriteOutcome.Created, p.Outcome));
        // build --check's exit 3, decided in the library.
        Assert.True(check.FoundChanges);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any());

        // A build that writes found nothing to check, whatever it wrote.
        Assert.False(new PostBuilder(settings).Build(new BuildRequest.All()).FoundChanges);
        var recheck = new PostBuilder(settings).Build(new BuildRequest.All { CheckOnly = true });
        Assert.Empty(recheck.Changed);
        Assert.False(recheck.FoundChanges);
    }
}
