using HotPapers.Building;
using HotPapers.Output;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Tests.Building;

/// <summary>
/// A rebuild reads and renders every records file it covers, and the output leaves each post whose bytes
/// did not change as it was: what the build cache of earlier versions did, without the cache.
/// </summary>
public sealed class RebuildTests : IDisposable
{
    private readonly TempDir _temp = Fixture.TempDir();
    private static readonly string[] Days = ["2021-04-30", "2021-05-01", "2021-05-02"];

    public RebuildTests()
    {
        Directory.CreateDirectory(_temp["records"]);
        var sample = File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"));
        foreach (var day in Days) File.WriteAllText(_temp[$"records/{day}.json"], sample.Replace("\"date\": \"2021-04-30\"", $"\"date\": \"{day}\""));
    }

    public void Dispose() => _temp.Dispose();

    private BuildSettings Settings => BuildSettings.Default with { RecordsPath = _temp["records"], OutputDirectory = _temp["posts"] };

    private static readonly BuildRequest All = new BuildRequest.All();

    private BuildResult Build(BuildSettings? settings = null) => new PostBuilder(settings ?? Settings).Build(All);

    private static string[] Outcomes(BuildResult result) => [.. result.Posts.OrderBy(p => p.PostPath, StringComparer.Ordinal).Select(p => p.Outcome.ToString())];

    private Dictionary<string, (byte[] Bytes, DateTime Time)> Posts() =>
        Directory.GetFiles(_temp["posts"]).ToDictionary(f => f, f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)));

    [Fact]
    public void An_unchanged_rebuild_leaves_every_post_and_the_manifest_as_they_were()
    {
        Assert.Equal(["Created", "Created", "Created"], Outcomes(Build()));
        var before = Posts();
        Assert.Contains(before.Keys, f => f.EndsWith(".hotpapers-manifest.json", StringComparison.Ordinal));

        Assert.Equal(["Unchanged", "Unchanged", "Unchanged"], Outcomes(Build()));
        var after = Posts();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (file, (bytes, time)) in before)
        {
            Assert.Equal(bytes, after[file].Bytes);
            Assert.Equal(time, after[file].Time);
        }
    }

    [Fact]
    public void Every_build_reads_its_records_and_bad_ones_leave_the_posts_alone()
    {
        Build();
        var before = Posts();
        // Garbage of the same length and time: nothing but reading the file tells it changed.
        var path = _temp["records/2021-05-01.json"];
        var time = File.GetLastWriteTimeUtc(path);
        File.WriteAllBytes(path, Enumerable.Repeat((byte)'x', (int)new FileInfo(path).Length).ToArray());
        File.SetLastWriteTimeUtc(path, time);

        var e = Assert.Throws<InputException>(() => Build());
        Assert.Contains(path, e.Message);
        foreach (var (file, (bytes, written)) in before)
        {
            Assert.Equal(bytes, File.ReadAllBytes(file));
            Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        }
    }

    [Fact]
    public void A_deleted_post_is_built_again_and_the_others_are_left_alone()
    {
        Build();
        var post = _temp["posts/2021-05-01---Hot-Papers.md"];
        var bytes = File.ReadAllBytes(post);
        File.Delete(post);
        Assert.Equal(["Unchanged", "Created", "Unchanged"], Outcomes(Build()));
        Assert.Equal(bytes, File.ReadAllBytes(post));
    }

    [Fact]
    public void A_changed_template_rewrites_every_post()
    {
        Directory.CreateDirectory(_temp["templates"]);
        File.WriteAllText(_temp["templates/post.md.sbn"], "first {{ post.date }}\n");
        var withTemplates = Settings with { TemplatesDirectory = _temp["templates"] };
        Build(withTemplates);
        File.WriteAllText(_temp["templates/post.md.sbn"], "second {{ post.date }}\n");
        Assert.Equal(["Updated", "Updated", "Updated"], Outcomes(Build(withTemplates)));
        Assert.StartsWith("second ", File.ReadAllText(_temp["posts/2021-04-30---Hot-Papers.md"]));
    }

    [Fact]
    public void A_post_that_warned_warns_again_on_every_rebuild()
    {
        File.WriteAllText(_temp["records/2021-04-30.json"], SampleRecords.Daily(embed: "<script>alert(1)</script>"));
        var first = Build();
        Assert.Contains(first.Warnings, w => w.Contains("2021-04-30.json", StringComparison.Ordinal));
        var second = Build();
        Assert.Equal(first.Warnings, second.Warnings);
        Assert.Equal(["Unchanged", "Unchanged", "Unchanged"], Outcomes(second));
    }
}
