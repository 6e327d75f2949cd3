using HotPapers.Output;

namespace HotPapers.Tests.Safety;

/// <summary>
/// The commit is all or nothing, and loses no hand edit. Found by an adversarial test: a rename that
/// failed part way (an immutable post) left 76 of 300 posts new and the rest old, and a post saved by
/// hand during the commit (after the check, before its rename) was overwritten, with exit 0.
/// </summary>
public sealed class CommitTests : IDisposable
{
    private static readonly string[] Days = ["2021-04-30", "2021-05-01", "2021-05-02"];

    private readonly TempDir _temp = Fixture.TempDir();

    public CommitTests()
    {
        Directory.CreateDirectory(_temp["records"]);
        WriteRecords("first");
        Assert.Equal(0, Build().Code);
        WriteRecords("second");
    }

    public void Dispose()
    {
        Writeback.AfterWriting.Value = null;
        StagedPosts.BeforeRename.Value = null;
        StagedPosts.BeforeRemovingOld.Value = null;
        _temp.Dispose();
    }

    private string Posts => _temp["posts"];

    private string Post(int i) => Path.Combine(Posts, Days[i] + "---Hot-Papers.md");

    private void WriteRecords(string text)
    {
        foreach (var day in Days)
            File.WriteAllText(_temp[$"records/{day}.json"], SampleRecords.Daily(text: text).Replace("\"2021-04-30\"", $"\"{day}\""));
    }

    private (int Code, string Stdout, string Stderr) Build(params string[] extra) =>
        InProcessCli.Run(["build", "--all", "--records", _temp["records"], "--output", Posts, .. extra]);

    private SortedDictionary<string, string> Folder() => FolderSnapshot.Of(Posts);

    // Ctrl+C (the CLI cancels the token): no digest starts rendering after it, and nothing is committed, even
    // when it comes after the last post is staged.
    [Theory]
    [InlineData(1)]
    [InlineData(0)] // at the last post staged
    public void A_cancelled_build_renders_no_further_digest_commits_nothing_and_removes_what_it_staged(int cancelAt)
    {
        const int More = 40;
        for (var i = 0; i < More; i++)
        {
            var day = new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            File.WriteAllText(_temp[$"records/{day}.json"], SampleRecords.Daily().Replace("\"2021-04-30\"", $"\"{day}\""));
        }
        var digests = More + Days.Length;
        if (cancelAt == 0) cancelAt = digests;
        var before = Folder();
        using var stop = new CancellationTokenSource();
        var staged = 0;
        var gate = new Lock();
        // Counted and cancelled in one step: a render thread that staged its post between the count and the
        // cancel could otherwise start the next digest before the token was set (seen under load).
        Writeback.AfterWriting.Value = _ =>
        {
            lock (gate)
            {
                if (++staged == cancelAt) stop.Cancel();
            }
        };
        var builder = new HotPapers.Building.PostBuilder(HotPapers.Settings.BuildSettings.Default with { RecordsPath = _temp["records"], OutputDirectory = Posts });

        Assert.Throws<OperationCanceledException>(() => builder.Build(new HotPapers.Building.BuildRequest.All(), stop.Token));

        // The digests already rendering when it came finish; none starts after it.
        Assert.InRange(staged, cancelAt, Math.Max(cancelAt, Math.Min(Environment.ProcessorCount, digests - 1)));
        Assert.Equal(before, Folder());
    }

    [Fact]
    public void A_rename_that_fails_part_way_puts_back_the_posts_already_replaced()
    {
        var before = Folder();
        StagedPosts.BeforeRename.Value = path =>
        {
            if (path == Post(1)) throw new IOException("Operation not permitted");
        };

        var (code, _, stderr) = Build();

        Assert.Equal(1, code);
        Assert.Contains($"error: {Post(1)}: could not be replaced (Operation not permitted). The posts already replaced were put back. Nothing was written.", stderr);
        Assert.Equal(before, Folder());
        StagedPosts.BeforeRename.Value = null;
        Assert.Equal(0, Build().Code);
        Assert.Contains("second", File.ReadAllText(Post(0)));
    }

    // Something real that refuses a rename part way, even with --force: a folder in place of the second post.
    [Fact]
    public void A_folder_in_place_of_a_post_at_commit_time_puts_back_the_posts_already_replaced()
    {
        var before = Folder();
        IOException e;
        using (var output = GuardedOutput.Open(Posts, checkOnly: false, force: true))
        {
            foreach (var i in new[] { 0, 1, 2 })
                output.Offer(_temp[$"records/{Days[i]}.json"], Post(i), File.ReadAllBytes(Post(i)).Concat("new\n"u8.ToArray()).ToArray());
            File.Delete(Post(1));
            Directory.CreateDirectory(Post(1));
            before[Path.GetFileName(Post(1))] = FolderSnapshot.AFolder;
            e = Assert.Throws<IOException>(output.Commit);
        }

        Assert.Equal($"{Post(1)}: expected a post file (or none), found a folder. The posts already replaced were put back. Nothing was written.", e.Message);
        Assert.True(Directory.Exists(Post(1)));
        Assert.Equal(before, Folder());
    }

    // The adversarial test's own case; making a file immutable takes root (CAP_LINUX_IMMUTABLE) and chattr.
    [SkippableFact]
    public void An_immutable_post_fails_the_commit_and_the_posts_already_replaced_are_put_back()
    {
        var before = Folder();
        using (RefusedPaths.Immutable(Post(1)))
        {
            var (code, _, stderr) = Build();
            Assert.Equal(1, code);
            Assert.Contains($"error: {Post(1)}: could not be replaced (", stderr);
            Assert.Contains("The posts already replaced were put back. Nothing was written.", stderr);
        }
        Assert.Equal(before, Folder());
    }

