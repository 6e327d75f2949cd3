using HotPapers.Output;
using HotPapers.Safety;

namespace HotPapers.Tests.Safety;

/// <summary>A post edited after hotpapers wrote it is never overwritten without --force, and finding it changes nothing.</summary>
public sealed class HandEditTests : IDisposable
{
    private readonly TempDir _temp = Fixture.TempDir();

    private string Post => _temp["posts/2021-04-30---Hot-Papers.md"];

    private string Other => _temp["posts/2021-05-01---Hot-Papers.md"];

    public HandEditTests()
    {
        Directory.CreateDirectory(_temp["records"]);
        WriteRecords("first");
    }

    public void Dispose() => _temp.Dispose();

    private void WriteRecords(string text)
    {
        File.WriteAllText(_temp["records/2021-04-30.json"], SampleRecords.Daily(text: text));
        File.WriteAllText(_temp["records/2021-05-01.json"], SampleRecords.Daily(text: text).Replace("\"2021-04-30\"", "\"2021-05-01\""));
    }

    private (int Code, string Stdout, string Stderr) Build(params string[] extra) =>
        InProcessCli.Run(["build", "--all", "--records", _temp["records"], "--output", _temp["posts"], .. extra]);

    [Fact]
    public void A_build_keeps_a_manifest_of_what_it_wrote()
    {
        Assert.Equal(0, Build().Code);
        var manifest = PostManifest.Load(_temp["posts"]);
        Assert.Equal(["2021-04-30---Hot-Papers.md", "2021-05-01---Hot-Papers.md"], manifest.Posts.Keys);
        Assert.Equal([PostManifest.Hash(File.ReadAllBytes(Post))], manifest.Posts["2021-04-30---Hot-Papers.md"].ToArray());
    }

    [Fact]
    public void An_edited_post_is_not_overwritten_and_nothing_is_written()
    {
        Assert.Equal(0, Build().Code);
        File.AppendAllText(Post, "\nMy own note.\n");
        var edited = File.ReadAllBytes(Post);
        var otherBefore = File.ReadAllBytes(Other);
        var stamp = File.GetLastWriteTimeUtc(Post);
        WriteRecords("second");

        var (code, _, stderr) = Build();

        Assert.Equal(1, code);
        Assert.Contains(Post + ": changed since hotpapers wrote it", stderr);
        Assert.Contains("--force", stderr);
        Assert.Contains("delete it", stderr);
        Assert.Contains("Nothing was written.", stderr);
        Assert.Equal(edited, File.ReadAllBytes(Post));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Post));
        Assert.Equal(otherBefore, File.ReadAllBytes(Other));
    }

    [Fact]
    public void An_edited_post_is_refused_even_when_the_records_did_not_change()
    {
        Assert.Equal(0, Build().Code);
        File.WriteAllText(Post, File.ReadAllText(Post).Replace("Ann Author", "Ann B. Author"));
        Assert.Equal(1, Build().Code);
        Assert.Contains("Ann B. Author", File.ReadAllText(Post));
    }

    [Fact]
    public void Force_replaces_an_edited_post_and_takes_it_as_ours_again()
    {
        Assert.Equal(0, Build().Code);
        File.AppendAllText(Post, "edit");
        WriteRecords("second");
        var (code, stdout, _) = Build("--force");
        Assert.Equal(0, code);
        Assert.Contains("replaced edited", stdout);
        Assert.DoesNotContain("edit\n", File.ReadAllText(Post));
        Assert.Contains("second", File.ReadAllText(Post));
        WriteRecords("third");
        Assert.Equal(0, Build().Code);
    }

    [Fact]
    public void A_deleted_post_is_rebuilt()
    {
        Assert.Equal(0, Build().Code);
        File.AppendAllText(Post, "edit");
        File.Delete(Post);
        Assert.Equal(0, Build().Code);
        Assert.True(File.Exists(Post));
    }

    // Found by a user's trial: right after an import, --check called each old generator's post "edited by hand".
    [Fact]
    public void Check_tells_a_post_hotpapers_never_wrote_from_one_edited_by_hand()
    {
        Assert.Equal(0, Build().Code);
        File.AppendAllText(Post, "edit");
        // Other as another program left it: in the folder, not in the manifest.
        File.WriteAllText(_temp["posts/" + PostManifest.FileName], File.ReadAllText(_temp["posts/" + PostManifest.FileName]).Replace("\"2021-05-01---Hot-Papers.md\"", "\"2021-05-02---Hot-Papers.md\"", StringComparison.Ordinal));
        File.AppendAllText(Other, "the old generator's line\n");

        var (code, stdout, _) = Build("--check");

        Assert.Equal(3, code);
        Assert.Contains("edited by hand (--force replaces it) " + Post, stdout);
        Assert.Contains("not written by hotpapers (--force replaces it) " + Other, stdout);
        Assert.EndsWith("2 post(s): 0 missing or out of date, 1 edited by hand, 1 not written by hotpapers, 0 unchanged\n", stdout);

        // --force says the same of each (found by review: the other was "replaced edited" too).
        (code, stdout, _) = Build("--force");
        Assert.Equal(0, code);
        Assert.Contains("replaced edited " + Post + "\n", stdout);
        Assert.Contains("replaced     " + Other + "\n", stdout);
    }

    [Fact]
    public void Check_reports_an_edited_post_and_touches_nothing()
    {
        Assert.Equal(0, Build().Code);
        File.AppendAllText(Post, "edit");
        var manifest = File.ReadAllBytes(_temp["posts/" + PostManifest.FileName]);
        var post = File.ReadAllBytes(Post);
        var (code, stdout, _) = Build("--check");
        Assert.Equal(3, code);
        Assert.Contains("edited by hand (--force replaces it) " + Post, stdout);
        Assert.EndsWith("2 post(s): 0 missing or out of date, 1 edited by hand, 1 unchanged\n", stdout);
        Assert.Equal(post, File.ReadAllBytes(Post));
        Assert.Equal(manifest, File.ReadAllBytes(_temp["posts/" + PostManifest.FileName]));
    }

    [Fact]
    public void A_post_hotpapers_did_not_write_is_replaced_only_with_force()
    {
        Directory.CreateDirectory(_temp["posts"]);
        File.WriteAllText(Post, "a post by the old generator\n");
        var (code, _, stderr) = Build();
        Assert.Equal(1, code);
        Assert.Contains(Post, stderr);
        Assert.Equal("a post by the old generator\n", File.ReadAllText(Post));
        Assert.False(File.Exists(Other));
        Assert.Equal(0, Build("--force").Code);
        Assert.NotEqual("a post by the old generator\n", File.ReadAllText(Post));
    }

    [Fact]
    public void A_post_not_in_the_manifest_but_with_our_bytes_is_adopted()
    {
        Assert.Equal(0, Build().Code);
        File.Delete(_temp["posts/" + PostManifest.FileName]);
        Assert.Equal(0, Build().Code);
        Assert.Contains("2021-04-30---Hot-Papers.md", PostManifest.Load(_temp["posts"]).Posts.Keys);
    }

    [Fact]
    public void A_corrupt_manifest_is_bad_input()
    {
        Assert.Equal(0, Build().Code);
        File.WriteAllText(_temp["posts/" + PostManifest.FileName], "{ not json");
        var (code, _, stderr) = Build();
        Assert.Equal(1, code);
        Assert.Contains(PostManifest.FileName + ": expected hotpapers' manifest", stderr);
    }
}
