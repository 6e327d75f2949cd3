using HotPapers.Building;
using HotPapers.Records;
using HotPapers.Safety;
using HotPapers.Writing;

namespace HotPapers.Tests.Building;

/// <summary>
/// A rebuild where nothing changed skips the records it already built, and anything that could change a
/// post (its records, the post itself, a template, the settings) builds it again. That a records file
/// was not read is shown by replacing its bytes behind the cache's back (same length, same time).
/// </summary>
public sealed class BuildCacheTests : IDisposable
{
    private readonly TempDir _temp = Fixture.TempDir();
    private static readonly string[] Days = ["2021-04-30", "2021-05-01", "2021-05-02"];

    public BuildCacheTests()
    {
        Directory.CreateDirectory(_temp["records"]);
        var sample = File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"));
        foreach (var day in Days) File.WriteAllText(_temp[$"records/{day}.json"], sample.Replace("\"date\": \"2021-04-30\"", $"\"date\": \"{day}\""));
        Settle();
    }

    /// <summary>Dates the records files a minute back: files written within two seconds of a build are not cached (racy).</summary>
    private void Settle()
    {
        foreach (var file in Directory.GetFiles(_temp["records"])) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-1));
    }

    public void Dispose() => _temp.Dispose();

    private BuildSettings Settings => BuildSettings.Default with
    {
        RecordsPath = _temp["records"],
        OutputDirectory = _temp["posts"],
        CacheDirectory = _temp["cache"],
    };

    private static readonly BuildRequest All = new(null, null, true, false);

    private BuildResult Build(BuildSettings? settings = null, BuildRequest? request = null) => new SiteBuilder(settings ?? Settings).Build(request ?? All);

    /// <summary>Replaces the records file's bytes with garbage of the same length and puts its old time back.</summary>
    private string Spoil(string day)
    {
        var path = _temp[$"records/{day}.json"];
        var time = File.GetLastWriteTimeUtc(path);
        File.WriteAllBytes(path, Enumerable.Repeat((byte)'x', (int)new FileInfo(path).Length).ToArray());
        File.SetLastWriteTimeUtc(path, time);
        return path;
    }

    private static string[] Outcomes(BuildResult result) => [.. result.Posts.OrderBy(p => p.PostPath, StringComparer.Ordinal).Select(p => p.Outcome.ToString())];

    [Fact]
    public void An_unchanged_rebuild_reads_no_records_and_writes_nothing()
    {
        Assert.Equal(["Created", "Created", "Created"], Outcomes(Build()));
        var before = Directory.GetFiles(_temp["posts"]).ToDictionary(f => f, f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)));
        Spoil("2021-05-01");

        Assert.Equal(["Unchanged", "Unchanged", "Unchanged"], Outcomes(Build()));
        foreach (var (file, (bytes, time)) in before)
        {
            Assert.Equal(bytes, File.ReadAllBytes(file));
            Assert.Equal(time, File.GetLastWriteTimeUtc(file));
        }
        // Without the cache the spoilt file is read, and refused.
        var e = Assert.Throws<RecordsException>(() => Build(Settings with { CacheDirectory = null }));
        Assert.Contains(_temp["records/2021-05-01.json"], e.Message);
    }

    [Fact]
    public void A_records_file_with_a_new_time_is_read_again()
    {
        Build();
        var path = Spoil("2021-05-01");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var e = Assert.Throws<RecordsException>(() => Build());
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void A_post_edited_by_hand_is_still_found()
    {
        Build();
        var post = _temp["posts/2021-05-01---Hot-Papers.md"];
        File.AppendAllText(post, "my note\n");
        var e = Assert.Throws<PostsEditedException>(() => Build());
        Assert.Equal([post], e.Paths);
    }

    [Fact]
    public void A_deleted_post_is_built_again()
    {
        Build();
        var post = _temp["posts/2021-05-01---Hot-Papers.md"];
        var bytes = File.ReadAllBytes(post);
        File.Delete(post);
        Assert.Equal(["Unchanged", "Created", "Unchanged"], Outcomes(Build()));
        Assert.Equal(bytes, File.ReadAllBytes(post));
    }

    [Fact]
    public void A_changed_template_or_setting_builds_every_post_again()
    {
        Directory.CreateDirectory(_temp["templates"]);
        File.WriteAllText(_temp["templates/post.md.sbn"], "first {{ post.date }}\n");
        var withTemplates = Settings with { TemplatesDirectory = _temp["templates"] };
        Build(withTemplates);
        File.WriteAllText(_temp["templates/post.md.sbn"], "second {{ post.date }}\n");
        Assert.Equal(["Updated", "Updated", "Updated"], Outcomes(Build(withTemplates)));
        Assert.StartsWith("second ", File.ReadAllText(_temp["posts/2021-04-30---Hot-Papers.md"]));

        Spoil("2021-04-30");
        Assert.Throws<RecordsException>(() => Build(withTemplates with { Ranking = withTemplates.Ranking with { MinPaperScore = 1 } }));
    }

    [Fact]
    public void A_missing_or_unreadable_cache_means_a_full_build()
    {
        Build();
        var cacheFile = Assert.Single(Directory.GetFiles(_temp["cache"], "*.json", SearchOption.AllDirectories));
        File.WriteAllText(cacheFile, "{ not json");
        Spoil("2021-04-30");
        Assert.Throws<RecordsException>(() => Build());
    }

    [Fact]
    public void A_check_uses_the_cache_and_leaves_it_as_it_was()
    {
        Build();
        var cacheFile = Assert.Single(Directory.GetFiles(_temp["cache"], "*.json", SearchOption.AllDirectories));
        var cache = File.ReadAllBytes(cacheFile);
        Spoil("2021-05-01");
        var result = Build(request: All with { CheckOnly = true });
        Assert.Empty(result.Changed);
        Assert.Equal(cache, File.ReadAllBytes(cacheFile));
    }

    [Fact]
    public void A_post_that_warned_is_built_again_so_its_warning_is_shown_again()
    {
        File.WriteAllText(_temp["records/2021-04-30.json"], SampleRecords.Daily(embed: "<script>alert(1)</script>"));
        Settle();
        var first = Build();
        Assert.Contains(first.Warnings, w => w.Contains("2021-04-30.json", StringComparison.Ordinal));
        var second = Build();
        Assert.Equal(first.Warnings, second.Warnings);
        Assert.Equal(["Unchanged", "Unchanged", "Unchanged"], Outcomes(second));
    }

    [Fact]
    public void Posts_in_another_folder_have_a_cache_of_their_own()
    {
        Build();
        Spoil("2021-04-30");
        Assert.Throws<RecordsException>(() => Build(Settings with { OutputDirectory = _temp["elsewhere"] }));
        Assert.False(Directory.Exists(_temp["elsewhere"]));
        Assert.All(Outcomes(Build()), o => Assert.Equal(nameof(WriteOutcome.Unchanged), o));
    }

    [Fact]
    public void A_one_day_build_keeps_what_the_cache_knows_of_the_other_days()
    {
        Build();
        Build(request: BuildRequest.ForDay(new DateOnly(2021, 5, 1)));
        Spoil("2021-04-30");
        Spoil("2021-05-02");
        Assert.Equal(["Unchanged", "Unchanged", "Unchanged"], Outcomes(Build()));
    }

    [Fact]
    public void Every_unchanged_rebuild_after_the_first_is_as_fast()
    {
        Build();
        for (var i = 0; i < 3; i++) Assert.Equal(["Unchanged", "Unchanged", "Unchanged"], Outcomes(Build()));
        Spoil("2021-04-30");
        Assert.Equal(["Unchanged", "Unchanged", "Unchanged"], Outcomes(Build()));
    }

    [Fact]
    public void The_same_file_asked_for_another_date_is_refused_again()
    {
        var file = _temp["records/2021-05-01.json"];
        Build(Settings with { RecordsPath = file }, BuildRequest.ForDay(new DateOnly(2021, 5, 1)));
        var e = Assert.Throws<RecordsException>(() => Build(Settings with { RecordsPath = file }, BuildRequest.ForDay(new DateOnly(2021, 5, 2))));
        Assert.Contains("the digest of 2021-05-01", e.Message);
    }

    [Fact]
    public void A_records_file_written_just_before_the_build_is_read_again_next_time()
    {
        File.SetLastWriteTimeUtc(_temp["records/2021-05-01.json"], DateTime.UtcNow);
        Build();
        var path = Spoil("2021-05-01");
        Assert.Contains(path, Assert.Throws<RecordsException>(() => Build()).Message);
    }
}
