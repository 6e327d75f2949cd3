using System.Text.RegularExpressions;
using HotPapers.Building;
using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.Settings;
using Scriban.Runtime;

namespace HotPapers.Tests.Rendering;

/// <summary>The README's template documentation: its example works, and it names every value and function.</summary>
public sealed class ReadmeTemplateTests
{
    private static string Readme => File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "README.md"));

    private static string Section(string heading)
    {
        var text = Readme;
        var start = text.IndexOf("\n## " + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no \"## {heading}\" section");
        // The next section's heading (a "## " line inside a code block is not one).
        var end = Regex.Match(text[(start + 4)..], "\n## [A-Z]");
        return end.Success ? text.Substring(start, end.Index + 4) : text[start..];
    }

    [Fact]
    public void The_example_template_builds_the_sample()
    {
        var example = Regex.Match(Section("Templates"), "```scriban\n(.*?)```", RegexOptions.Singleline);
        Assert.True(example.Success, "no ```scriban block in the Templates section");
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["templates"]);
        File.WriteAllText(temp["templates/post.md.sbn"], example.Groups[1].Value);
        new PostBuilder(BuildSettings.Default with
        {
            RecordsPath = Path.Combine(Fixture.RepoRoot(), "content", "records"),
            OutputDirectory = temp["posts"],
            TemplatesDirectory = temp["templates"],
        }).Build(new BuildRequest.Day(new DateOnly(2021, 4, 30)));

        var post = File.ReadAllText(temp["posts/2021-04-30---Hot-Papers.md"]);
        Assert.StartsWith("---\ntitle: Hot Papers 2021-04-30\ndate: 2021-05-01T18:50:48+09:00\ndraft: false\ntags:\n  - \"arXiv\"\n", post, StringComparison.Ordinal);
        Assert.Contains("\n---\n\n15 papers of 2021-04-30 with at least 50 retweets and favorites.\n\n## 1. What Are Bayesian Neural Network Posteriors Really Like?\n\n" +
            "Pavel Izmailov, Sharad Vikram, Matthew D. Hoffman, Andrew Gordon Wilson: [abstract](https://arxiv.org/abs/2104.14421), 10144 retweets and favorites.\n\n<blockquote class=\"twitter-tweet\">",
            post, StringComparison.Ordinal);
        Assert.Contains("\n## 15. Learned Spatial Representations for Few-shot Talking-Head Synthesis\n", post, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_value_a_template_sees_is_documented()
    {
        var records = new RecordsLoader(TimeZoneInfo.Utc).Load(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"));
        var model = PostModel.Create(new Ranker(RankingSettings.Default).Rank(records), FrontMatterSettings.Default);
        model["settings"] = TemplateSettings.Default.ToScriptObject();
        var section = Section("Templates");
        var names = new List<string>();
        foreach (var (top, value) in model)
        {
            if (value is ScriptObject obj) names.AddRange(obj.Keys.Select(k => $"{top}.{k}"));
        }
        var paper = (ScriptObject)((ScriptArray)model["papers"]!)[0]!;
        names.AddRange(paper.Keys.Select(k => $"paper.{k}"));
        // A tweet is a mention: each of its values is documented as the tweet's or as every mention's.
        var mention = (ScriptObject)((ScriptArray)paper["mentions"]!)[0]!;
        names.AddRange(mention.Keys.Select(k => section.Contains($"`tweet.{k}`", StringComparison.Ordinal) ? $"tweet.{k}" : $"mention.{k}"));
        names.AddRange(((ScriptObject)((ScriptArray)paper["totals"]!)[0]!).Keys.Select(k => $"total.{k}"));
        names.AddRange(["yaml", "yaml_quoted", "md", "md_heading", "md_link_text", "md_url", "hugo_tweet", "empty_lines"]);
        Assert.True(names.Count > 40);
        var missing = names.Where(n => !section.Contains($"`{n}", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not in the README's Templates section: " + string.Join(", ", missing));
    }

    /// <summary>
    /// The other way round: every value the Templates section names (<c>`paper.pdf_url`</c>, and
    /// <c>`.between_sections`</c> for <c>post.layout</c>'s) is read by a template, which fails on a
    /// member the model does not have: a model change that drops a documented value fails here.
    /// </summary>
    [Fact]
    public void Every_documented_value_is_in_the_model()
    {
        var section = Section("Templates");
        var documented = Regex.Matches(section, @"`((?:post|digest|paper|mention|tweet|total|settings)(?:\.[a-z_]+)+)")
            .Select(m => m.Groups[1].Value)
            .Where(name => !name.EndsWith(".sbn", StringComparison.Ordinal) && !name.Contains(".sbn.", StringComparison.Ordinal)) // a template's file name (post.md.sbn.txt: one misnamed)
            .Concat(Regex.Matches(section, @"`\.([a-z_]+)`").Select(m => "post.layout." + m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(documented.Count > 60, string.Join(", ", documented));
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        // The first paper, its first mention, tweet and total stand for them all; a missing one is an error too.
        File.WriteAllText(temp["t/post.md.sbn"],
            "{{ paper = papers[0]; mention = paper.mentions[0]; tweet = paper.tweets[0]; total = paper.totals[0] }}\n"
            + string.Concat(documented.Select(d => $"{d}={{{{ {d} }}}}\n")));
        var records = new RecordsLoader(TimeZoneInfo.Utc).Load(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json"));
        var post = new PostRenderer(new TemplateSet(temp["t"]), FrontMatterSettings.Default).Render(new Ranker(RankingSettings.Default).Rank(records));
        Assert.All(documented, d => Assert.Contains($"\n{d}=", post, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_setting_is_in_the_settings_table_with_its_default_and_option()
    {
        var section = Section("Settings");
        foreach (var key in SettingKeys.All)
        {
            var row = section.Split('\n').SingleOrDefault(l => l.StartsWith($"| `{key.Name}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"no row for {key.Name}");
            if (key.CliOption is { } option) Assert.Contains($"`{option}`", row, StringComparison.Ordinal);
            if (key.Get(BuildSettings.Default) is string or long or bool)
            {
                var value = key.Get(BuildSettings.Default)!.ToString()!;
                // An empty text as YAML writes it: `""`.
                Assert.Contains($"`{(value is "True" or "False" ? value.ToLowerInvariant() : value is "" ? "\"\"" : value)}`", row, StringComparison.Ordinal);
            }
        }
    }
}