    [Fact]
    public void Without_a_way_to_swap_names_a_failed_rename_puts_back_the_posts_too()
    {
        var before = Folder();
        FileSwap.Disabled.Value = true;
        try
        {
            StagedPosts.BeforeRename.Value = path =>
            {
                if (path == Post(2)) throw new IOException("No space left on device");
            };
            Assert.Equal(1, Build().Code);
        }
        finally
        {
            FileSwap.Disabled.Value = false;
        }
        Assert.Equal(before, Folder());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_post_saved_by_hand_at_the_moment_of_its_rename_is_kept_and_reported(bool inPlace)
    {
        var before = Folder();
        var mine = "my edit, saved as the build commits\n";
        StagedPosts.BeforeRename.Value = path =>
        {
            if (path != Post(1)) return;
            if (inPlace)
            {
                File.WriteAllText(path, mine);
            }
            else
            {
                // As most editors save: a new file renamed over the old.
                File.WriteAllText(path + ".swp", mine);
                File.Move(path + ".swp", path, overwrite: true);
            }
        };

        var (code, _, stderr) = Build();

        Assert.Equal(1, code);
        Assert.Contains($"error: {Post(1)}: changed since hotpapers wrote it (edited by hand, or not written by hotpapers); "
            + "run again with --force to replace it, or delete it to have it rebuilt (to keep the edit, put it in the records: docs/reliability.md#hand-edits)", stderr);
        Assert.Contains("Nothing was written.", stderr);
        Assert.Equal(mine, File.ReadAllText(Post(1)));
        before[Path.GetFileName(Post(1))] = FolderSnapshot.Bytes(System.Text.Encoding.UTF8.GetBytes(mine));
        Assert.Equal(before, Folder());
    }

    // A post the build did not find takes its name in one step that fails if the name is taken: a file
    // saved there meanwhile is swapped out instead, and the check finds it.
    [Fact]
    public void A_file_saved_where_a_new_post_goes_at_the_moment_of_its_rename_is_kept_and_reported()
    {
        File.Delete(Post(1));
        var before = Folder();
        var mine = "my own page, saved as the build commits\n";
        StagedPosts.BeforeRename.Value = path =>
        {
            if (path == Post(1)) File.WriteAllText(path, mine);
        };

        var (code, _, stderr) = Build();

        Assert.Equal(1, code);
        Assert.Contains($"error: {Post(1)}: changed since hotpapers wrote it", stderr);
        Assert.Equal(mine, File.ReadAllText(Post(1)));
        before[Path.GetFileName(Post(1))] = FolderSnapshot.Bytes(System.Text.Encoding.UTF8.GetBytes(mine));
        Assert.Equal(before, Folder());
    }

    // Found by review: once every post is in place, an old post that cannot be removed is no failure of
    // the build (it said "error" and exited 1 with every post written).
    [Fact]
    public void An_old_post_that_cannot_be_removed_after_the_commit_is_a_warning_not_a_failure()
    {
        StagedPosts.BeforeRemovingOld.Value = backup => throw new IOException("Input/output error");
        WriteRecords("second");

        var (code, _, stderr) = Build();

        Assert.Equal(0, code);
        Assert.Contains("the old post, replaced, could not be removed (Input/output error); the next build removes it", stderr);
        Assert.Contains("second", File.ReadAllText(Post(1)));
        StagedPosts.BeforeRemovingOld.Value = null;
        Assert.Equal(0, Build().Code);
        Assert.DoesNotContain(Directory.EnumerateFiles(Posts), f => f.EndsWith(PostWriter.TempSuffix, StringComparison.Ordinal));
    }

    // A write through a handle opened before the rename lands in the old post, which the commit keeps
    // until it is done: it is checked again right before it would go, and put back in place.
    [Fact]
    public void A_write_through_a_handle_opened_before_the_rename_is_kept_in_place_of_the_new_post()
    {
        var before = File.ReadAllText(Post(1));
        FileStream? open = null;
        StagedPosts.BeforeRename.Value = path =>
        {
            if (path == Post(1)) open = new FileStream(path, FileMode.Append, FileAccess.Write);
            if (path != Post(2)) return;
            open!.Write("my note, written after its rename\n"u8); // after Post(1) was swapped and checked
            open.Dispose();
        };

        var (code, _, stderr) = Build();

        Assert.Equal(0, code);
        Assert.Contains($"warning: {Post(1)}: written to while this build replaced it; what was written is kept in place of the new post", stderr);
        Assert.Equal(before + "my note, written after its rename\n", File.ReadAllText(Post(1)));
        Assert.Contains("second", File.ReadAllText(Post(2)));
        StagedPosts.BeforeRename.Value = null;
        Assert.Equal(1, Build().Code); // an edit by hand now, which --force replaces
    }

    [Fact]
    public void A_failed_commit_into_a_new_folder_leaves_no_folder()
    {
        var fresh = _temp["fresh"];
        StagedPosts.BeforeRename.Value = path =>
        {
            if (path == Path.Combine(fresh, Path.GetFileName(Post(2)))) throw new IOException("Input/output error");
        };
        var (code, _, _) = InProcessCli.Run("build", "--all", "--records", _temp["records"], "--output", fresh);
        Assert.Equal(1, code);
        Assert.False(Directory.Exists(fresh));
    }
}
