using System.Collections.Immutable;
using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.Rendering;
using YamlDotNet.RepresentationModel;

namespace HotPapers.Tests.Rendering;

/// <summary>
/// The built-in templates through Scriban, as any template renders: the golden posts, hostile text in
/// every place a post shows text, sparse digests, posts of millions of characters, text that cannot be
/// written, and a render context reused from post to post.
/// </summary>
public sealed class BuiltInTemplateTests
{
    private static readonly string[] BuiltIn = ["post.md.sbn", "post.hugo.md.sbn"];

    public static TheoryData<string> BuiltInTemplates => [.. BuiltIn];

    [Theory]
    [MemberData(nameof(BuiltInTemplates))]
    public void Each_built_in_template_is_the_file_in_templates(string name) =>
        Assert.Equal(File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "templates", name)), TemplateSet.BuiltIn.Read(name).Text);

    [Fact]
    public void The_sample_renders_the_golden_posts_and_a_copy_of_the_template_saved_with_CRLF_the_same()
    {
        var digest = Rank(Load(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json")));
        var gatsby = File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "content", "posts", "2021-04-30---Hot-Papers.md"));
        var hugo = File.ReadAllText(Fixture.Path("hugo", "2021-04-30---Hot-Papers.md"));
        Assert.Equal(gatsby, Renderer(TemplateSet.BuiltIn, Flavor.Gatsby).Render(digest));
        Assert.Equal(hugo, Renderer(TemplateSet.BuiltIn, Flavor.Hugo).Render(digest));

        using var windows = Fixture.TempDir();
        foreach (var name in BuiltIn) File.WriteAllText(windows[name], TemplateSet.BuiltIn.Read(name).Text.Replace("\n", "\r\n"));
        var crlf = new TemplateSet(windows.Path);
        Assert.Equal(gatsby, Renderer(crlf, Flavor.Gatsby).Render(digest));
        Assert.Equal(hugo, Renderer(crlf, Flavor.Hugo).Render(digest));
    }

    [Fact]
    public void A_users_changed_copy_renders_its_change()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp["post.md.sbn"], TemplateSet.BuiltIn.Read("post.md.sbn").Text.Replace("# {{ paper.rank }}.", "## {{ paper.rank }}."));
        var post = Renderer(new TemplateSet(temp.Path), Flavor.Gatsby).Render(Rank(Load(Fixture.Path("records", "full.json"))));
        Assert.Contains("\n## 1. ", post);
        Assert.DoesNotContain("\n# 1. ", post);
    }

    public static TheoryData<string> Texts => [.. Enumerable.Concat<object[]>(HostileTextTests.Yaml, HostileTextTests.Markdown).Select(row => (string)row[0])];

    /// <summary>Text that YAML, Markdown, HTML or Hugo would read as something else, in every place a post shows text, both flavors, raw text or not.</summary>
    [Theory]
    [MemberData(nameof(Texts))]
    public void Hostile_text_in_every_place_keeps_the_post_whole(string text)
    {
        var records = Load(Fixture.Path("records", "full.json"));
        var paper = records.Papers[0];
        var built = paper.Mentions[0] with { Text = text, EmbedHtml = null, AuthorName = text, Lang = text };
        // Another status: the ranker shows a status once.
        var unsafeEmbed = paper.Mentions[0] with { Url = paper.Mentions[0].Url + "0", EmbedHtml = "<script>" + text + "</script>" };
        var hostile = paper with
        {
            Title = text,
            Authors = [text, text],
            Abstract = text,
            Categories = [text, "cs.LG", text],
            Mentions = [built, unsafeEmbed],
        };
        // The settings' values, not the file's own front matter.
        records = records with { Papers = [hostile, .. records.Papers.Skip(1)], Post = new PostOverrides() };
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
                var warnings = new List<string>();
                var post = Renderer(TemplateSet.BuiltIn, flavor, front).Render(digest, warnings);
                var map = FrontMatter(post, flavor);
                Assert.Equal(text + " " + PostModel.DateText(digest.Records), Scalar(map, "title"));
                Assert.Equal(text, Scalar(map, "slug"));
                Assert.Equal(text, Scalar(map, "description"));
                if (flavor == Flavor.Gatsby)
                {
                    Assert.Equal(text, Scalar(map, "template"));
                    Assert.Equal(text, Scalar(map, "category"));
                    Assert.Equal(text, Scalar(map, "socialImage"));
                }
                else if (text == "")
                {
                    // Hugo's optional keys are left out when empty.
                    Assert.False(map.Children.ContainsKey("categories"));
                    Assert.False(map.Children.ContainsKey("images"));
                }
                else
                {
                    Assert.Equal([text], Sequence(map, "categories"));
                    Assert.Equal([text], Sequence(map, "images"));
                }
                Assert.Equal([text, text], Sequence(map, "tags"));
                // Raw text keeps a line that reads as a heading (it is no hazard); escaped text cannot make one.
                if (!raw) AssertPapersInOrder(post, digest);
                // The tweet with the hostile fields is built and escaped; the unsafe stored embed is not used.
                var embed = TweetEmbed.Build(built);
                Assert.Contains(flavor == Flavor.Hugo ? HugoShortcode.Tweet(embed) : embed + "\n", post);
                Assert.DoesNotContain("<script>" + text, post);
                var warning = Assert.Single(warnings);
                Assert.StartsWith($"paper {hostile.Id}, tweet {unsafeEmbed.Url}: stored embed HTML not used (", warning);
            }
        }
    }

    /// <summary>Front matter left empty, papers without a PDF, tweets or categories, ranges, drafts, large counts.</summary>
    [Fact]
    public void Sparse_and_unusual_digests_render_what_they_have()
    {
        var records = Load(Fixture.Path("records", "full.json")) with { Post = new PostOverrides() };
        var paper = records.Papers[0];
        var unusual = ImmutableArray.Create(
            paper with { PdfUrl = null, Mentions = [] },
            paper with { Categories = [], Authors = [], Abstract = "" },
            paper with { Totals = [new EngagementTotals(long.MaxValue / 2, long.MaxValue / 3)] });
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
                var renderer = Renderer(TemplateSet.BuiltIn, flavor, front);

                // Every paper shown, the one without a PDF too.
                var digest = new Ranker(RankingSettings.Default with { RequirePdf = false, MinPaperScore = 0 }).Rank(records with { Papers = unusual });
                var post = renderer.Render(digest);
                AssertFrontMatter(FrontMatter(post, flavor), front, flavor, digest);
                AssertPapersInOrder(post, digest);
                var papers = Papers(post);
                var noPdf = papers[digest.Papers.IndexOf(digest.Papers.Single(p => p.Paper.PdfUrl is null))];
                Assert.Contains($"- links: [abs]({paper.AbsUrl})\n", noPdf);
                Assert.DoesNotContain("[pdf]", noPdf);
                Assert.Contains($"- retweets: {long.MaxValue / 2}, favorites: {long.MaxValue / 3} (", post);
                var bare = papers[digest.Papers.IndexOf(digest.Papers.Single(p => p.Paper.Categories.IsEmpty))];
                Assert.Contains("\n- \n", bare);

                var empty = Rank(records with { Papers = [] });
                post = renderer.Render(empty);
                AssertFrontMatter(FrontMatter(post, flavor), front, flavor, empty);
                Assert.DoesNotContain("\n# ", post);

                var range = Rank(records with { EndDate = records.Date.AddDays(2) });
                post = renderer.Render(range);
                Assert.Equal(front.TitlePattern.Replace("{date}", $"{records.Date:yyyy-MM-dd} - {records.Date.AddDays(2):yyyy-MM-dd}"), Scalar(FrontMatter(post, flavor), "title"));

                var overridden = Rank(records with { Post = new PostOverrides(Draft: true, Tags: [], Category: "", SocialImage: "") });
                post = renderer.Render(overridden);
                AssertFrontMatter(FrontMatter(post, flavor), front with { Draft = true, Tags = [], Category = "", SocialImage = "" }, flavor, overridden);
            }
        }
    }

    /// <summary>Scriban cuts text at a million characters unless told not to; a month's range digest is more than that.</summary>
    [Fact]
    public void Text_and_posts_of_over_a_million_characters_render_whole()
    {
        var records = Load(Fixture.Path("records", "full.json"));
        var paper = records.Papers[0];
        var longText = string.Concat(Enumerable.Repeat("A long abstract, word after word. ", 40_000));
        var huge = paper with { Abstract = longText, Authors = [longText, "B. Author"] };
        var many = Enumerable.Range(0, 300).Select(i => paper with { Abstract = longText[..5_000] + i }).ToImmutableArray();
        foreach (var flavor in new[] { Flavor.Gatsby, Flavor.Hugo })
        {
            var renderer = Renderer(TemplateSet.BuiltIn, flavor);
            var one = renderer.Render(Rank(records with { Papers = [huge] }));
            Assert.Contains("\n\n" + MarkdownText.Escape(longText, MarkdownText.Context.Paragraph) + "\n\n", one);
            Assert.Contains("\n\n" + MarkdownText.Escape(longText + ", B. Author", MarkdownText.Context.Paragraph) + "\n\n", one);
            Assert.DoesNotContain("...", one);
            var all = renderer.Render(Rank(records with { Papers = many }));
            Assert.True(all.Length > 1_500_000, $"{all.Length} characters");
            Assert.Contains("\n# 300. ", all);
            Assert.EndsWith(flavor == Flavor.Hugo ? "{{< /hotpapers-tweet >}}\n\n" : "</script>\n\n\n\n", all);
            Assert.Contains(MarkdownText.Escape(longText[..5_000] + "299", MarkdownText.Context.Paragraph), all);
        }
    }

    /// <summary>Text that cannot be written (a lone surrogate, which only the API can give) is a template error at its place.</summary>
    [Fact]
    public void Text_that_cannot_be_written_fails_with_the_templates_file_line_and_column()
    {
        var records = Load(Fixture.Path("records", "full.json"));
        var broken = records with { Papers = [records.Papers[0] with { Title = "Lone \uD83D half", Abstract = "end \uD800" }] };
        foreach (var flavor in new[] { Flavor.Gatsby, Flavor.Hugo })
        {
            var name = Flavors.PostTemplate(flavor);
            var e = Assert.Throws<TemplateException>(() => Renderer(TemplateSet.BuiltIn, flavor).Render(Rank(broken)));
            Assert.Equal("built-in:" + name, e.File);
            // Scriban places it at the loop over the papers that wrote it.
            var line = TemplateSet.BuiltIn.Read(name).Text.Split('\n').ToList().FindIndex(l => l.Contains("for paper in papers", StringComparison.Ordinal)) + 1;
            Assert.Equal(line, e.Line);
            Assert.StartsWith($"built-in:{name}({line},", e.Message);
        }
    }

    /// <summary>
    /// A render context serves one post after another on a thread: what a template leaves in it (a cycle's
    /// place, an include's indentation, a failure half way) does not reach the next post.
    /// </summary>
    [Fact]
    public async Task A_render_leaves_nothing_behind_for_the_next()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp["post.md.sbn"],
            "{{ array.cycle ['a', 'b', 'c'] }}{{ array.cycle ['a', 'b', 'c'] }}\n  {{ include 'part.sbn' }}\n" +
            "{{ if papers.size == 0 }}{{ no_such_value }}{{ end }}{{ for p in papers }}{{ p.rank }}{{ end }}\n");
        File.WriteAllText(temp["part.sbn"], "one\ntwo\n");
        var renderer = Renderer(new TemplateSet(temp.Path), Flavor.Gatsby);
        var digest = Rank(Load(Fixture.Path("records", "full.json")));
        var first = renderer.Render(digest);
        Assert.StartsWith("ab\n  one\n", first);
        Assert.Equal(first, renderer.Render(digest));
        Assert.Throws<TemplateException>(() => renderer.Render(Rank(digest.Records with { Papers = [] })));
        Assert.Equal(first, renderer.Render(digest));
        Assert.Equal(first, await Task.Run(() => renderer.Render(digest)));
    }

    private static void AssertFrontMatter(YamlMappingNode map, FrontMatterSettings front, Flavor flavor, Digest digest)
    {
        var keys = map.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();
        if (flavor == Flavor.Gatsby)
        {
            Assert.Equal(["title", "date", "template", "draft", "slug", "category", "tags", "description", "socialImage"], keys);
            Assert.Equal(front.Category, Scalar(map, "category"));
            Assert.Equal(front.SocialImage, Scalar(map, "socialImage"));
            Assert.Equal(front.Tags, Sequence(map, "tags"));
        }
        else
        {
            string[] expected =
            [
                "title", "date", "draft", "slug", "description",
                .. front.Category == "" ? Array.Empty<string>() : ["categories"],
                .. front.Tags.IsEmpty ? Array.Empty<string>() : ["tags"],
                .. front.SocialImage == "" ? Array.Empty<string>() : ["images"],
            ];
            Assert.Equal(expected, keys);
            if (front.Category != "") Assert.Equal([front.Category], Sequence(map, "categories"));
            if (!front.Tags.IsEmpty) Assert.Equal(front.Tags, Sequence(map, "tags"));
            if (front.SocialImage != "") Assert.Equal([front.SocialImage], Sequence(map, "images"));
        }
        Assert.Equal(front.Draft ? "true" : "false", Scalar(map, "draft"));
        Assert.Equal(front.SlugPattern.Replace("{date}", PostModel.DateText(digest.Records)), Scalar(map, "slug"));
    }

    // Each paper's heading, "# rank. title", in rank order, and nothing else that reads as a heading.
    private static void AssertPapersInOrder(string post, Digest digest)
    {
        var headings = post.Split('\n').Where(l => l.StartsWith("# ", StringComparison.Ordinal)).ToList();
        Assert.Equal(digest.Papers.Select(p => $"# {p.Rank}. "), headings.Select(h => h[..(h.IndexOf(". ", StringComparison.Ordinal) + 2)]));
    }

    // The text of each paper, from its heading to the next.
    private static List<string> Papers(string post) =>
        [.. post.Split("\n# ").Skip(1)];

    private static YamlMappingNode FrontMatter(string post, Flavor flavor)
    {
        Assert.StartsWith("---\n", post);
        var end = post.IndexOf(flavor == Flavor.Gatsby ? "\n\n---\n" : "\n---\n", 4, StringComparison.Ordinal);
        Assert.True(end > 0, post);
        var stream = new YamlStream();
        stream.Load(new StringReader(post[4..end] + "\n"));
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static string? Scalar(YamlMappingNode map, string key) => ((YamlScalarNode)map.Children[key]).Value;

    // Gatsby's "tags:" with no tags after it is an empty value, not a list.
    private static List<string?> Sequence(YamlMappingNode map, string key) => map.Children[key] switch
    {
        YamlSequenceNode sequence => [.. sequence.Children.Select(n => ((YamlScalarNode)n).Value)],
        YamlScalarNode { Value: "" } => [],
        var other => throw new Xunit.Sdk.XunitException($"{key}: {other}"),
    };

    private static PostRenderer Renderer(TemplateSet templates, Flavor flavor, FrontMatterSettings? front = null) =>
        new(templates, front ?? FrontMatterSettings.Default, Flavors.PostTemplate(flavor), TemplateSettings.Default with { Flavor = flavor });

    private static DigestRecords Load(string file) => new RecordsLoader(TimeZoneInfo.Utc).Load(file);

    private static DigestRecords WithRawText(DigestRecords records, bool rawText) =>
        rawText ? records with { Post = records.Post with { RawText = true } } : records;

    private static Digest Rank(DigestRecords records) => new Ranker(RankingSettings.Default).Rank(records);
}
