using Markdig;
using HotPapers.Tests.Safety;

namespace HotPapers.Tests.Importing;

/// <summary>
/// Where the round trip and safety disagree, safety wins: an old post whose unescaped text would run a
/// script, or open an HTML comment that hides the rest of the page, imports with the self-check's
/// warning (an error under --strict), and its rebuild escapes that text instead of repeating it.
/// </summary>
public sealed class ImportSafetyTests
{
    [Fact]
    public void A_hazardous_old_post_imports_with_a_warning_and_rebuilds_without_executable_markup()
    {
        using var temp = Fixture.TempDir();
        var original = File.ReadAllText(Path.Combine(ImportHarness.PostsDir, "2021-06-01---Hot-Papers.md"));
        var hostile = original
            .Replace("# 2. <b>Bold</b> and [Other](https://example.org/other)", "# 2. <script>alert(1)</script> and [Other](javascript:void)")
            .Replace("an HTML comment opener in the title only, and *emphasis* here", "<!-- an HTML comment that is never closed");
        Assert.NotEqual(original, hostile);
        var post = temp["2021-06-01---Hot-Papers.md"];
        File.WriteAllText(post, hostile);

        var strict = ImportHarness.Cli("import", post, "--records", temp["strict"], "--timezone", "Asia/Tokyo", "--strict");
        Assert.Equal(1, strict.Exit);
        Assert.Contains("line ", strict.Err);
        Assert.False(Directory.Exists(temp["strict"]) && Directory.EnumerateFiles(temp["strict"]).Any());

        var lenient = ImportHarness.Cli("import", post, "--records", temp["records"], "--timezone", "Asia/Tokyo");
        Assert.True(lenient.Exit == 0, lenient.Out + lenient.Err);
        Assert.Contains("warning:", lenient.Err);

        var build = ImportHarness.Cli("build", "--all", "--records", temp["records"], "--output", temp["posts"]);
        Assert.True(build.Exit == 0, build.Out + build.Err);
        var rebuilt = File.ReadAllText(Path.Combine(temp["posts"], "2021-06-01---Hot-Papers.md"));
        var body = rebuilt[(rebuilt.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];
        var html = Markdown.ToHtml(body, new MarkdownPipelineBuilder().Build());
        // The fixture's own <sup>2</sup> is a bare formatting tag, which rawText keeps as written.
        Assert.DoesNotContain(HtmlSafety.Problems(html), p => p != "<sup> element");
        Assert.DoesNotContain("alert(1)</script>", html);
        // The comment no longer hides the papers after it.
        Assert.Contains("Comments", html[html.LastIndexOf("<h1>", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("<!--", html);
    }
}
