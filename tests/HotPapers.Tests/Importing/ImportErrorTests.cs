using System.Text;
using HotPapers.Cli;

namespace HotPapers.Tests.Importing;

/// <summary>
/// Issue 3, item 7: a file the old generator cannot have written fails with its file and line; nothing
/// is written for it, the other files still import, and the exit code is 1.
/// </summary>
public sealed class ImportErrorTests
{
    private const string Good = "2021-05-10---Hot-Papers.md";

    private static string GoodText => File.ReadAllText(Path.Combine(ImportHarness.PostsDir, Good));

    /// <summary>Bad posts made from a good one by one change each, with the line and words the error must name.</summary>
    public static IEnumerable<object[]> Mutations() =>
    [
        ["a heading level it never used", (Func<string, string>)(t => t.Replace("# 1. A Paper", "## 1. A Paper")), 18, "a paper heading \"# 1. Title\""],
        ["papers out of order", (Func<string, string>)(t => t.Replace("# 2. Quietly", "# 3. Quietly")), 62, "\"# 2. ...\""],
        ["a heading without a number", (Func<string, string>)(t => t.Replace("# 1. A Paper", "# A Paper")), 18, "a paper heading"],
        ["broken front matter", (Func<string, string>)(t => t.Replace("category: \"arXiv\"", "category: \"arXiv")), 7, "well-formed YAML"],
        // Found by a user's trial: YamlDotNet throws an InvalidOperationException here, and import printed its stack trace.
        ["a list left open in the front matter", (Func<string, string>)(t => t.Replace("category: \"arXiv\"", "category: [arXiv")), 7, "well-formed YAML front matter, found a [ or { that is not closed (its ] or } missing?)"],
        // Found by a user's trial: the tab was said to be on line 2, where the front matter's mapping starts, in YamlDotNet's words.
        ["a tab before a tag", (Func<string, string>)(t => t.Replace("  - \"Twitter\"", "\t- \"Twitter\"")), 10, "well-formed YAML front matter, found a tab in the indentation (YAML indents with spaces only)"],
        ["an alias as a value", (Func<string, string>)(t => t.Replace("category: \"arXiv\"", "category: *nope")), 7, "a text or a list as the value of \"category\", found an alias of an anchor (*nope)"],
        ["an unknown front matter key", (Func<string, string>)(t => t.Replace("draft: false", "author: someone")), 5, "a key of the old front matter"],
        ["no front matter", (Func<string, string>)(t => t[(t.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..]), 1, "front matter"],
        ["front matter without its closing line", (Func<string, string>)(t => t.Replace("\n---\n\n# 1.", "\n\n# 1.")), 1, "no closing \"---\" line"],
        ["an unreadable date", (Func<string, string>)(t => t.Replace("date: 2021-05-11T18:40:02.Z", "date: yesterday")), 3, "date:"],
        ["a missing counts line", (Func<string, string>)(t => t.Replace("- retweets: 900, favorites: 4100 (05/11/2021 18:40:02)", "- score: 5000")), 22, "- retweets: R"],
        ["an impossible stamp", (Func<string, string>)(t => t.Replace("(05/11/2021 18:40:02)", "(13/45/2021 18:40:02)")), 22, "a real date and time"],
        ["foreign text between embeds", (Func<string, string>)(t => t.Replace("# 2. Quietly", "Thanks for reading!\n\n# 2. Quietly")), 62, "a tweet embed"],
        ["an embed that is not a tweet", (Func<string, string>)(t => t.Replace("<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">No abstract", "<blockquote><p>No abstract")), 0, "a tweet's <blockquote class=\"twitter-tweet\">, a Bluesky post's <blockquote class=\"bluesky-embed\"> or a card hotpapers wrote, found \"<blockquote>\""],
        ["an empty author between two commas", (Func<string, string>)(t => t.Replace("Ada Lovelace, Alan Turing", "Ada Lovelace, , Alan Turing")), 18, "a non-empty string (records $.papers[0].authors[1])"],
        ["a category line of another shape", (Func<string, string>)(t => t.Replace("- [cs.SE](https://arxiv.org/list/cs.SE/recent)", "- cs.SE")), 69, "the categories"],
    ];

    [Theory]
    [MemberData(nameof(Mutations))]
    public void A_post_of_another_layout_fails_naming_file_and_line_and_the_others_still_import(string what, Func<string, string> mutate, int line, string expected)
    {
        using var temp = Fixture.TempDir();
        var bad = temp["bad/2021-05-11---Hot-Papers.md"];
        Directory.CreateDirectory(temp["bad"]);
        var text = mutate(GoodText);
        Assert.True(text != GoodText, what);
        File.WriteAllText(bad, text.Replace("2021-05-10", "2021-05-11"));
        if (line == 0) line = 1 + text[..text.IndexOf("<blockquote><p>", StringComparison.Ordinal)].Count(c => c == '\n');

        var (exit, stdout, stderr) = ImportHarness.Cli("import", bad, Path.Combine(ImportHarness.PostsDir, Good), "--records", temp["records"]);

        Assert.Equal(1, exit);
        Assert.True(stderr.Contains($"error: {bad}: line {line}: expected ", StringComparison.Ordinal), stderr);
        Assert.True(stderr.Contains(expected, StringComparison.Ordinal), stderr);
        Assert.True(stderr.Contains($"Nothing was written for {bad}.", StringComparison.Ordinal), stderr);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
        Assert.Equal(["2021-05-10.json"], Directory.GetFiles(temp["records"]).Select(Path.GetFileName));
        Assert.Contains("1 failed", stdout);
    }

    [Theory]
    [InlineData("foreign.md", 8, "a paper heading \"# 1. Title\", found \"Some notes from a trip")]
    [InlineData("binary.md", 2, "binary data (the byte 0x1A)")]
    [InlineData("latin1.md", 6, "UTF-8 text")]
    public void Files_that_are_not_old_posts_fail_naming_file_and_line(string name, int line, string expected)
    {
        using var temp = Fixture.TempDir();
        var bad = Fixture.Path("importing", "bad", name);
        var (exit, _, stderr) = ImportHarness.Cli("import", bad, Path.Combine(ImportHarness.PostsDir, Good), "--records", temp["records"]);
        Assert.Equal(1, exit);
        Assert.True(stderr.Contains($"error: {bad}: line {line}: expected ", StringComparison.Ordinal), stderr);
        Assert.True(stderr.Contains(expected, StringComparison.Ordinal), stderr);
        Assert.Single(Directory.GetFiles(temp["records"]));
    }

    // Found by a docs audit: a post saved as UTF-32 was called UTF-16, and one in UTF-16 without a byte order mark was not named at all.
    [Theory]
    [InlineData("utf-16", "UTF-16")]
    [InlineData("utf-16BE", "UTF-16")]
    [InlineData("utf-16LE", "UTF-16")]
    [InlineData("utf-32", "UTF-32")]
    [InlineData("utf-32BE", "UTF-32")]
    [InlineData("utf-32LE", "UTF-32")]
    public void A_post_in_UTF_16_or_UTF_32_fails_naming_its_encoding(string encoding, string named)
    {
        var post = File.ReadAllText(Path.Combine(ImportHarness.PostsDir, Good));
        var bytes = encoding switch
        {
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(post)],
            "utf-16BE" => Encoding.BigEndianUnicode.GetBytes(post),
            "utf-16LE" => Encoding.Unicode.GetBytes(post),
            "utf-32" => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(post)],
            "utf-32BE" => new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes(post),
            _ => Encoding.UTF32.GetBytes(post),
        };
        var e = Assert.Throws<InputException>(() => new HotPapers.Importing.PostImporter(TimeZoneInfo.Utc).Import("p.md", bytes));
        Assert.Equal("p.md: line 1: expected UTF-8 text, found " + named + " text", Assert.Single(e.Problems).ToString());
    }

    // Found by an adversarial test: import had no size limit (a 40 MB post imported into records that build
    // refused), and a post nested past Markdig's limit stopped the whole import with a stack trace.
    [Theory]
    [InlineData("big", "expected a post of at most 32 MB, found 40 MB")]
    [InlineData("deep", "line 1: expected Markdown within Markdig's nesting limit, found elements nested too deeply to read")]
    public void A_post_too_big_or_too_deep_fails_naming_it_and_the_others_still_import(string kind, string expected)
    {
        using var temp = Fixture.TempDir();
        var post = temp[kind + ".md"];
        if (kind == "big")
        {
            using var stream = File.Create(post);
            stream.SetLength(40L * 1024 * 1024);
        }
        else
        {
            File.WriteAllText(post, "---\ntitle: Hot Papers 2021-04-30\ndate: 2021-05-01T18:50:48.Z\n---\n\n# 1. " + new string('[', 12_000) + "\n");
        }
        var (exit, _, stderr) = ImportHarness.Cli("import", post, Path.Combine(ImportHarness.PostsDir, Good), "--records", temp["records"]);
        Assert.Equal(1, exit);
        Assert.True(stderr.Contains($"error: {post}: {expected}", StringComparison.Ordinal), stderr);
        Assert.Single(Directory.GetFiles(temp["records"]));
    }

    [Fact]
    public void Foreign_front_matter_fails_at_its_first_key_the_old_generator_never_wrote()
    {
        using var temp = Fixture.TempDir();
        var text = File.ReadAllText(Fixture.Path("importing", "bad", "foreign.md")).Replace("tags:", "author: me\ntags:");
        File.WriteAllText(temp["foreign.md"], text);
        var (exit, _, stderr) = ImportHarness.Cli("import", temp["foreign.md"], "--records", temp["records"]);
        Assert.Equal(1, exit);
        Assert.True(stderr.Contains($"{temp["foreign.md"]}: line 4: expected a key of the old front matter (title, date, template", StringComparison.Ordinal), stderr);
        Assert.False(Directory.Exists(temp["records"]) && Directory.EnumerateFiles(temp["records"]).Any());
    }

    // Found by a new user's trial: a path not there was counted as a post ("1 post(s): 0 imported ..., 1 failed"), and
    // the good posts given with it were imported: a wrong path is refused before anything is read, as a folder without posts.
    [Fact]
    public void A_missing_path_and_a_bad_zone_are_reported()
    {
        using var temp = Fixture.TempDir();
        var (exit, stdout, stderr) = ImportHarness.Cli("import", Path.Combine(ImportHarness.PostsDir, Good), temp["nope.md"], "--records", temp["records"]);
        Assert.Equal(1, exit);
        Assert.Equal($"error: {temp["nope.md"]}: expected a post or a folder of posts, found no such file or folder\nNothing was written.\n", stderr);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(temp["records"]));

        (exit, _, stderr) = ImportHarness.Cli("import", Path.Combine(ImportHarness.PostsDir, Good), "--records", temp["records"], "--timezone", "Mars/Olympus");
        Assert.Equal(2, exit); // a usage error, as for build --timezone
        Assert.True(stderr.Contains("--timezone", StringComparison.Ordinal), stderr);
        Assert.False(Directory.Exists(temp["records"]));

        (exit, _, _) = ImportHarness.Cli("import", "--records", temp["records"]);
        Assert.Equal(2, exit);
    }

