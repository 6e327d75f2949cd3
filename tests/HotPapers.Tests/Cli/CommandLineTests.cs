using HotPapers.Cli;

namespace HotPapers.Tests.Cli;

/// <summary>The <c>hotpapers</c> command line, run in-process through <see cref="CommandLine.Run"/>.</summary>
public sealed class CommandLineTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => InProcessCli.Run(args);

    /// <summary>A records folder with the sample day and the old-format fixtures (a day, a range, an empty day).</summary>
    private static string Records(TempDir temp)
    {
        var dir = temp["records"];
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), Path.Combine(dir, "2021-04-30.json"));
        foreach (var f in Directory.EnumerateFiles(Fixture.Path("legacy"), "*.json")) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    private static Dictionary<string, (byte[] Bytes, DateTime Modified)> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)));

    private static void AssertSame(Dictionary<string, (byte[] Bytes, DateTime Modified)> before, string dir)
    {
        var after = Snapshot(dir);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (name, (bytes, modified)) in before)
        {
            Assert.Equal(bytes, after[name].Bytes);
            Assert.Equal(modified, after[name].Modified);
        }
    }

    private static void AssertNoStackTrace(string text)
    {
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
    }

    [Fact]
    public void Help_lists_the_build_command_and_its_options()
    {
        var (code, stdout, _) = Run("--help");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("build", stdout);

        var build = Run("build", "--help");
        Assert.Equal(ExitCodes.Success, build.Code);
        foreach (var option in new[] { "--date", "--until", "--all", "--records", "--output", "--templates", "--check" })
            Assert.Contains(option, build.Out);
    }

    // The README's usage names each option's value (--records PATH, --port N); help must name it alike.
    [Fact]
    public void Help_names_each_options_value_as_the_README_usage_does()
    {
        var readme = File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "README.md")).Replace("\r\n", "\n");
        var usage = readme[readme.IndexOf("## Usage\n", StringComparison.Ordinal)..];
        usage = usage[..usage.IndexOf("\n\n", usage.IndexOf("    hotpapers ", StringComparison.Ordinal), StringComparison.Ordinal)];
        var byCommand = System.Text.RegularExpressions.Regex.Split(usage, @"\n    hotpapers ").Skip(1)
            .Select(text => (Command: text[..text.IndexOf(' ')], Text: text));
        var checkedOptions = 0;
        foreach (var (command, text) in byCommand)
        {
            var help = Run(command, "--help");
            Assert.Equal(ExitCodes.Success, help.Code);
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, @"(--[a-z-]+) (YYYY-MM-DD|[A-Z]+)\b"))
            {
                Assert.Contains($"{m.Groups[1].Value} <{m.Groups[2].Value}>", help.Out);
                checkedOptions++;
            }
        }
        Assert.True(checkedOptions >= 20, $"only {checkedOptions} options with a value found in the README's usage");
    }

    // Found by a user's trial: with an empty arXiv answer cached, --refresh did not mend the day, and nothing said
    // that it left arXiv's metadata to the cache. It asks arXiv again too, and says so.
    [Fact]
    public void Collect_help_says_refresh_asks_arxiv_again()
    {
        var help = Run("collect", "--help");
        Assert.Equal(ExitCodes.Success, help.Code);
        Assert.Contains("Ask the networks and arXiv again even where the cache has answers younger than collect.cacheMaxAge (for fresh counts, or arXiv's metadata where it answered part of what it was asked).",
            System.Text.RegularExpressions.Regex.Replace(help.Out, @"\s+", " "));
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var (code, stdout, _) = Run("--version");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout.Trim());
    }

    // The words after "hotpapers: " on a line of the error: what was expected and what was found.
    [Theory]
    [InlineData("build needs one of --date YYYY-MM-DD, --yesterday or --all", "build")]
    [InlineData("--date 2021-04-31: there is no such day (April 2021 has 30 days)", "build", "--date", "2021-04-31")]
    [InlineData("--date expects a date as YYYY-MM-DD, found \"30/04/2021\"", "build", "--date", "30/04/2021")]
    [InlineData("--date and --all cannot be used together: build takes one of --date YYYY-MM-DD, --yesterday or --all", "build", "--date", "2021-04-30", "--all")]
    [InlineData("--until goes with --date", "build", "--until", "2021-05-01", "--all")]
    [InlineData("--frobnicate is not an option of build", "build", "--date", "2021-04-30", "--frobnicate")]
    [InlineData("biuld is not a command (did you mean build?)", "biuld", "--date", "2021-04-30")]
    [InlineData("--dtae is not an option of build (did you mean --date?)", "build", "--dtae", "2021-04-30")]
    // Found by a new user's trial and a docs audit: no guess for an option given with its value, and
    // a misspelt command beside --help showed the commands' list, exit 0.
    [InlineData("--dtae=2021-04-30 is not an option of build (did you mean --date?)", "build", "--dtae=2021-04-30")]
    [InlineData("biuld is not a command (did you mean build?)", "biuld", "--help")]
    [InlineData("biuld is not a command (did you mean build?)", "biuld", "--version")]
    [InlineData("\"\" is not a command", "")]
    [InlineData("--verison is not an option of hotpapers (did you mean --version?)", "--verison")]
    // Found in review: an error of its own beside a misspelt option stays.
    [InlineData("--date expects a date as YYYY-MM-DD, found \"30/04/2021\"", "build", "--date", "30/04/2021", "--chekc")]
    [InlineData("--date expects a date as YYYY-MM-DD, found \"--output\"", "build", "--date")]
    [InlineData("--until 2021-02-30: there is no such day (February 2021 has 28 days)", "build", "--date", "2021-04-30", "--until", "2021-02-30")]
    [InlineData("--until goes with --date", "build", "--until", "nonsense")]
    [InlineData("--port expects a number from 0 to 65535, found \"abc\"", "serve", "--port", "abc")]
    [InlineData("--port expects a number from 0 to 65535, found \"1.5\"", "serve", "--port", "1.5")]
    [InlineData("--port expects a number from 0 to 65535, found \"\"", "serve", "--port", "")]
    [InlineData("--port expects a number from 0 to 65535, found \"abc\"", "serve", "--port=abc")]
    [InlineData("--port expects a number from 0 to 65535, found \"99999\"", "serve", "--port", "99999")]
    [InlineData("--port expects a number from 0 to 65535, found \"-1\"", "serve", "--port", "-1")]
    public void Usage_errors_exit_2_with_a_message_and_write_nothing(string message, params string[] args)
    {
        using var temp = Fixture.TempDir();
        var (code, _, stderr) = Run([.. args, "--output", temp["out"]]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("hotpapers: ", stderr);
        Assert.Contains($"hotpapers: {message}\n", stderr, StringComparison.Ordinal);
        // The help of the command given, whose options and examples answer the error.
        var command = args[0] is "build" or "import" or "init" or "site" or "collect" or "serve" ? $"hotpapers {args[0]}" : "hotpapers";
        Assert.EndsWith($"Run '{command} --help' for usage.\n", stderr, StringComparison.Ordinal);
        AssertNoStackTrace(stderr);
        Assert.False(Directory.Exists(temp["out"]));
    }

    // A validator that reads the value of an option whose word did not parse throws (serve --port abc
    // did): every option of every command, given words of each kind, ends in a usage error, never an
    // exception. A word no command knows ends each line, so that nothing runs whatever the value.
    [Fact]
    public void No_options_value_ends_in_an_exception()
    {
        var help = Run("--help").Out.Replace("\r\n", "\n");
        var list = help[(help.IndexOf("\nCommands:\n", StringComparison.Ordinal) + 11)..];
        var commands = System.Text.RegularExpressions.Regex.Matches(list[..list.IndexOf("\n\n", StringComparison.Ordinal)], @"^  ([a-z]+)\b", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("serve", commands);
        var failures = new List<string>();
        var tried = 0;
        foreach (var command in commands)
        {
            var options = System.Text.RegularExpressions.Regex.Matches(Run(command, "--help").Out, @"^  (?:-\S+, )*(--[a-z-]+)", System.Text.RegularExpressions.RegexOptions.Multiline)
                .Select(m => m.Groups[1].Value).Where(o => o is not ("--help" or "--version")).ToList();
            Assert.NotEmpty(options);
            foreach (var option in options)
            {
                foreach (var value in new[] { "abc", "", "1.5", "-1", "99999", "0x10", "2021-02-30", "true" })
                {
                    string[] args = [command, option, value, "--no-such-option"];
                    tried++;
                    try
                    {
                        var (code, _, stderr) = Run(args);
                        if (code != ExitCodes.Usage || stderr.Contains("   at ", StringComparison.Ordinal))
                            failures.Add($"{string.Join(' ', args)}: exit {code}: {stderr}");
                    }
                    catch (Exception e)
                    {
                        failures.Add($"{string.Join(' ', args)}: {e.GetType().Name}: {e.Message}");
                    }
                }
            }
        }
        Assert.True(tried > 200, $"only {tried} lines tried");
        Assert.Empty(failures);
    }

    [Fact]
    public void Build_writes_the_post_and_exits_0()
    {
        using var temp = Fixture.TempDir();
        var (code, stdout, stderr) = Run("build", "--date", "2021-04-30", "--records", Records(temp), "--output", temp["out"]);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", stderr);
        var post = Path.Combine(temp["out"], "2021-04-30---Hot-Papers.md");
        Assert.Contains($"created      {post}", stdout);
        Assert.Contains("1 post(s): 1 written, 0 unchanged", stdout);
        Assert.StartsWith("---\ntitle: Hot Papers 2021-04-30\ndate: 2021-05-01T18:50:48+09:00\n", File.ReadAllText(post));

        var again = Run("build", "--date", "2021-04-30", "--records", temp["records"], "--output", temp["out"]);
        Assert.Equal(ExitCodes.Success, again.Code);
        Assert.Contains($"unchanged    {post}", again.Out);
    }

    [Fact]
    public void Until_builds_a_range_named_A_B()
    {
        using var temp = Fixture.TempDir();
        var (code, stdout, _) = Run("build", "--date", "2021-05-01", "--until", "2021-05-02", "--records", Records(temp), "--output", temp["out"]);
        Assert.Equal(ExitCodes.Success, code);
        var post = Path.Combine(temp["out"], "2021-05-01-2021-05-02---Hot-Papers.md");
        Assert.Contains(post, stdout);
        Assert.Contains("title: Hot Papers 2021-05-01 - 2021-05-02\n", File.ReadAllText(post));
    }

    [Fact]
    public void All_builds_every_digest()
    {
        using var temp = Fixture.TempDir();
        var (code, stdout, _) = Run("build", "--all", "--records", Records(temp), "--output", temp["out"]);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("4 post(s): 4 written, 0 unchanged", stdout);
        Assert.Equal(
            ["2021-04-30---Hot-Papers.md", "2021-05-01-2021-05-02---Hot-Papers.md", "2021-05-03---Hot-Papers.md", "2021-05-05---Hot-Papers.md"],
            Directory.EnumerateFiles(temp["out"], "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    // Found by a new user's trial: old crawler files kept a folder per day gave "0 post(s)", exit 0, and not a word.
    [Fact]
    public void All_over_a_folder_without_records_files_says_there_is_nothing_to_build_and_names_files_in_its_folders()
    {
        using var temp = Fixture.TempDir();
        var records = temp["records"];
        Directory.CreateDirectory(records);
        const string Why = ": has no records files named as a day (YYYY-MM-DD.json) or a range (YYYY-MM-DD-YYYY-MM-DD.json): there is no digest to build";

        var (code, stdout, stderr) = Run("build", "--all", "--records", records, "--output", temp["out"]);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("0 post(s): 0 written, 0 unchanged", stdout);
        Assert.Equal($"warning: {records}{Why}\n", stderr.ReplaceLineEndings("\n"));

        foreach (var day in new[] { "2021-04-30", "2021-05-01" })
        {
            Directory.CreateDirectory(Path.Combine(records, day));
            File.Copy(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"), Path.Combine(records, day, "papers_with_tweets.json"));
        }
        (code, _, stderr) = Run("build", "--all", "--records", records, "--output", temp["out"]);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal($"warning: {records}{Why}; files in its folders are not read ({Path.Combine(records, "2021-04-30", "papers_with_tweets.json")} and others): "
            + $"put each in {records} as the day it holds, YYYY-MM-DD.json\n", stderr.ReplaceLineEndings("\n"));
    }

    // Found by an adversarial test: --all left out files whose names are not exact dates without a word.
    [Fact]
    public void All_lists_the_files_it_skips_and_why()
    {
        using var temp = Fixture.TempDir();
        var records = Records(temp);
        File.Copy(Path.Combine(records, "2021-04-30.json"), Path.Combine(records, "2021-4-29.json"));
        File.Copy(Path.Combine(records, "2021-04-30.json"), Path.Combine(records, "latest.json"));
        // Found by a new user's trial: a range named backwards was told to be named as a range; a .JSON file and a folder
        // named as a records file were passed over without a word.
        File.Copy(Path.Combine(records, "2021-04-30.json"), Path.Combine(records, "2021-05-10-2021-05-09.json"));
        File.Copy(Path.Combine(records, "2021-04-30.json"), Path.Combine(records, "2021-05-10-2021-05-10.json"));
        File.Copy(Path.Combine(records, "2021-04-30.json"), Path.Combine(records, "2021-05-12.JSON"));
        Directory.CreateDirectory(Path.Combine(records, "2021-05-13.json"));
        File.Copy(Path.Combine(records, "2021-04-30.json"), Path.Combine(records, "2021-02-30.json"));
        var (code, stdout, stderr) = Run("build", "--all", "--records", records, "--output", temp["out"]);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("4 post(s): 4 written, 0 unchanged", stdout);
        const string Why = "skipped: --all builds the files named as a day (YYYY-MM-DD.json) or a range (YYYY-MM-DD-YYYY-MM-DD.json)";
        // (The old crawler's 2021-05-05 is a day the old generator posted empty, as hotpapers does, saying why.)
        Assert.Equal(
            $"warning: {Path.Combine(records, "2021-02-30.json")}: {Why}; there is no such day (February 2021 has 28 days)\n"
            + $"warning: {Path.Combine(records, "2021-05-10-2021-05-09.json")}: {Why}; this one's last day is before its first (the range is 2021-05-09-2021-05-10.json)\n"
            + $"warning: {Path.Combine(records, "2021-05-10-2021-05-10.json")}: {Why}; a day's is named 2021-05-10.json\n"
            + $"warning: {Path.Combine(records, "2021-4-29.json")}: {Why}\nwarning: {Path.Combine(records, "latest.json")}: {Why}\n"
            + $"warning: {Path.Combine(records, "2021-05-12.JSON")}: {Why}, with .json in small letters\n"
            + $"warning: {Path.Combine(records, "2021-05-13.json")}: skipped: a folder, where --all builds the files named as a day (YYYY-MM-DD.json) or a range (YYYY-MM-DD-YYYY-MM-DD.json)\n"
            + $"warning: {Path.Combine(records, "2021-05-05.json")}: none of its 2 paper(s) is shown: 1 scored below ranking.minPaperScore (50), "
            + "1 had no PDF link (ranking.requirePdf), so its post has no papers\n",
            stderr.ReplaceLineEndings("\n"));

        // Asked for by its day, the .JSON file is named too (found by a trial: "no such file" and no more).
        var (day, _, dayError) = Run("build", "--date", "2021-05-12", "--records", records, "--output", temp["out"]);
        Assert.Equal(ExitCodes.BadInput, day);
        Assert.Equal($"error: {Path.Combine(records, "2021-05-12.json")}: expected the records of 2021-05-12, found no such file, "
            + "but 2021-05-12.JSON, read only when named 2021-05-12.json (rename it); the records folder has 2021-05-05, 2021-05-03, "
            + "2021-05-01-2021-05-02 and 2021-04-30 (nearest first)\nNothing was written.\n", dayError.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("build --all --records", "")]
    [InlineData("build --all --output", "")]
    [InlineData("site --config", " ")]
    [InlineData("import posts --records", "")]
    public void An_empty_path_is_a_usage_error_naming_its_option(string words, string path)
    {
        var (code, _, stderr) = Run([.. words.Split(' '), path]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"{words.Split(' ')[^1]} expects a path, found \"{path}\"", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Prune_goes_with_all_and_lists_what_it_deletes()
    {
        using var temp = Fixture.TempDir();
        var records = Records(temp);
        Assert.Equal(ExitCodes.Success, Run("build", "--all", "--records", records, "--output", temp["out"]).Code);
        // The 2021-05-03 post under another name: build writes it anew, and the old one is of an earlier fileName.
        var post = Path.Combine(temp["out"], "2021-05-03---Hot-Papers.md");
        var old = Path.Combine(temp["out"], "2021-05-03---Hot-Papers.old.md");
        File.WriteAllText(temp["names.yml"], "fileName: \"{date}---Hot-Papers.old.md\"\n");
        Assert.Equal(ExitCodes.Success, Run("build", "--date", "2021-05-03", "--config", temp["names.yml"], "--records", records, "--output", temp["out"]).Code);

        var usage = Run("build", "--date", "2021-04-30", "--prune", "--records", records, "--output", temp["out"]);
        Assert.Equal(ExitCodes.Usage, usage.Code);
        Assert.Contains("--prune goes with --all: it deletes the posts of an earlier fileName, whose digests it writes under the current one", usage.Err);

        var check = Run("build", "--all", "--prune", "--check", "--records", records, "--output", temp["out"]);
        Assert.Equal(ExitCodes.CheckFoundChanges, check.Code);
        Assert.Equal($"would delete {old}\n4 post(s): 0 missing or out of date, 4 unchanged; 1 to delete\n", check.Out);

        var (code, stdout, _) = Run("build", "--all", "--prune", "--records", records, "--output", temp["out"]);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal($"deleted      {old}\n4 post(s): 0 written, 4 unchanged; 1 deleted\n", stdout);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(post));
    }

    [Fact]
    public void Records_may_be_a_single_file_of_any_name()
    {
        using var temp = Fixture.TempDir();
        var file = temp["papers_with_tweets.json"];
        File.Copy(Fixture.Path("legacy", "2021-05-03.json"), file);

        var byDate = Run("build", "--date", "2021-05-03", "--records", file, "--output", temp["a"]);
        Assert.Equal(ExitCodes.Success, byDate.Code);
        Assert.True(File.Exists(Path.Combine(temp["a"], "2021-05-03---Hot-Papers.md")));

        // Given alone, it is told how (found by a new user's trial); without --records, the hint is not said.
        var alone = Run("build", "--records", file, "--output", temp["c"]);
        Assert.Equal(ExitCodes.Usage, alone.Code);
        Assert.Contains("build needs one of --date YYYY-MM-DD, --yesterday or --all (--all with --records naming one file builds that file, whatever its day)", alone.Err);
        Assert.DoesNotContain("naming one file", Run("build", "--output", temp["c"]).Err);

        // --all with a file builds that file, whatever digest it holds.
        var all = Run("build", "--all", "--records", file, "--output", temp["b"]);
        Assert.Equal(ExitCodes.Success, all.Code);
        Assert.Equal(File.ReadAllBytes(Path.Combine(temp["a"], "2021-05-03---Hot-Papers.md")), File.ReadAllBytes(Path.Combine(temp["b"], "2021-05-03---Hot-Papers.md")));

        // A file that holds another day than --date says is bad input.
        var wrong = Run("build", "--date", "2021-05-04", "--records", file, "--output", temp["c"]);
        Assert.Equal(ExitCodes.BadInput, wrong.Code);
        Assert.Contains($"error: {file}: expected the digest of 2021-05-04, found the digest of 2021-05-03", wrong.Err);
        Assert.False(Directory.Exists(temp["c"]));
    }

    // Found by a review: the check for a misspelt command beside --help took the word a completion directive
    // leaves unmatched on purpose for one, and shell completion said "bu is not a command".
    [Fact]
    public void Shell_completion_suggests_commands()
    {
        var (code, stdout, stderr) = Run("[suggest]", "bu");
        Assert.True(code == 0, stderr);
        Assert.Equal("build\n", stdout);
    }

    // Found by a new user's trial: the file's name and date disagreeing was said only once its other problems were mended.
    [Theory]
    [InlineData(false, "\"date\": \"2021-05-03\"", "\"date\": \"2021-05-04\"")]
    [InlineData(true, "\"since\": \"2021/05/03\", \"until\": \"2021/05/04\"", "\"since\": \"2021/05/04\", \"until\": \"2021/05/05\"")]
    public void A_file_holding_another_day_than_its_name_is_listed_with_its_other_problems(bool legacy, string date, string otherDate)
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["records"]);
        var text = legacy
            ? """{ "meta": { "since": "2021/05/03", "until": "2021/05/04" }, "papers": [ { "title": null, "authors": ["A"], "links": { "Abstract": "https://arxiv.org/abs/2105.00001" }, "subjects": ["Machine Learning (cs.LG)"], "tweets": [] } ] }"""
            : """{ "date": "2021-05-03", "collectedAt": "2021-05-04T00:00:00Z", "papers": [ { "id": "2105.00001", "title": "", "authors": ["A"], "abstract": "x", "categories": ["cs.LG"], "tweets": [] } ] }""";
        Assert.Contains(date, text, StringComparison.Ordinal);
        var file = temp["records/2021-05-03.json"];
        File.WriteAllText(file, text.Replace(date, otherDate, StringComparison.Ordinal));

        var (code, _, err) = Run("build", "--date", "2021-05-03", "--records", temp["records"], "--output", temp["out"]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"error: {file}: $.papers[0].title (line 1): expected ", err);
        Assert.Contains($"error: {file}: expected the digest of 2021-05-03, found the digest of 2021-05-04 (whose records file would be named 2021-05-04.json)\n", err);
        Assert.False(Directory.Exists(temp["out"]));
    }

    [Fact]
    public void Check_exits_3_for_missing_and_changed_posts_and_0_when_up_to_date()
    {
        using var temp = Fixture.TempDir();
        var records = Records(temp);
        var output = temp["out"];
        string[] check = ["build", "--all", "--check", "--records", records, "--output", output];

        var missing = Run(check);
        Assert.Equal(ExitCodes.CheckFoundChanges, missing.Code);
        Assert.Contains($"missing      {Path.Combine(output, "2021-04-30---Hot-Papers.md")}", missing.Out);
        Assert.Contains("4 post(s): 4 missing or out of date, 0 unchanged", missing.Out);
        Assert.False(Directory.Exists(output));

        Assert.Equal(ExitCodes.Success, Run("build", "--all", "--records", records, "--output", output).Code);
        var upToDate = Run(check);
        Assert.Equal(ExitCodes.Success, upToDate.Code);
        Assert.Contains("4 post(s): 0 missing or out of date, 4 unchanged", upToDate.Out);

        // A changed record: its post would change.
        var sample = Path.Combine(records, "2021-04-30.json");
        File.WriteAllText(sample, File.ReadAllText(sample).Replace("Really Like?", "Really Like, Then?"));
        var post = Path.Combine(output, "2021-04-30---Hot-Papers.md");
        var before = Snapshot(output);
        var changed = Run(check);
        Assert.Equal(ExitCodes.CheckFoundChanges, changed.Code);
        Assert.Contains($"would change {post}", changed.Out);
        Assert.DoesNotContain("2021-05-03---Hot-Papers.md", changed.Out);
        AssertSame(before, output); // --check writes nothing

        // A post edited by hand is reported as such (build would refuse it without --force).
        var edited = Path.Combine(output, "2021-05-03---Hot-Papers.md");
        File.AppendAllText(edited, "hand edit\n");
        var handEdit = Run(check);
        Assert.Equal(ExitCodes.CheckFoundChanges, handEdit.Code);
        Assert.Contains(edited, handEdit.Out);
        Assert.Contains("edited by hand", handEdit.Out);
    }

    [Fact]
    public void Bad_input_exits_1_names_the_problem_and_leaves_the_output_byte_identical()
    {
        using var temp = Fixture.TempDir();
        var records = Records(temp);
        var output = temp["out"];
        Assert.Equal(ExitCodes.Success, Run("build", "--all", "--records", records, "--output", output).Code);
        foreach (var f in Directory.EnumerateFiles(output, "*.md")) File.SetLastWriteTimeUtc(f, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var before = Snapshot(output);

        // One digest changes for the better, another breaks: nothing at all may be written.
        var sample = Path.Combine(records, "2021-04-30.json");
        File.WriteAllText(sample, File.ReadAllText(sample).Replace("Really Like?", "Really, Really Like?"));
        var broken = Path.Combine(records, "2021-05-03.json");
        File.WriteAllText(broken, File.ReadAllText(broken).Replace("\"likes_count\": 25", "\"likes_count\": \"many\""));

        var (code, stdout, stderr) = Run("build", "--all", "--records", records, "--output", output);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        var line = Fixture.LineOf(File.ReadAllText(broken), "\"many\"");
        Assert.Contains($"error: {broken}: $.papers[0].tweets[0].likes_count (line {line}): expected a whole number from 0 to 2^53, or such a number as a string, found \"many\"", stderr);
        Assert.EndsWith("Nothing was written.\n", stderr.ReplaceLineEndings("\n"));
        AssertNoStackTrace(stderr);
        AssertSame(before, output);
    }

    // Found by a second trial: fileName "records/{date}.json" under output "content" named the records files themselves,
    // and --force replaced them with the posts.
    [Fact]
    public void A_file_name_whose_folder_is_the_records_folder_is_refused_and_nothing_is_written()
    {
        using var temp = Fixture.TempDir();
        var records = Records(temp);
        File.WriteAllText(temp["hotpapers.yml"], "fileName: \"records/{date}.json\"\n");
        var before = Snapshot(temp.Path);

        var (code, stdout, stderr) = Run("build", "--all", "--force", "--config", temp["hotpapers.yml"], "--records", records, "--output", temp.Path);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: {records}: expected a folder for the posts apart from the records (fileName names it), found the records folder itself "
            + "(set fileName, or output, so that the posts go elsewhere)\n", stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        AssertSame(before, temp.Path);
    }

    // Found by a new user's trial: the first and last days there are gave a stack trace ("Value to add was out of range").
    [Theory]
    [InlineData(1, "error: --week: expected a week that begins on or after 0001-01-01, found the week ending on 0001-01-03\n", "build", "--date", "0001-01-03", "--week")]
    [InlineData(1, "error: RECORDS/9999-12-30-9999-12-31.json: expected the records of 9999-12-30-9999-12-31, or the daily records of each of its days, found no such file, and no records of 9999-12-30 to 9999-12-31", "build", "--date", "9999-12-30", "--until", "9999-12-31")]
    [InlineData(1, "error: RECORDS/9999-12-25-9999-12-31.json: expected the records of 9999-12-25-9999-12-31, or the daily records of each of its days, found no such file, and no records of 9999-12-25", "build", "--date", "9999-12-31", "--week")]
    [InlineData(1, "error: --date: expected a day that has ended in UTC (", "collect", "--date", "9999-12-31", "--offline", "--timezone", "UTC")]
    [InlineData(1, "error: 0001-01-02: huggingface: ", "collect", "--date", "0001-01-02", "--catch-up", "--offline", "--timezone", "UTC")]
    public void The_first_and_last_days_there_are_get_a_message_not_a_stack_trace(int exit, string message, params string[] args)
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["records"]);
        File.WriteAllText(temp["hotpapers.yml"], "collect:\n  contact: tests@example.org\n");

        var (code, _, stderr) = Run([.. args, "--config", temp["hotpapers.yml"], "--records", temp["records"], .. args[0] == "build" ? new[] { "--output", temp["out"] } : []]);

        Assert.Equal(exit, code);
        AssertNoStackTrace(stderr);
        Assert.Contains(message.Replace("RECORDS", temp["records"], StringComparison.Ordinal), stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    // Found by a new user's trial: a range of nine years without records was told as one line of 3,300 dates.
    [Fact]
    public void The_days_a_range_lacks_are_told_as_runs_of_days_and_counted_past_ten()
    {
        using var temp = Fixture.TempDir();
        var records = temp["records"];
        Directory.CreateDirectory(records);
        var sample = File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"));
        foreach (var day in new[] { "2021-05-03", "2021-05-05", "2021-05-07", "2021-05-09", "2021-05-11", "2021-05-13", "2021-05-15", "2021-05-17", "2021-05-19", "2021-05-21" })
            File.WriteAllText(Path.Combine(records, day + ".json"), sample.Replace("\"2021-04-30\"", $"\"{day}\"", StringComparison.Ordinal));

        var (code, _, stderr) = Run("build", "--date", "2021-05-01", "--until", "2030-05-01", "--records", records, "--output", temp["out"]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"error: {records}/2021-05-01-2030-05-01.json: expected the records of 2021-05-01-2030-05-01, or the daily records of each of its days, found no such file, "
            + "and no records of 2021-05-01 to 2021-05-02, 2021-05-04, 2021-05-06, 2021-05-08, 2021-05-10, 2021-05-12, 2021-05-14, 2021-05-16, 2021-05-18, 2021-05-20 and 3267 more day(s); "
            + "the records folder has ", stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.True(stderr.Length < 800, stderr);
    }

    // Found by a new user's trial: `build --all --output content/records` wrote the posts, a manifest and a lock among the
    // records, and with fileName "{date}.json" --force replaced a day's records with its post. Refused, for site too.
    [Theory]
    [InlineData("build", "--all")]
    [InlineData("build", "--all", "--force")]
    [InlineData("site")]
    public void The_records_folder_is_refused_as_the_output_folder_and_nothing_is_written(params string[] command)
    {
        using var temp = Fixture.TempDir();
        var records = Records(temp);
        File.WriteAllText(temp["hotpapers.yml"], "fileName: \"{date}.json\"\n");
        // A records folder moved, and a link left where it was (found by a second trial).
        File.CreateSymbolicLink(temp["link"], records);
        var before = Snapshot(temp.Path);

        foreach (var (output, recordsOption) in new[] { (records, records), (records + "/../records/", records), (records, Path.Combine(records, "2021-04-30.json")), (temp["link"], records), (records, temp["link"]) })
        {
            var (code, stdout, stderr) = Run([.. command, "--config", temp["hotpapers.yml"], "--records", recordsOption, "--output", output]);

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal("", stdout);
            Assert.StartsWith($"error: {output}: expected an output folder apart from the records, found the records folder itself (set output, or --output, to another folder)\n",
                stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            AssertSame(before, temp.Path);
        }
    }

    [Theory]
    [InlineData("{", "line 1, column 2: expected well-formed JSON")]
    [InlineData("", ".json: expected a JSON object, found an empty file")]
    [InlineData("{\"format\":\"hotpapers-records/1\"}", "$.date (line 1): expected a value, found no such key")]
    public void Bad_records_exit_1_without_a_stack_trace(string content, string message)
    {
        using var temp = Fixture.TempDir();
        var records = temp["records"];
        Directory.CreateDirectory(records);
        File.WriteAllText(Path.Combine(records, "2021-04-30.json"), content);
        var (code, _, stderr) = Run("build", "--date", "2021-04-30", "--records", records, "--output", temp["out"]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, stderr);
        AssertNoStackTrace(stderr);
        Assert.False(Directory.Exists(temp["out"]));
    }

    [Fact]
    public void A_missing_records_file_or_folder_exits_1()
    {
        using var temp = Fixture.TempDir();
        var records = Records(temp);
        var noDay = Run("build", "--date", "2020-01-01", "--records", records, "--output", temp["out"]);
        Assert.Equal(ExitCodes.BadInput, noDay.Code);
        Assert.Contains($"{Path.Combine(records, "2020-01-01.json")}: expected the records of 2020-01-01, found no such file; the records folder has 2021-04-30, 2021-05-01-2021-05-02, 2021-05-03 and 2021-05-05 (nearest first)", noDay.Err);

        var noFolder = Run("build", "--all", "--records", temp["nowhere"], "--output", temp["out"]);
        Assert.Equal(ExitCodes.BadInput, noFolder.Code);
        Assert.Contains("no such file or folder, and no hotpapers.yml here either: run hotpapers in the blog's folder (cd there), or run hotpapers init to set one up here", noFolder.Err);
        // Found by a new user's trial: plain init, suggested to someone running site, sets up a Gatsby blog.
        var noSiteFolder = Run("site", "--records", temp["nowhere"], "--output", temp["out"]);
        Assert.Equal(ExitCodes.BadInput, noSiteFolder.Code);
        Assert.Contains("or run hotpapers init --flavor site to set one up here", noSiteFolder.Err);
        var noHugoFolder = Run("build", "--all", "--flavor", "hugo", "--records", temp["nowhere"], "--output", temp["out"]);
        Assert.Contains("or run hotpapers init --flavor hugo to set one up here", noHugoFolder.Err);

        var backwards = Run("build", "--date", "2021-05-02", "--until", "2021-05-01", "--records", records, "--output", temp["out"]);
        // A usage error, found before anything is read.
        Assert.Equal(ExitCodes.Usage, backwards.Code);
        Assert.Contains("--until: expected a day on or after --date 2021-05-02, found 2021-05-01", backwards.Err);

        foreach (var err in new[] { noDay.Err, noFolder.Err, noSiteFolder.Err, backwards.Err }) AssertNoStackTrace(err);
        Assert.False(Directory.Exists(temp["out"]));
    }

    [Fact]
    public void Templates_override_the_built_in_one_and_a_broken_template_exits_1()
    {
        using var temp = Fixture.TempDir();
        var records = Records(temp);
        var templates = temp["templates"];
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Combine(templates, "post.md.sbn"), "{{ post.title }}: {{ papers.size }} paper(s)\n");

        var ok = Run("build", "--date", "2021-04-30", "--records", records, "--output", temp["out"], "--templates", templates);
        Assert.Equal(ExitCodes.Success, ok.Code);
        Assert.Equal("Hot Papers 2021-04-30: 15 paper(s)\n", File.ReadAllText(Path.Combine(temp["out"], "2021-04-30---Hot-Papers.md")));

        File.WriteAllText(Path.Combine(templates, "post.md.sbn"), "{{ for p in papers }}\n{{ p.title\n");
        var before = Snapshot(temp["out"]);
        var broken = Run("build", "--date", "2021-04-30", "--records", records, "--output", temp["out"], "--templates", templates);
        Assert.Equal(ExitCodes.BadInput, broken.Code);
        Assert.Contains("error: template " + Path.Combine(templates, "post.md.sbn") + "(", broken.Err);
        AssertNoStackTrace(broken.Err);
        AssertSame(before, temp["out"]);

        var missing = Run("build", "--date", "2021-04-30", "--records", records, "--output", temp["out"], "--templates", temp["nope"]);
        Assert.Equal(ExitCodes.BadInput, missing.Code);
        Assert.Contains(temp["nope"], missing.Err);
        AssertNoStackTrace(missing.Err);
    }

    // Found by an adversarial test: escape sequences and OSC 8 links in records reached the terminal and
    // CI logs through error messages and warnings. Found by a user's trial: a byte order mark quoted from a post
    // was printed as it is ("found \"﻿---\"" read as "---"), and direction marks could reorder the line: format
    // characters and separators are shown escaped too (the tag characters beyond the BMP included); the rest of Unicode as it is.
    [Theory]
    [InlineData("\\u001b[2J\\u001b]8;;https://evil.example\\u0007x\\r", "\\u001B[2J\\u001B]8;;https://evil.example\\u0007x\\u000D")]
    [InlineData("\\ufeff2104\\u202e\\u200b\\u2028é🎉", "\"\\uFEFF2104\\u202E\\u200B\\u2028é🎉\"")]
    [InlineData("2104\\udb40\\udc41\\udb40\\udc7f", "\"2104\\uDB40\\uDC41\\uDB40\\uDC7F\"")]
    public void Control_and_format_characters_from_the_input_are_shown_escaped(string json, string shown)
    {
        using var temp = Fixture.TempDir();
        var records = Records(temp);
        var sample = Path.Combine(records, "2021-04-30.json");
        File.WriteAllText(sample, File.ReadAllText(sample).Replace("\"2104.14421\"", $"\"{json}\""));
        var (code, stdout, stderr) = Run("build", "--date", "2021-04-30", "--records", records, "--output", temp["out"]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(shown, stderr);
        Assert.DoesNotContain(stderr + stdout, c => (c < ' ' && c is not '\n' and not '\t') || c is '\uFEFF' or '\u202E' or '\u200B' or '\u2028' or '\uDB40');
        AssertNoStackTrace(stderr);
    }
}
