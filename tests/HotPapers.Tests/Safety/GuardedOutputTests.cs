using HotPapers.Safety;
using HotPapers.Output;

namespace HotPapers.Tests.Safety;

/// <summary>One build's write session: staged posts, the lock, and another build that finished meanwhile.</summary>
public sealed class GuardedOutputTests : IDisposable
{
    private readonly TempDir _temp = Fixture.TempDir();

    public void Dispose() => _temp.Dispose();

    private string Posts => _temp["posts"];

    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private void Write(string name, string text)
    {
        using var session = GuardedOutput.Open(Posts, checkOnly: false, force: false);
        session.Offer("r.json", Path.Combine(Posts, name), Bytes(text));
        session.Commit();
    }

    [Fact]
    public void Nothing_is_in_place_before_commit_and_nothing_stays_without_it()
    {
        Write("a.md", "old\n");
        using (var session = GuardedOutput.Open(Posts, checkOnly: false, force: false))
        {
            var post = session.Offer("r.json", Path.Combine(Posts, "a.md"), Bytes("new\n"));
            Assert.Equal(WriteOutcome.Updated, post.Outcome);
            Assert.Equal("old\n", File.ReadAllText(Path.Combine(Posts, "a.md")));
            Assert.Single(Directory.GetFiles(Posts, "*" + PostWriter.TempSuffix));
        }
        Assert.Equal("old\n", File.ReadAllText(Path.Combine(Posts, "a.md")));
        Assert.Empty(Directory.GetFiles(Posts, "*" + PostWriter.TempSuffix));
    }

    [Fact]
    public void Posts_another_build_wrote_meanwhile_are_not_called_hand_edits()
    {
        Write("a.md", "first\n");
        using var session = GuardedOutput.Open(Posts, checkOnly: false, force: false);
        Write("a.md", "second\n"); // another build, finished while this one rendered
        var post = session.Offer("r.json", Path.Combine(Posts, "a.md"), Bytes("third\n"));
        Assert.True(post.EditedByHand); // against the manifest this build read
        var e = Assert.Throws<OutputBusyException>(session.Commit);
        Assert.Contains("wrote to this folder while this one was running", e.Message);
        Assert.Equal("second\n", File.ReadAllText(Path.Combine(Posts, "a.md")));
    }