    // A wrong path (the blog's root, the records folder) is not a run that imported nothing: exit 1, and
    // nothing written, not even for the good post given with it.
    [Fact]
    public void A_folder_without_posts_is_an_error_and_nothing_is_written()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["empty"]);
        Directory.CreateDirectory(temp["records/posts"]);
        // A post in a folder below is not read: the folder given still has none.
        File.Copy(Path.Combine(ImportHarness.PostsDir, Good), temp["records/posts/" + Good]);
        File.WriteAllText(temp["records/2021-04-30.json"], "{}");
        foreach (var folder in new[] { temp["empty"], temp["records"] })
        {
            var (exit, stdout, stderr) = ImportHarness.Cli("import", Path.Combine(ImportHarness.PostsDir, Good), folder, "--records", temp["out"]);
            Assert.Equal(ExitCodes.BadInput, exit);
            Assert.Equal($"error: {folder}: expected a folder of old posts (Markdown files, *.md; the folders in it are not read), found none\nNothing was written.\n", stderr);
            Assert.Equal("", stdout);
            Assert.False(Directory.Exists(temp["out"]));
        }
        Assert.Equal(["2021-04-30.json"], Directory.EnumerateFiles(temp["records"]).Select(Path.GetFileName));
    }

    [Fact]
    public void Two_posts_of_the_same_digest_in_one_run_do_not_overwrite_each_other()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp["copy.md"], GoodText.Replace("Ada Lovelace", "Ada King"), new UTF8Encoding(false));
        var (exit, _, stderr) = ImportHarness.Cli("import", Path.Combine(ImportHarness.PostsDir, Good), temp["copy.md"], "--records", temp["records"]);
        Assert.Equal(1, exit);
        Assert.True(stderr.Contains("the same digest again", StringComparison.Ordinal), stderr);
        Assert.DoesNotContain("Ada King", File.ReadAllText(temp["records/2021-05-10.json"]));
    }
}
