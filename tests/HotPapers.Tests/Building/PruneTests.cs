using HotPapers.Building;
using HotPapers.Output;
using HotPapers.Settings;

namespace HotPapers.Tests.Building;

/// <summary>
/// Posts an earlier build wrote that no records file makes now (found by a new user's trial: after a change of
/// fileName every post of the old name stayed, and Hugo listed each digest twice): named by build --all, deleted
/// with --prune when they are as hotpapers wrote them.
/// </summary>
public sealed class PruneTests : IDisposable
{
    private readonly TempDir _temp = Fixture.TempDir();
    private static readonly string[] Days = ["2021-04-30", "2021-05-01", "2021-05-02", "2021-05-03"];

    public PruneTests()
    {
        Directory.CreateDirectory(_temp["records"]);
        foreach (var day in HotPapers.TestData.WeekGenerator.Generate(15, new DateOnly(2021, 4, 30), Days.Length))
            File.WriteAllBytes(_temp[$"records/{HotPapers.Records.Rfc3339.FormatDate(day.Date)}.json"], HotPapers.Records.RecordsWriter.Write(day));
    }

    public void Dispose() => _temp.Dispose();

    private BuildSettings Settings(string pattern = PostNaming.DefaultPattern) =>
        BuildSettings.Default with { RecordsPath = _temp["records"], OutputDirectory = _temp["posts"], FileNamePattern = pattern };

    private BuildResult Build(string pattern = PostNaming.DefaultPattern, bool prune = false, bool check = false) =>
        new SiteBuilder(Settings(pattern)).Build(new BuildRequest.All { Prune = prune, CheckOnly = check });

    private string Old(string day) => _temp[$"posts/{day}---Hot-Papers.md"];

    [Fact]
    public void After_the_file_name_changes_the_old_posts_are_named_and_prune_deletes_them()
    {
        Build();
        var bundle = "{date}/index.md";

        var named = Build(bundle);
        Assert.Equal([$"4 posts an earlier build wrote are made by no records file now (the fileName setting changed, or their records files were removed): "
            + $"{Old("2021-04-30")}, {Old("2021-05-01")}, {Old("2021-05-02")} and 1 more; build --all --prune deletes them"], named.Warnings);
        Assert.Empty(named.Pruned);
        Assert.All(Days, d => Assert.True(File.Exists(Old(d))));

        // --check says what --prune would delete, and deletes nothing.
        var check = Build(bundle, prune: true, check: true);
        Assert.Equal(Days.Select(Old), check.Pruned);
        Assert.All(Days, d => Assert.True(File.Exists(Old(d))));

        // One edited by hand since is left, and said so; the others go, and the manifest forgets them.
        File.AppendAllText(Old("2021-05-03"), "my note\n");
        var pruned = Build(bundle, prune: true);
        Assert.Equal(Days[..3].Select(Old), pruned.Pruned);
        Assert.Equal([$"{Old("2021-05-03")}: an earlier build wrote it and no records file makes it now, but it was changed since (edited by hand), "
            + "so it is left as it is; delete it if it should go"], pruned.Warnings);
        Assert.Equal([Old("2021-05-03")], Directory.GetFiles(_temp["posts"], "*---Hot-Papers.md"));
        Assert.Equal(Days.Select(d => $"{d}/index.md").Append("2021-05-03---Hot-Papers.md").Order(StringComparer.Ordinal),
            PostManifest.Load(_temp["posts"]).Posts.Keys);
        Assert.All(Days, d => Assert.True(File.Exists(_temp[$"posts/{d}/index.md"])));

        // Back to the old name, one bundle deleted by hand: the three left are named in turn, each on its own line;
        // pruned, their folders go too.
        File.Delete(Old("2021-05-03"));
        File.Delete(_temp["posts/2021-05-03/index.md"]);
        var back = Build();
        Assert.Equal(Days[..3].Select(d => $"{_temp[$"posts/{d}/index.md"]}: an earlier build wrote it, but no records file makes it now "
            + "(the fileName setting changed, or its records file was removed); build --all --prune deletes it"), back.Warnings);
        Build(prune: true);
        Assert.Equal(Days.Select(Old).Append(_temp["posts/2021-05-03"]).Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(_temp["posts"]).Where(e => !Path.GetFileName(e).StartsWith('.')).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Build().Warnings, w => w.Contains("earlier build", StringComparison.Ordinal));
    }

