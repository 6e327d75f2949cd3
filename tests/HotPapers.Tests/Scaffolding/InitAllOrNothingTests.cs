using HotPapers.Cli;
using HotPapers.Output;

namespace HotPapers.Tests.Scaffolding;

/// <summary>
/// init writes its files all or none: a folder that refuses one, or a rename refused part way, leaves every file
/// (and folder) as it was, and is told in the project's words, not .NET's.
/// </summary>
public sealed class InitAllOrNothingTests : IDisposable
{
    private readonly TempDir _temp = Fixture.TempDir();

    public void Dispose()
    {
        StagedPosts.BeforeRename.Value = null;
        _temp.Dispose();
    }

    private string Blog => _temp["blog"];

    // A blog init set up, whose owner then edited hotpapers.yml, the workflow and .gitignore.
    private void SetUpAndEdit()
    {
        Assert.Equal(ExitCodes.Success, InProcessCli.Run("init", Blog).Code);
        foreach (var file in new[] { "hotpapers.yml", ".github/workflows/hotpapers.yml", ".gitignore" })
            File.AppendAllText(Path.Combine(Blog, file), "# mine\n");
    }

    // Found by a new user's trial: with .github/workflows read-only, init wrote hotpapers.yml, the schema and
    // content/records/.gitkeep, then stopped with .NET's "Access to the path '…/hotpapers.yml' is denied.", and nothing
    // said those three were written.
    [SkippableFact]
    public void A_workflows_folder_init_may_not_write_to_stops_it_before_any_file_is_written()
    {
        Directory.CreateDirectory(Path.Combine(Blog, ".github", "workflows"));
        var before = FolderSnapshot.Of(Blog);
        using (RefusedPaths.Unwritable(Path.Combine(Blog, ".github", "workflows")))
        {
            var (code, stdout, stderr) = InProcessCli.Run("init", Blog);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal($"error: {Path.Combine(Blog, ".github", "workflows")}: expected a folder hotpapers may write to, found no permission to write there\nNothing was written.\n", stderr);
            Assert.Equal("", stdout);
            Assert.Equal(before, FolderSnapshot.Of(Blog));
        }
    }

    // Found by a new user's trial: init --force, with .github/workflows read-only, had replaced the user's edited
    // hotpapers.yml with the default before it failed on the workflow, naming its temporary file.
    [SkippableFact]
    public void Init_force_into_a_workflows_folder_it_may_not_write_to_keeps_the_owner_s_files()
    {
        SetUpAndEdit();
        var before = FolderSnapshot.Of(Blog);
        using (RefusedPaths.Unwritable(Path.Combine(Blog, ".github", "workflows")))
        {
            var (code, _, stderr) = InProcessCli.Run("init", "--force", Blog);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal($"error: {Path.Combine(Blog, ".github", "workflows")}: expected a folder hotpapers may write to, found no permission to write there\nNothing was written.\n", stderr);
            Assert.Equal(before, FolderSnapshot.Of(Blog));
        }
    }

    // Found by a new user's trial: a write refused part way (here the last rename, after every other file was in
    // place) left the files before it written. Without root: the rename is refused through the commit's seam.
    [Fact]
    public void A_rename_refused_part_way_puts_back_every_file_init_replaced()
    {
        SetUpAndEdit();
        var before = FolderSnapshot.Of(Blog);
        var settings = Path.Combine(Blog, "hotpapers.yml");
        var renamed = new List<string>();
        StagedPosts.BeforeRename.Value = path =>
        {
            renamed.Add(path);
            if (path == settings) throw new UnauthorizedAccessException("Access denied");
        };

        var (code, _, stderr) = InProcessCli.Run("init", "--force", Blog);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"error: {settings}: expected a file hotpapers may replace, found no permission to replace it\nNothing was written.\n", stderr);
        // The others were in place by then (their order is the paths'), and were put back.
        Assert.Contains(Path.Combine(Blog, ".github", "workflows", "hotpapers.yml"), renamed);
        Assert.Equal(settings, renamed[^1]);
        Assert.Equal(before, FolderSnapshot.Of(Blog));
    }

    [Fact]
    public void A_rename_refused_part_way_into_a_new_folder_leaves_no_file_nor_folder()
    {
        StagedPosts.BeforeRename.Value = path =>
        {
            if (path == Path.Combine(Blog, "hotpapers.yml")) throw new IOException("Input/output error");
        };

        var (code, _, stderr) = InProcessCli.Run("init", Blog);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"error: {Blog}: expected a folder hotpapers may write to, found the system refusing to write there (Input/output error)\nNothing was written.\n", stderr);
        Assert.False(Directory.Exists(Blog));
    }

    // init looked, found no hotpapers.yml, and decided to write one: one saved there meanwhile is the owner's.
    [Fact]
    public void A_file_saved_where_init_found_none_is_not_replaced_and_nothing_is_written()
    {
        var settings = Path.Combine(Blog, "hotpapers.yml");
        StagedPosts.BeforeRename.Value = path =>
        {
            if (path == settings) File.WriteAllText(settings, "# mine\n");
        };

        var (code, _, stderr) = InProcessCli.Run("init", Blog);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"error: {settings}: expected no file (as init found none), found one written there while init ran; run init again\nNothing was written.\n", stderr);
        Assert.Equal(new SortedDictionary<string, string>(StringComparer.Ordinal) { ["hotpapers.yml"] = FolderSnapshot.Bytes("# mine\n"u8.ToArray()) }, FolderSnapshot.Of(Blog));
    }
}
