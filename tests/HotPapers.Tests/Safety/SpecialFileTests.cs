using System.Runtime.InteropServices;
using HotPapers.Output;

namespace HotPapers.Tests.Safety;

/// <summary>
/// Found by an adversarial test: a FIFO as a records file or as the manifest hung the build, a manifest
/// linked to /dev/zero ran it out of memory, and a lock that was a symbolic link created its target.
/// Whatever is not a regular file where hotpapers reads one (a FIFO, a device, a folder) is refused,
/// naming the file, what was expected and what was found, before it is opened.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly TempDir _temp = Fixture.TempDir();

    public SpecialFileTests()
    {
        ExternalTool.RequireThat(OperatingSystem.IsLinux(), "FIFOs and devices in place of files are tested on Linux");
        Directory.CreateDirectory(_temp["records"]);
        File.WriteAllText(_temp["records/2021-04-30.json"], SampleRecords.Daily());
    }

    public void Dispose() => _temp.Dispose();

    private string Posts => _temp["posts"];

    [DllImport("libc", EntryPoint = "mkfifo")]
    private static extern int MkFifo(byte[] path, uint mode);

    private static string Fifo(string path)
    {
        Assert.Equal(0, MkFifo(System.Text.Encoding.UTF8.GetBytes(path + "\0"), Convert.ToUInt32("600", 8)));
        return path;
    }

    /// <summary>
    /// Runs the command line. A reader that opens the FIFO waits for a writer for ever: after a while one
    /// comes and writes nonsense, so that the test fails instead of hanging.
    /// </summary>
    private static (int Code, string Stdout, string Stderr) Run(string? fifo, params string[] args)
    {
        var run = Task.Run(() => InProcessCli.Run(args));
        if (fifo is not null && !run.Wait(TimeSpan.FromSeconds(20)))
        {
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            writer.Write("not what you expected"u8);
        }
        return run.GetAwaiter().GetResult();
    }

    private (int Code, string Stdout, string Stderr) Build(string? fifo, params string[] extra) =>
        Run(fifo, ["build", "--all", "--records", _temp["records"], "--output", Posts, .. extra]);

    private void AssertRefused((int Code, string Stdout, string Stderr) result, string file, string expected, string found)
    {
        Assert.Equal(1, result.Code);
        Assert.Contains($"error: {file}: ", result.Stderr);
        Assert.Contains($"expected {expected}, found {found}", result.Stderr);
        Assert.Contains("Nothing was written.", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.False(Directory.Exists(Posts) && Directory.EnumerateFiles(Posts, "*.md").Any());
    }

    // Found by review: every build looks for the blog it writes into, up the folders, and read a Hugo
    // config.toml there without asking what it is.
    [SkippableFact]
    public void A_FIFO_named_like_a_blogs_configuration_above_the_output_is_never_opened()
    {
        var fifo = Fifo(_temp["config.toml"]);
        var run = Task.Run(() => InProcessCli.Run(["build", "--all", "--records", _temp["records"], "--output", Posts]));
        var finished = run.Wait(TimeSpan.FromSeconds(20));
        if (!finished)
        {
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            writer.Write("baseURL = 'x'"u8);
        }
        Assert.True(finished, "the build opened the FIFO and waited for a writer");
        Assert.Equal(0, run.Result.Code);
    }

    [SkippableFact]
    public void A_FIFO_as_a_records_file_is_refused_not_read()
    {
        var fifo = Fifo(_temp["records/2021-05-01.json"]);
        AssertRefused(Build(fifo), fifo, "a records file", "a FIFO (a named pipe)");
    }

    [SkippableFact]
    public void A_device_as_a_records_file_is_refused()
    {
        var link = _temp["records/2021-05-01.json"];
        File.CreateSymbolicLink(link, "/dev/zero");
        AssertRefused(Build(null), link, "a records file", "a device");
    }

    // Found by a second trial: a link to nothing named as a records file was "no such file", and --date added that the
    // records folder has that day.
    [SkippableFact]
    public void A_link_to_nothing_as_a_records_file_is_named_so()
    {
        var link = _temp["records/2021-05-01.json"];
        File.CreateSymbolicLink(link, _temp["moved/2021-05-01.json"]);
        AssertRefused(Build(null), link, "a records file", $"a symbolic link to nothing ({_temp["moved/2021-05-01.json"]})");
        AssertRefused(Run(null, "build", "--date", "2021-05-01", "--records", _temp["records"], "--output", Posts), link,
            "the records of 2021-05-01", $"a symbolic link to nothing ({_temp["moved/2021-05-01.json"]})");
    }

    [SkippableFact]
    public void A_folder_where_the_records_of_a_day_go_is_named_as_a_folder()
    {
        Directory.CreateDirectory(_temp["records/2021-05-01.json"]);
        var result = Run(null, "build", "--date", "2021-05-01", "--records", _temp["records"], "--output", Posts);
        AssertRefused(result, _temp["records/2021-05-01.json"], "the records of 2021-05-01", "a folder");
    }

    [SkippableFact]
    public void A_FIFO_as_the_manifest_is_refused_not_read()
    {
        Directory.CreateDirectory(Posts);
        var fifo = Fifo(Path.Combine(Posts, PostManifest.FileName));
        AssertRefused(Build(fifo), fifo, "hotpapers' manifest of the posts it wrote", "a FIFO (a named pipe)");
    }

    [SkippableFact]
    public void A_manifest_linked_to_dev_zero_is_refused_not_read_to_the_end_of_memory()
    {
        Directory.CreateDirectory(Posts);
        var manifest = Path.Combine(Posts, PostManifest.FileName);
        File.CreateSymbolicLink(manifest, "/dev/zero");
        AssertRefused(Build(null), manifest, "hotpapers' manifest of the posts it wrote", "a device");
    }

    [SkippableFact]
    public void A_folder_as_the_manifest_is_refused()
    {
        var manifest = Path.Combine(Posts, PostManifest.FileName);
        Directory.CreateDirectory(manifest);
        AssertRefused(Build(null), manifest, "hotpapers' manifest of the posts it wrote", "a folder");
        Assert.True(Directory.Exists(manifest));
    }

    [SkippableFact]
    public void A_lock_that_is_a_symbolic_link_does_not_create_its_target()
    {
        Directory.CreateDirectory(Posts);
        var target = _temp["elsewhere/victim"];
        Directory.CreateDirectory(_temp["elsewhere"]);
        var lockFile = Path.Combine(Posts, OutputLock.FileName);
        File.CreateSymbolicLink(lockFile, target);
        AssertRefused(Build(null), lockFile, "hotpapers' lock file (a plain file, or none; delete it and run again)", "a symbolic link");
        Assert.False(File.Exists(target));
        Assert.NotNull(new FileInfo(lockFile).LinkTarget);
    }

    [SkippableFact]
    public void A_FIFO_where_a_post_goes_is_refused_not_read()
    {
        Directory.CreateDirectory(Posts);
        var fifo = Fifo(Path.Combine(Posts, "2021-04-30---Hot-Papers.md"));
        var (code, _, stderr) = Build(fifo);
        Assert.Equal(1, code);
        Assert.Contains($"{fifo}: expected a post file (or none), found a FIFO (a named pipe). Nothing was written.", stderr);
        Assert.Equal(FileKind.Fifo, InputFile.KindOf(fifo));
    }

    // Found by review: the system reads a path up to its first NUL, so "file\0more" was taken for "file".
    [Fact]
    public void A_path_holding_a_NUL_names_no_file_even_where_its_start_does()
    {
        var file = _temp["records/2021-04-30.json"];
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "{}");
        Assert.Equal(FileKind.File, InputFile.KindOf(file));
        Assert.Equal(FileKind.Missing, InputFile.KindOf(file + "\0.json"));
        Assert.Throws<IOException>(() => FileSwap.MoveToFreeName(file, file + "\0x"));
        Assert.True(File.Exists(file));
    }

    [SkippableFact]
    public void A_FIFO_as_a_template_is_refused_not_read()
    {
        Directory.CreateDirectory(_temp["templates"]);
        var fifo = Fifo(_temp["templates/post.md.sbn"]);
        var (code, _, stderr) = Build(fifo, "--templates", _temp["templates"]);
        Assert.Equal(1, code);
        Assert.Contains($"error: template {fifo}(1,1): expected a template file, found a FIFO (a named pipe)", stderr);
        Assert.Contains("Nothing was written.", stderr);
    }

    [SkippableFact]
    public void A_FIFO_as_the_settings_file_is_refused_not_read()
    {
        var fifo = Fifo(_temp["hotpapers.yml"]);
        AssertRefused(Build(fifo, "--config", fifo), fifo, "a settings file", "a FIFO (a named pipe)");
    }

    [SkippableFact]
    public void A_FIFO_among_the_posts_to_import_is_refused_and_the_others_import()
    {
        Directory.CreateDirectory(_temp["old"]);
        File.Copy(Path.Combine(Importing.ImportHarness.PostsDir, "2021-05-10---Hot-Papers.md"), _temp["old/2021-05-10---Hot-Papers.md"]);
        var fifo = Fifo(_temp["old/2021-05-11---Hot-Papers.md"]);
        var (code, stdout, stderr) = Run(fifo, "import", _temp["old"], "--records", _temp["imported"]);
        Assert.Equal(1, code);
        Assert.Contains($"error: {fifo}: expected a post, found a FIFO (a named pipe)", stderr);
        Assert.Contains("1 imported", stdout);
        Assert.True(File.Exists(_temp["imported/2021-05-10.json"]));
    }

    [SkippableFact]
    public void The_rule_tells_each_kind_apart_through_links()
    {
        File.CreateSymbolicLink(_temp["link"], _temp["records/2021-04-30.json"]);
        File.CreateSymbolicLink(_temp["dangling"], _temp["nothing"]);
        File.CreateSymbolicLink(_temp["loop"], _temp["loop"]);
        Assert.Equal(
            [FileKind.File, FileKind.File, FileKind.Link, FileKind.Missing, FileKind.Link, FileKind.LinkLoop, FileKind.Folder, FileKind.Device, FileKind.Fifo],
            [InputFile.KindOf(_temp["records/2021-04-30.json"]), InputFile.KindOf(_temp["link"]), InputFile.KindOf(_temp["link"], followLinks: false),
             InputFile.KindOf(_temp["dangling"]), InputFile.KindOf(_temp["dangling"], followLinks: false), InputFile.KindOf(_temp["loop"]),
             InputFile.KindOf(_temp["records"]), InputFile.KindOf("/dev/null"), InputFile.KindOf(Fifo(_temp["fifo"]))]);
    }
}