    [Fact]
    public void A_records_file_removed_leaves_its_post_named_and_a_range_post_is_not_taken_for_one()
    {
        Build();
        new SiteBuilder(Settings()).Build(new BuildRequest.Range(new DateOnly(2021, 5, 1), new DateOnly(2021, 5, 2)));
        File.Delete(_temp["records/2021-04-30.json"]);

        var result = Build(prune: true);

        Assert.Equal([Old("2021-04-30")], result.Pruned);
        Assert.False(File.Exists(Old("2021-04-30")));
        // The range built from its days' files is named as such (build it with --date --until), and kept.
        Assert.True(File.Exists(_temp["posts/2021-05-01-2021-05-02---Hot-Papers.md"]));
        Assert.Contains(result.Warnings, w => w.Contains("2021-05-01-2021-05-02---Hot-Papers.md: a digest of 2021-05-01 to 2021-05-02", StringComparison.Ordinal));
    }

    [Fact]
    public void All_over_one_records_file_takes_no_other_post_for_stale_and_says_prune_looked_at_none()
    {
        Build();
        var one = new SiteBuilder(Settings() with { RecordsPath = _temp["records/2021-05-01.json"] }).Build(new BuildRequest.All { Prune = true });

        Assert.Empty(one.Pruned);
        Assert.DoesNotContain(one.Warnings, w => w.Contains("earlier build", StringComparison.Ordinal));
        Assert.Contains($"--prune: {_temp["records/2021-05-01.json"]} is one records file, not the folder, so no other post was looked at", one.Warnings);
        Assert.All(Days, d => Assert.True(File.Exists(Old(d))));
    }

    // Found by review: an empty or wrong records folder made every post stale, and --prune deleted the blog, exit 0.
    [Fact]
    public void Prune_refuses_to_delete_more_posts_than_the_build_makes()
    {
        Build();
        var before = FolderSnapshot.Of(_temp["posts"]);
        Directory.CreateDirectory(_temp["empty"]);
        File.Copy(_temp["records/2021-05-01.json"], _temp["empty/2021-05-01.json"]);

        foreach (var records in new[] { _temp["empty"], _temp["nothing"] })
        {
            Directory.CreateDirectory(_temp["nothing"]);
            var settings = Settings() with { RecordsPath = records };
            var e = Assert.Throws<InputException>(() => new SiteBuilder(settings).Build(new BuildRequest.All { Prune = true }));
            var made = records == _temp["empty"] ? 1 : 0;
            Assert.Equal($"{records}: expected records files that make at least as many posts as --prune deletes, found {made} records file(s), against "
                + $"{Days.Length - made} post(s) no records file makes (a wrong --records, or a checkout without the records?). "
                + "Nothing was written or deleted; delete those posts by hand if that is meant", Assert.Single(e.Problems).ToString());
            Assert.Equal(before, FolderSnapshot.Of(_temp["posts"]));
        }
    }

    // Found by review: a range post merged from daily files, under an earlier fileName, was taken for a post no records
    // file makes, and --prune deleted a digest that --all cannot make again.
    [Fact]
    public void A_range_post_of_an_earlier_file_name_is_named_and_kept()
    {
        Build();
        new SiteBuilder(Settings()).Build(new BuildRequest.Range(new DateOnly(2021, 5, 1), new DateOnly(2021, 5, 2)));
        var range = _temp["posts/2021-05-01-2021-05-02---Hot-Papers.md"];

        var result = Build("{date}/index.md", prune: true);

        Assert.True(File.Exists(range));
        Assert.DoesNotContain(range, result.Pruned);
        Assert.Contains($"{range}: a digest of 2021-05-01 to 2021-05-02 under an earlier fileName, with no records file of its own, so --all cannot build it anew "
            + "(nor --prune delete it); build it with --date 2021-05-01 --until 2021-05-02, then delete this one", result.Warnings);
        Assert.Equal(Days.Select(Old), result.Pruned);
    }

    // Found by review: without --prune, --check called the folder current with such posts in it.
    [Fact]
    public void Check_lists_the_posts_no_records_file_makes_as_stale_and_exits_3()
    {
        Build();
        File.Delete(_temp["records/2021-05-03.json"]);

        var (code, stdout, _) = InProcessCli.Run("build", "--all", "--check", "--records", _temp["records"], "--output", _temp["posts"]);

        Assert.Equal(3, code);
        Assert.Equal($"stale        {Old("2021-05-03")}\n3 post(s): 0 missing or out of date, 3 unchanged; 1 stale (build --all --prune deletes them)\n", stdout);
        Assert.True(File.Exists(Old("2021-05-03")));
    }
}
