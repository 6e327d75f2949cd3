using HotPapers.Cli;
using HotPapers.Output;

namespace HotPapers.Tests.Safety;

/// <summary>
/// Found by a new user's trial: an output folder on a read-only file system was blamed on another build
/// holding its lock, and a file in place of the folder, a folder the system will not make or a refused
/// lock file in the site's folder came out as .NET's own messages. build, site and serve say the same of
/// the folder (its path, what was expected, what was found, "Nothing was written."), and leave what is
/// there as it was; only a lock really held is another build's.
/// </summary>
public sealed class OutputFolderTests : IDisposable
{
    private const int EROFS = 30;
    private const int ENOSPC = 28;

    private readonly TempDir _temp = Fixture.TempDir();
    private static readonly string Records = Path.Combine(Fixture.RepoRoot(), "content", "records");

    public void Dispose() => _temp.Dispose();

    private static (int Code, string Stderr) Build(string output)
    {
        var (code, _, stderr) = InProcessCli.Run("build", "--all", "--records", Records, "--output", output);
        return (code, stderr);
    }

    private static (int Code, string Stderr) Site(string output)
    {
        var (code, _, stderr) = InProcessCli.Run("site", "--records", Records, "--output", output);
        return (code, stderr);
    }

    // serve builds the site as site does before it serves anything: its first build's failure ends it, so it cannot hang here.
    private static (int Code, string Stderr) Serve(string output)
    {
        var (code, _, stderr) = InProcessCli.Run("serve", "--port", "0", "--records", Records, "--output", output);
        return (code, stderr);
    }

    private static void AssertRefused((int Code, string Stderr) result, string message)
    {
        Assert.Equal(ExitCodes.BadInput, result.Code);
        Assert.Equal($"error: {message}\nNothing was written.\n", result.Stderr);
    }

    // What is at the path, or in it, is no folder: build, site and serve say so, each of what the folder is for.
    private static void AssertNotAFolder(string output, string found)
    {
        AssertRefused(Build(output), $"{output}: expected a folder for the posts (or none yet), found {found}");
        AssertRefused(Site(output), $"{output}: expected a folder for the site (or none yet), found {found}");
        AssertRefused(Serve(output), $"{output}: expected a folder for the site (or none yet), found {found}");
    }

    [Fact]
    public void A_file_in_place_of_the_posts_folder_is_named_as_a_file_and_kept()
    {
        var file = _temp["afile"];
        File.WriteAllText(file, "mine");
        AssertNotAFolder(file, "a file");
        Assert.Equal("mine", File.ReadAllText(file));
    }

    [Fact]
    public void A_file_in_the_output_folders_path_is_named()
    {
        var file = _temp["afile"];
        File.WriteAllText(file, "mine");
        var output = Path.Combine(file, "sub");
        AssertNotAFolder(output, $"a file in its path ({file})");
        Assert.Equal("mine", File.ReadAllText(file));
    }

    [Fact]
    public void A_read_only_file_system_is_not_taken_for_another_build()
    {
        var output = _temp["out"];
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "CNAME"), "example.org");
        // What .NET throws when the system answers EROFS (no test can mount a read-only file system).
        OutputLock.BeforeOpening.Value = path => throw new IOException($"Read-only file system : '{path}'", EROFS);
        try
        {
            var message = $"{output}: expected a folder hotpapers may write to, found a read-only file system";
            AssertRefused(Build(output), message);
            AssertRefused(Site(output), message);
            AssertRefused(Serve(output), message);
        }
        finally
        {
            OutputLock.BeforeOpening.Value = null;
        }
        Assert.Equal(["CNAME"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName));
    }

    [Fact]
    public void Any_other_refusal_of_the_system_is_told_with_its_reason_not_taken_for_another_build()
    {
        var output = _temp["out"];
        OutputLock.BeforeOpening.Value = path => throw new IOException($"No space left on device : '{path}'", ENOSPC);
        try
        {
            var found = "the system refusing to write there (No space left on device)";
            AssertRefused(Build(output), $"{output}: expected a folder hotpapers may write to, found {found}");
            AssertRefused(Site(output), $"{output}: expected a folder hotpapers may write to, found {found}");
        }
        finally
        {
            OutputLock.BeforeOpening.Value = null;
        }
    }

    // The folder, not .NET's message about the lock file in it.
    [SkippableFact]
    public void A_folder_that_cannot_be_written_is_named_not_its_lock_file()
    {
        var output = _temp["out"];
        Directory.CreateDirectory(output);
        using (RefusedPaths.Unwritable(output))
        {
            var message = $"{output}: expected a folder hotpapers may write to, found no permission to write there";
            AssertRefused(Build(output), message);
            AssertRefused(Site(output), message);
            AssertRefused(Serve(output), message);
            Assert.Empty(Directory.EnumerateFileSystemEntries(output));
        }
    }

    [SkippableFact]
    public void A_folder_the_system_will_not_make_is_named()
    {
        var output = RefusedPaths.Unmakeable("hotpapers-no-such-folder");
        var message = $"{output}: expected a folder hotpapers may write to, found none, and the system refuses to make one there";
        AssertRefused(Build(output), message);
        AssertRefused(Site(output), message);
        AssertRefused(Serve(output), message);
    }
}
