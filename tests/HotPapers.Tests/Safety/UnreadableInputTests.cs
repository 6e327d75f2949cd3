namespace HotPapers.Tests.Safety;

/// <summary>
/// Inputs the system will not let hotpapers read (no permission), each told with its path and what it was to be.
/// Found by a new user's trial: an unreadable records file, records folder, manifest, settings file or template was
/// .NET's "Access to the path '...' is denied." Mode bits stop any user but root, so as root the real tool runs as
/// nobody (setpriv), in a process of its own; as another user, in this one.
/// </summary>
[Trait(Speed.Key, Speed.Slow)]
public sealed class UnreadableInputTests : IDisposable
{
    private readonly TempDir _temp = Fixture.TempDir();

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows()) OpenToAnyUser();
        _temp.Dispose();
    }

    // The folder and all in it open to any user (the test's user may be root, the tool's nobody), before a test closes
    // its one input, and again for the folder to be deleted.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private void OpenToAnyUser()
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(_temp.Path, "*", SearchOption.AllDirectories).Append(_temp.Path))
            File.SetUnixFileMode(entry, (UnixFileMode)0x1FF);
    }

    [SkippableTheory]
    [InlineData("records/2021-04-30.json", "a records file")]
    [InlineData("records", "a folder of records files")]
    [InlineData("posts/.hotpapers-manifest.json", "hotpapers' manifest of the posts it wrote")]
    [InlineData("hotpapers.yml", "a settings file")]
    [InlineData("templates/post.md.sbn", "a template")]
    [InlineData("templates", "a templates folder")]
    // Found by a second trial: told as its folder not writable.
    [InlineData("posts/2021-04-30---Hot-Papers.md", "a file hotpapers may read, to compare with what it would write there")]
    public void An_input_hotpapers_may_not_read_is_named_with_what_it_was_to_be(string unreadable, string expected)
    {
        // Thrown, not Skip.If: the platform analyzer sees no other guard of SetUnixFileMode.
        if (OperatingSystem.IsWindows()) throw new SkipException("permissions are Unix modes here");
        Directory.CreateDirectory(_temp["records"]);
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), _temp["records/2021-04-30.json"]);
        File.WriteAllText(_temp["hotpapers.yml"], "records: records\noutput: posts\ntemplates: templates\n");
        Directory.CreateDirectory(_temp["templates"]);
        File.WriteAllText(_temp["templates/post.md.sbn"], "{{ post.title }}\n");
        var (built, _, error) = InProcessCli.Run("build", "--all", "--config", _temp["hotpapers.yml"]);
        Assert.True(built == 0, error);
        // Everything open to any user (the test's user may be root, the tool's nobody), but the one input.
        OpenToAnyUser();
        File.SetUnixFileMode(_temp[unreadable], UnixFileMode.None);
        var before = FolderSnapshot.Of(_temp["posts"]);

        var (code, stdout, stderr) = RunUnprivileged("build", "--all", "--config", "hotpapers.yml");

        Assert.True(code == 1, stdout + stderr);
        Assert.Equal($"error: {unreadable}: expected {expected}, found no permission to read it\nNothing was written.\n", stderr.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(_temp[unreadable], (UnixFileMode)0x1FF);
        Assert.Equal(before, FolderSnapshot.Of(_temp["posts"]));
    }

    // Found by a trial: a records folder of mode 444 (listed, not entered) had its files "no such file", beside a list of them.
    [SkippableFact]
    public void A_records_folder_that_may_be_listed_but_not_entered_is_told_so()
    {
        if (OperatingSystem.IsWindows()) throw new SkipException("permissions are Unix modes here");
        Directory.CreateDirectory(_temp["records"]);
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), _temp["records/2021-04-30.json"]);
        OpenToAnyUser();
        File.SetUnixFileMode(_temp["records"], UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (code, stdout, stderr) = RunUnprivileged("build", "--date", "2021-04-30", "--records", "records", "--output", "posts");

        Assert.True(code == 1, stdout + stderr);
        Assert.Equal("error: records/2021-04-30.json: expected the records of 2021-04-30, found no permission to look at it "
            + "(a folder on its path may be listed but not entered: chmod +x it)\nNothing was written.\n", stderr.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(_temp["posts"]));
    }

    // Found by review: a day missing from a records folder that may be entered but not listed (mode 333) was .NET's
    // "Access to the path '...' is denied.", without "Nothing was written.": the look for its .JSON twin listed the folder.
    [SkippableFact]
    public void A_day_missing_from_a_records_folder_that_may_not_be_listed_names_the_folder()
    {
        if (OperatingSystem.IsWindows()) throw new SkipException("permissions are Unix modes here");
        Directory.CreateDirectory(_temp["records"]);
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), _temp["records/2021-04-30.json"]);
        OpenToAnyUser();
        File.SetUnixFileMode(_temp["records"], (UnixFileMode)0xDB);

        var (code, stdout, stderr) = RunUnprivileged("build", "--date", "2021-05-01", "--records", "records", "--output", "posts");

        Assert.True(code == 1, stdout + stderr);
        Assert.Equal("error: records: expected a folder of records files, found no permission to read it\nNothing was written.\n", stderr.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(_temp["posts"]));
    }

    // Found by review: a records file import compares, unreadable, stopped the whole import ("Nothing was written.") after
    // the posts before it were imported, and left those after it alone. It is that post's problem; the others go on.
    [SkippableFact]
    public void Import_goes_on_past_a_records_file_it_may_not_read()
    {
        if (OperatingSystem.IsWindows()) throw new SkipException("permissions are Unix modes here");
        var sample = Path.Combine(Fixture.RepoRoot(), "content");
        Directory.CreateDirectory(_temp["old"]);
        foreach (var post in Directory.GetFiles(Path.Combine(sample, "posts"), "*.md")) File.Copy(post, Path.Combine(_temp["old"], Path.GetFileName(post)));
        Directory.CreateDirectory(_temp["records"]);
        File.Copy(Path.Combine(sample, "records", "2021-05-03.json"), _temp["records/2021-05-03.json"]);
        OpenToAnyUser();
        File.SetUnixFileMode(_temp["records/2021-05-03.json"], UnixFileMode.None);

        var (code, stdout, stderr) = RunUnprivileged("import", "old", "--records", "records", "--timezone", "Asia/Tokyo");

        Assert.True(code == 1, stdout + stderr);
        Assert.Contains("error: records/2021-05-03.json: expected a file hotpapers may read, to compare with what it would write there, found no permission to read it\n", stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("created      records/2021-04-30.json", stdout, StringComparison.Ordinal);
        Assert.Contains("2 post(s): 1 imported", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(_temp["records/2021-04-30.json"]));
    }

    /// <summary>The real tool, in the test's folder, as a user whom mode bits stop.</summary>
    private (int Code, string Stdout, string Stderr) RunUnprivileged(params string[] args)
    {
        if (Environment.UserName != "root") return Processes.Hotpapers(_temp.Path, args);
        var setpriv = ExternalTool.Require("setpriv", "root reads any file: the tool runs as nobody through setpriv (util-linux)");
        var (program, leading) = Processes.HotpapersCommand;
        return Processes.Run(_temp.Path, setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", program, .. leading, .. args],
            new Dictionary<string, string> { ["HOME"] = _temp.Path, ["DOTNET_CLI_HOME"] = _temp.Path, ["DOTNET_NOLOGO"] = "1" });
    }
}