    [Fact]
    public void A_real_hand_edit_is_refused_naming_the_post()
    {
        Write("a.md", "first\n");
        File.WriteAllText(Path.Combine(Posts, "a.md"), "mine\n");
        using var session = GuardedOutput.Open(Posts, checkOnly: false, force: false);
        session.Offer("r.json", Path.Combine(Posts, "a.md"), Bytes("second\n"));
        var e = Assert.Throws<PostsEditedException>(session.Commit);
        Assert.Equal([Path.Combine(Posts, "a.md")], e.Paths);
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(Posts, "a.md")));
    }

    [Fact]
    public void A_post_saved_by_hand_while_the_build_rendered_is_not_replaced()
    {
        Write("a.md", "first\n");
        using var session = GuardedOutput.Open(Posts, checkOnly: false, force: false);
        session.Offer("r.json", Path.Combine(Posts, "a.md"), Bytes("second\n"));
        File.WriteAllText(Path.Combine(Posts, "a.md"), "my edit, saved meanwhile\n");
        var e = Assert.Throws<PostsEditedException>(session.Commit);
        Assert.Equal([Path.Combine(Posts, "a.md")], e.Paths);
        Assert.Equal("my edit, saved meanwhile\n", File.ReadAllText(Path.Combine(Posts, "a.md")));
    }

    [Fact]
    public void A_folder_where_a_post_goes_is_refused_before_anything_is_written()
    {
        Directory.CreateDirectory(Path.Combine(Posts, "a.md"));
        using var session = GuardedOutput.Open(Posts, checkOnly: false, force: false);
        var e = Assert.Throws<IOException>(() => session.Offer("r.json", Path.Combine(Posts, "a.md"), Bytes("x\n")));
        Assert.Contains("expected a post file (or none), found a folder", e.Message);
    }

    [Fact]
    public void Leftovers_in_post_folders_are_removed_too()
    {
        Directory.CreateDirectory(Path.Combine(Posts, "2021-04-30"));
        var leftover = Path.Combine(Posts, "2021-04-30", "index.md.999" + PostWriter.TempSuffix);
        File.WriteAllText(leftover, "half");
        Write("a.md", "first\n");
        Assert.False(File.Exists(leftover));
    }

    // Found by an adversarial test: the sweep followed a symlink to a folder outside and deleted its
    // *.tmp-hotpapers files, and two links to "." made every build walk an endless tree.
    [Fact]
    public void The_leftover_sweep_follows_no_symlink_out_of_the_folder_or_in_a_loop()
    {
        var outside = _temp["outside"];
        Directory.CreateDirectory(outside);
        var theirs = Path.Combine(outside, "notes.md.1" + PostWriter.TempSuffix);
        File.WriteAllText(theirs, "not ours");
        Directory.CreateDirectory(Posts);
        Directory.CreateSymbolicLink(Path.Combine(Posts, "link"), outside);
        Directory.CreateSymbolicLink(Path.Combine(Posts, "loop1"), Posts);
        Directory.CreateSymbolicLink(Path.Combine(Posts, "loop2"), Posts);
        File.WriteAllText(Path.Combine(Posts, "b.md.999" + PostWriter.TempSuffix), "half");
        Write("a.md", "first\n");
        Assert.True(File.Exists(theirs));
        Assert.False(File.Exists(Path.Combine(Posts, "b.md.999" + PostWriter.TempSuffix)));
    }

    // Found by an adversarial test: with builds on "out" and "out/sub" at once, the outer build's sweep
    // deleted the inner build's staged posts.
    [Fact]
    public void The_sweep_leaves_a_nested_output_folder_to_its_own_build()
    {
        var inner = Path.Combine(Posts, "sub");
        Directory.CreateDirectory(inner);
        using var innerBuild = GuardedOutput.Open(inner, checkOnly: false, force: false);
        innerBuild.Offer("r.json", Path.Combine(inner, "x.md"), Bytes("the inner build's\n"));
        var staged = Assert.Single(Directory.GetFiles(inner, "*" + PostWriter.TempSuffix));
        Write("a.md", "first\n");
        Assert.True(File.Exists(staged));
        innerBuild.Commit();
        Assert.Equal("the inner build's\n", File.ReadAllText(Path.Combine(inner, "x.md")));
    }

    [Fact]
    public void A_leftover_under_this_process_id_is_removed_before_its_name_is_used_again()
    {
        // A killed run whose process id this one has (process ids come round, containers start at 1):
        // the temp file's name is taken, and staging opens it only as a new file.
        var post = Path.Combine(Posts, "a.md");
        Directory.CreateDirectory(Posts);
        File.WriteAllText(PostWriter.TempPath(post), "half");
        Write("a.md", "first\n");
        Assert.Equal("first\n", File.ReadAllText(post));
        Assert.False(File.Exists(PostWriter.TempPath(post)));
    }

    [Fact]
    public void A_failed_build_with_a_folder_per_post_leaves_no_folders()
    {
        Directory.CreateDirectory(_temp["records"]);
        File.WriteAllText(_temp["records/2021-04-30.json"], SampleRecords.Daily());
        File.WriteAllText(_temp["records/2021-05-01.json"], SampleRecords.Daily().Replace("\"2021-04-30\"", "\"2021-05-01\""));
        File.WriteAllText(_temp["records/2021-05-02.json"], "{ broken");
        Directory.CreateDirectory(Posts);
        File.WriteAllText(Path.Combine(Posts, "notes.txt"), "mine");
        var settings = HotPapers.Settings.BuildSettings.Default with { RecordsPath = _temp["records"], OutputDirectory = Posts, FileNamePattern = "{date}/index.md" };

        Assert.Throws<InputException>(() => new HotPapers.Building.PostBuilder(settings).Build(new HotPapers.Building.BuildRequest.All()));

        Assert.Empty(Directory.GetDirectories(Posts));
        Assert.Equal(["notes.txt"], Directory.GetFiles(Posts).Select(Path.GetFileName).Where(n => n != OutputLock.FileName));
    }
}
