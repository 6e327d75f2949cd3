using System.Collections.Immutable;
using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.TestData;

namespace HotPapers.Tests.Rendering;

/// <summary>
/// The built-in templates in code (<see cref="CompiledTemplates"/>) against Scriban running the same
/// templates: every digest renders to the same bytes, with the same warnings, either way, whatever the
/// flavor, the functions (raw text or not) and the front matter settings.
/// </summary>
public sealed class CompiledTemplatesTests
{
    private static readonly string[] BuiltIn = ["post.md.sbn", "post.hugo.md.sbn"];

    public static TheoryData<string> BuiltInTemplates => [.. BuiltIn];

    [Theory]
    [MemberData(nameof(BuiltInTemplates))]
    public void Each_built_in_template_is_also_in_code(string name)
    {
        var text = TemplateSet.BuiltIn.Read(name).Text;
        Assert.True(CompiledTemplates.For(text) is not null,
            $"templates/{name} changed: change CompiledTemplates to write what it now writes, and give it the text's new SHA-256");
        Assert.Equal(File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "templates", name)), text);
    }

    [Fact]
    public void A_users_unchanged_copy_renders_in_code_and_a_changed_one_through_scriban()
    {
        using var temp = Fixture.TempDir();
        var text = TemplateSet.BuiltIn.Read("post.md.sbn").Text;
        File.WriteAllText(temp["post.md.sbn"], text);
        File.WriteAllText(temp["post.hugo.md.sbn"], text.Replace("# {{ paper.rank }}.", "## {{ paper.rank }}."));
        var templates = new TemplateSet(temp.Path);
        Assert.NotNull(templates.Compiled("post.md.sbn"));
        Assert.Null(templates.Compiled("post.hugo.md.sbn"));

        var digest = Rank(Load(Fixture.Path("records", "full.json")));
        var changed = new PostRenderer(templates, FrontMatterSettings.Default, "post.hugo.md.sbn").Render(digest);
        Assert.Contains("\n## 1. ", changed);

        // A copy saved with CRLF line ends is another text: Scriban renders it, into the same post.
        using var windows = Fixture.TempDir();
        File.WriteAllText(windows["post.md.sbn"], text.Replace("\n", "\r\n"));
        var crlf = new TemplateSet(windows.Path);
        Assert.Null(crlf.Compiled("post.md.sbn"));
        Assert.Equal(new PostRenderer(TemplateSet.BuiltIn, FrontMatterSettings.Default).Render(digest),
            new PostRenderer(crlf, FrontMatterSettings.Default).Render(digest));
    }

    public static TheoryData<CatalogFormat, Flavor, bool> Ways => new()
    {
        { CatalogFormat.Records, Flavor.Gatsby, false }, { CatalogFormat.Records, Flavor.Hugo, false },
        { CatalogFormat.Legacy, Flavor.Gatsby, false }, { CatalogFormat.Legacy, Flavor.Hugo, false },
        { CatalogFormat.Records, Flavor.Gatsby, true }, { CatalogFormat.Records, Flavor.Hugo, true },
    };

    [Theory]
    [MemberData(nameof(Ways))]
    public void Generated_digests_render_the_same_either_way(CatalogFormat format, Flavor flavor, bool rawText)
    {
        using var temp = Fixture.TempDir();
        CatalogGenerator.Generate(temp.Path, format, 40, 5, new DateOnly(2022, 6, 1));
        var files = Directory.GetFiles(temp.Path);
        Assert.Equal(40, files.Length);
        foreach (var file in files) AssertSameBothWays(Rank(WithRawText(Load(file), rawText)), flavor, FrontMatterSettings.Default, file);
    }

    [Fact]
    public void Real_files_render_the_same_either_way()
    {
        var files = Directory.GetFiles(Fixture.Dir, "*.json", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Fixture.RepoRoot(), "content", "records"), "*.json"))
            .Where(f => !f.Contains("bad", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count >= 12, $"only {files.Count} files");
        foreach (var file in files)
        {
            foreach (var flavor in new[] { Flavor.Gatsby, Flavor.Hugo })
            {
                foreach (var raw in new[] { false, true })
                    AssertSameBothWays(Rank(WithRawText(Load(file), raw)), flavor, FrontMatterSettings.Default, file);
            }
        }
    }

    public static TheoryData<string> Texts => [.. Enumerable.Concat<object[]>(HostileTextTests.Yaml, HostileTextTests.Markdown).Select(row => (string)row[0])];

    /// <summary>Text that YAML, Markdown, HTML or Hugo would read as something else, in every place a post shows text.</summary>
    [Theory]
    [MemberData(nameof(Texts))]
    public void Hostile_text_renders_the_same_either_way(string text)
    {
        var records = Load(Fixture.Path("records", "full.json"));
        var paper = records.Papers[0];
        var tweet = paper.Tweets[0] with { Text = text, EmbedHtml = null, AuthorName = text, Lang = text };
        var hostile = paper with
        {
            Title = text,
            Authors = [text, text],
            Abstract = text,
            Categories = [text, "cs.LG", text],
            Tweets = [tweet, paper.Tweets[0] with { EmbedHtml = "<script>" + text + "</script>" }],
        };
        records = records with { Papers = [hostile, .. records.Papers.Skip(1)] };
        var front = new FrontMatterSettings
        {
            TitlePattern = text + " {date}", DescriptionPattern = text, SlugPattern = text, Template = text, Category = text,
            Tags = [text, text], SocialImage = text,
        };
        foreach (var flavor in new[] { Flavor.Gatsby, Flavor.Hugo })
        {
            foreach (var raw in new[] { false, true })
            {
                var digest = Rank(WithRawText(records, raw));
                AssertSameBothWays(digest, flavor, front, text);
                AssertSameBothWays(digest with { Records = digest.Records with { Post = digest.Records.Post with { Title = text, Tags = [text] } } },
                    flavor, FrontMatterSettings.Default, text);
            }
        }
    }

    /// <summary>Front matter left empty, papers without a PDF, tweets or categories, ranges, drafts, large counts.</summary>
    [Fact]
    public void Sparse_and_unusual_digests_render_the_same_either_way()
    {
        var records = Load(Fixture.Path("records", "full.json"));
        var paper = records.Papers[0];
        var unusual = ImmutableArray.Create(
            paper with { PdfUrl = null, Tweets = [] },
            paper with { Categories = [], Authors = [], Abstract = "" },
            paper with { Totals = new EngagementTotals(long.MaxValue / 2, long.MaxValue / 2) },
            paper with { Tweets = [.. paper.Tweets.Select(t => t with { EmbedHtml = "<blockquote>unsafe<img src=x></blockquote>" })] });
        FrontMatterSettings[] fronts =
        [
            FrontMatterSettings.Default,
            new() { Category = "", SocialImage = "", Tags = [], Draft = true },
            new() { Category = "Papers", SocialImage = "", Tags = ["one"] },
            new() { Category = " ", SocialImage = "\t", Tags = [" "], TitlePattern = " ", SlugPattern = "" },
        ];
        foreach (var front in fronts)
        {
            foreach (var flavor in new[] { Flavor.Gatsby, Flavor.Hugo })
            {
                AssertSameBothWays(Rank(records with { Papers = unusual }), flavor, front, "unusual papers");
                AssertSameBothWays(Rank(records with { Papers = [] }), flavor, front, "no papers");
                AssertSameBothWays(Rank(records with { EndDate = records.Date.AddDays(2) }), flavor, front, "a range");
                AssertSameBothWays(Rank(records with { Post = new PostOverrides(Draft: true, Tags: [], Category: "", SocialImage: "") }), flavor, front, "empty overrides");
            }
        }
    }

    /// <summary>Scriban cuts text at a million characters unless told not to; a month's range digest is more than that.</summary>
    [Fact]
    public void Text_and_posts_of_over_a_million_characters_render_whole_either_way()
    {
        var records = Load(Fixture.Path("records", "full.json"));
        var paper = records.Papers[0];
        var longText = string.Concat(Enumerable.Repeat("A long abstract, word after word. ", 40_000));
        var huge = paper with { Abstract = longText, Authors = [longText, "B. Author"] };
        var many = Enumerable.Range(0, 300).Select(i => paper with { Abstract = longText[..5_000] + i }).ToImmutableArray();
        foreach (var flavor in new[] { Flavor.Gatsby, Flavor.Hugo })
        {
            var one = AssertSameBothWays(Rank(records with { Papers = [huge] }), flavor, FrontMatterSettings.Default, "one long abstract");
            Assert.Contains(MarkdownText.Escape(longText, MarkdownText.Context.Paragraph), one);
            var all = AssertSameBothWays(Rank(records with { Papers = many }), flavor, FrontMatterSettings.Default, "a long post");
            Assert.True(all.Length > 1_500_000, $"{all.Length} characters");
            Assert.Contains("\n# 300. ", all);
            Assert.Contains(MarkdownText.Escape(longText[..5_000] + "299", MarkdownText.Context.Paragraph), all);
        }
    }

    /// <summary>Text that cannot be written (a lone surrogate, which only the API can give) fails as Scriban fails: file, line, column.</summary>
    [Fact]
    public void Text_that_cannot_be_written_fails_with_scribans_message_either_way()
    {
        var records = Load(Fixture.Path("records", "full.json"));
        var broken = records with { Papers = [records.Papers[0] with { Title = "Lone \uD83D half", Abstract = "end \uD800" }] };
        foreach (var flavor in new[] { Flavor.Gatsby, Flavor.Hugo })
        {
            var name = Flavors.PostTemplate(flavor);
            var settings = TemplateSettings.Default with { Flavor = flavor };
            var inCode = Assert.Throws<TemplateException>(() => new PostRenderer(TemplateSet.BuiltIn, FrontMatterSettings.Default, name, settings).Render(Rank(broken)));
            var scriban = Assert.Throws<TemplateException>(() => new PostRenderer(ScribanCopies.Value, FrontMatterSettings.Default, name, settings).Render(Rank(broken)));
            Assert.Equal(scriban.Message.Replace(ScribanCopies.Value.Describe(name), "built-in:" + name), inCode.Message);
        }
    }

    /// <summary>
    /// The built-in templates with a tag that writes nothing after their last line: the same templates to
    /// Scriban, but not the built-in text, so Scriban renders them (asserted, or the comparison would be
    /// of the code with itself).
    /// </summary>
    private static readonly Lazy<TemplateSet> ScribanCopies = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("hotpapers-scriban-copies-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        foreach (var name in BuiltIn) File.WriteAllText(Path.Combine(folder, name), TemplateSet.BuiltIn.Read(name).Text + "{{ \"\" }}");
        var copies = new TemplateSet(folder);
        foreach (var name in BuiltIn) Assert.Null(copies.Compiled(name));
        return copies;
    });

    private static string AssertSameBothWays(Digest digest, Flavor flavor, FrontMatterSettings front, string what)
    {
        var name = Flavors.PostTemplate(flavor);
        var settings = TemplateSettings.Default with { Flavor = flavor };
        Assert.NotNull(TemplateSet.BuiltIn.Compiled(name));
        var inCode = new PostRenderer(TemplateSet.BuiltIn, front, name, settings);
        var scriban = new PostRenderer(ScribanCopies.Value, front, name, settings);
        var (expected, expectedWarnings) = Render(scriban, digest);
        var (actual, actualWarnings) = Render(inCode, digest);
        if (!expected.AsSpan().SequenceEqual(actual))
            Assert.Fail($"{what} ({flavor}): in code\n{System.Text.Encoding.UTF8.GetString(actual)}\n\nScriban\n{System.Text.Encoding.UTF8.GetString(expected)}");
        Assert.Equal(expectedWarnings, actualWarnings);
        return System.Text.Encoding.UTF8.GetString(actual);
    }

    private static (byte[] Bytes, List<string> Warnings) Render(PostRenderer renderer, Digest digest)
    {
        var warnings = new List<string>();
        using var post = new PostBytes();
        renderer.Render(digest, post, warnings);
        return (post.Span.ToArray(), warnings);
    }

    private static DigestRecords Load(string file) => new RecordsLoader(TimeZoneInfo.Utc).Load(file);

    private static DigestRecords WithRawText(DigestRecords records, bool rawText) =>
        rawText ? records with { Post = records.Post with { RawText = true } } : records;

    private static Digest Rank(DigestRecords records) => new Ranker(RankingSettings.Default).Rank(records);
}
