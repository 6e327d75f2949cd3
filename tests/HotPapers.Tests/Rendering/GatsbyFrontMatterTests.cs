using System.Text.Json;
using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.Output;

namespace HotPapers.Tests.Rendering;

/// <summary>
/// Our Gatsby front matter read by what Gatsby reads it with: gray-matter (js-yaml 3 inside) and
/// js-yaml 4, under Node. Every value comes back as written, and <c>new Date(date)</c> is valid.
/// </summary>
[Trait(Speed.Key, Speed.Slow)]
public sealed class GatsbyFrontMatterTests
{
    public static readonly string[] HostileTexts =
    [
        "Hot: Papers", "- dash", "no", "yes", "on", "off", "null", "~", "123", "1e3", "0x1F", "0o17", ".inf", "2021-04-30",
        "12:30:00", "#hash", "\"quoted\"", "'single'", "[bracket", "{brace}", "*star", "&anchor", "!tag", "%percent", "@at",
        "`tick", "key: value # comment", "a #b", "trailing space ", " leading space", "tab\there", "Ünïcödé 日本語 🎉",
        ">folded", "|literal", "?question", ",comma", "<<", "=", "---", "...", "back\\slash \\n", "two\nlines", "",
    ];

    [SkippableFact]
    public void Gray_matter_and_js_yaml_read_our_front_matter_back_exactly()
    {
        var node = ExternalTool.Require("node", "Gatsby reads front matter with gray-matter and js-yaml under Node");
        var js = Path.Combine(Fixture.RepoRoot(), "tests", "HotPapers.Tests", "js");
        ExternalTool.RequireThat(Directory.Exists(Path.Combine(js, "node_modules", "gray-matter")) && Directory.Exists(Path.Combine(js, "node_modules", "js-yaml")),
            $"the npm packages are not installed: run `npm ci` in {js}");

        using var temp = Fixture.TempDir();
        var records = new RecordsLoader(TimeZoneInfo.Utc).Load(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"));
        var digest = new Ranker(RankingSettings.Default).Rank(records);
        var expected = new List<(string File, string Title, string Description, string Slug, string Category, string[] Tags, string Image, bool Draft, string Date)>();

        // The sample as built, then every hostile text in every text field.
        var files = new List<string>();
        void Add(string title, FrontMatterSettings front, PostOverrides overrides, Digest? other = null)
        {
            var file = temp[$"post-{files.Count}.md"];
            var day = other ?? digest;
            var text = new PostRenderer(TemplateSet.BuiltIn, front).Render(day with { Records = day.Records with { Post = overrides } });
            File.WriteAllBytes(file, PostWriter.Encode(text));
            files.Add(file);
            var date = Rfc3339.FormatDate(day.Records.Date);
            expected.Add((file, title, front.DescriptionPattern.Replace("{date}", date), front.SlugPattern.Replace("{date}", date),
                front.Category, [.. front.Tags], front.SocialImage, front.Draft,
                day.Records.CollectedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", System.Globalization.CultureInfo.InvariantCulture)));
        }
        Add("Hot Papers 2021-04-30", FrontMatterSettings.Default, PostOverrides.None);
        // The sample day that mixes networks: Bluesky's embed and script, and static cards.
        var mixed = new Ranker(RankingSettings.Default).Rank(new RecordsLoader(TimeZoneInfo.Utc).Load(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-05-03.json")));
        Add("Hot Papers 2021-05-03", FrontMatterSettings.Default, PostOverrides.None, mixed);
        foreach (var hostile in HostileTexts)
        {
            var front = FrontMatterSettings.Default with
            {
                DescriptionPattern = hostile, SlugPattern = hostile, Category = hostile, Tags = [hostile, "plain"], SocialImage = hostile, Draft = true,
            };
            Add(hostile, front, new PostOverrides(Title: hostile));
        }

        var (code, stdout, stderr) = Processes.Run(js, node, ["frontmatter.js", .. files]);
        Assert.True(code == 0, stderr);
        using var results = JsonDocument.Parse(stdout);
        Assert.Equal(expected.Count, results.RootElement.GetArrayLength());
        foreach (var (result, want) in results.RootElement.EnumerateArray().Zip(expected))
        {
            Assert.Equal(want.File, result.GetProperty("file").GetString());
            Assert.True(result.GetProperty("dateIsValid").GetBoolean(), $"new Date(date) is invalid in {want.File}");
            Assert.StartsWith("\n# 1. What Are Bayesian", result.GetProperty("contentStart").GetString(), StringComparison.Ordinal);
            foreach (var reader in new[] { "grayMatter", "jsYaml" })
            {
                var data = result.GetProperty(reader);
                var where = $"{reader} on {JsonSerializer.Serialize(want.Title)}";
                Assert.True(JsonValueKind.String == data.GetProperty("title").ValueKind, where + ": title is not a string");
                Assert.Equal(want.Title, data.GetProperty("title").GetString());
                Assert.Equal(want.Date, data.GetProperty("date").GetProperty("$date").GetString());
                Assert.Equal("post", data.GetProperty("template").GetString());
                Assert.Equal(want.Draft, data.GetProperty("draft").GetBoolean());
                Assert.Equal(want.Slug, data.GetProperty("slug").GetString());
                Assert.Equal(want.Category, data.GetProperty("category").GetString());
                Assert.Equal(want.Tags, data.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray());
                Assert.Equal(want.Description, data.GetProperty("description").GetString());
                Assert.Equal(want.Image, data.GetProperty("socialImage").GetString());
                Assert.Equal(9, data.EnumerateObject().Count());
            }
        }
    }
}
