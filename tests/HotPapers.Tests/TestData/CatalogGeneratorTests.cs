using System.Text.Json.Nodes;
using HotPapers.Building;
using HotPapers.Records;
using HotPapers.Settings;
using HotPapers.TestData;

namespace HotPapers.Tests.TestData;

/// <summary>The synthetic back catalog: the same seed gives the same bytes, and every day builds cleanly.</summary>
public sealed class CatalogGeneratorTests
{
    public static TheoryData<CatalogFormat> Formats => [CatalogFormat.Records, CatalogFormat.Legacy, CatalogFormat.Lean];

    // The fields the old Python generator reads (issue 13), which are all a lean file holds.
    private static readonly string[] LeanTop = ["meta", "papers"];
    private static readonly string[] LeanPaper = ["title", "authors", "links", "subjects", "summary", "tweets"];
    private static readonly string[] LeanTweet = ["link", "name", "username", "tweet", "datestamp", "timestamp", "retweets_count", "likes_count", "lang", "html"];

    private static Dictionary<string, byte[]> Files(string directory) =>
        Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_same_seed_gives_the_same_days_and_a_longer_catalog_begins_with_a_shorter_one(CatalogFormat format)
    {
        using var temp = Fixture.TempDir();
        CatalogGenerator.Generate(temp["a"], format, 3, 42, new DateOnly(2021, 1, 1));
        CatalogGenerator.Generate(temp["b"], format, 2, 42, new DateOnly(2021, 1, 1));
        CatalogGenerator.Generate(temp["c"], format, 2, 43, new DateOnly(2021, 1, 1));
        var a = Files(temp["a"]);
        var b = Files(temp["b"]);
        Assert.Equal(["2021-01-01.json", "2021-01-02.json", "2021-01-03.json"], a.Keys.Order());
        foreach (var (name, bytes) in b) Assert.Equal(bytes, a[name]);
        Assert.NotEqual(b["2021-01-01.json"], Files(temp["c"])["2021-01-01.json"]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_generated_day_builds_without_a_warning_into_a_post_of_its_papers(CatalogFormat format)
    {
        using var temp = Fixture.TempDir();
        CatalogGenerator.Generate(temp["records"], format, 20, 42, new DateOnly(2021, 1, 1));
        var result = new PostBuilder(BuildSettings.Default with { RecordsPath = temp["records"], OutputDirectory = temp["posts"] })
            .Build(new BuildRequest.All());
        Assert.Equal(20, result.Posts.Count);
        Assert.Empty(result.Warnings);
        foreach (var post in result.Posts)
        {
            var text = File.ReadAllText(post.PostPath);
            // About 20 papers a day, most with tweets good enough to show.
            Assert.InRange(text.Split("\n# ").Length - 1, 5, 25);
            Assert.Contains("<blockquote class=\"twitter-tweet\">", text);
        }
    }

    [Fact]
    public void A_lean_day_is_its_legacy_day_with_only_the_fields_the_old_generator_reads()
    {
        using var temp = Fixture.TempDir();
        CatalogGenerator.Generate(temp["legacy"], CatalogFormat.Legacy, 10, 42, new DateOnly(2021, 1, 1));
        CatalogGenerator.Generate(temp["lean"], CatalogFormat.Lean, 10, 42, new DateOnly(2021, 1, 1));
        var legacy = Files(temp["legacy"]);
        var lean = Files(temp["lean"]);
        Assert.Equal(legacy.Keys.Order(), lean.Keys.Order());
        var tweets = 0;
        foreach (var (name, bytes) in legacy)
        {
            var full = JsonNode.Parse(bytes)!.AsObject();
            var thin = JsonNode.Parse(lean[name])!.AsObject();
            Assert.True(lean[name].Length < bytes.Length * 0.8, $"{name}: {lean[name].Length} of {bytes.Length} bytes");
            Assert.Equal(LeanTop, thin.Select(p => p.Key));
            // Every listed field is there (html only where the tweet has an embed), and nothing else.
            foreach (var paper in thin["papers"]!.AsArray())
            {
                Assert.Equal(LeanPaper, paper!.AsObject().Select(p => p.Key));
                foreach (var tweet in paper["tweets"]!.AsArray())
                {
                    Assert.Equal(LeanTweet.Where(k => k != "html" || tweet!["html"] is not null), LeanTweet.Intersect(tweet!.AsObject().Select(p => p.Key)));
                    Assert.Equal(tweet.AsObject().Count, tweet.AsObject().Count(p => LeanTweet.Contains(p.Key)));
                    tweets++;
                }
            }
            // And the values are the legacy day's, to the string-or-number of a count.
            Keep(full, LeanTop);
            foreach (var paper in full["papers"]!.AsArray())
            {
                Keep(paper!.AsObject(), LeanPaper);
                foreach (var tweet in paper["tweets"]!.AsArray()) Keep(tweet!.AsObject(), LeanTweet);
            }
            Assert.True(JsonNode.DeepEquals(full, thin), name);
        }
        Assert.True(tweets > 500, $"{tweets} tweets");
    }

    [Fact]
    public void Hotpapers_reads_a_lean_day_as_the_legacy_digest_whose_retweets_are_plain_tweets()
    {
        using var temp = Fixture.TempDir();
        CatalogGenerator.Generate(temp["legacy"], CatalogFormat.Legacy, 10, 42, new DateOnly(2021, 1, 1));
        CatalogGenerator.Generate(temp["lean"], CatalogFormat.Lean, 10, 42, new DateOnly(2021, 1, 1));
        var loader = new RecordsLoader(TimeZoneInfo.Utc);
        var retweets = 0;
        foreach (var file in Directory.GetFiles(temp["legacy"]))
        {
            var legacy = loader.Load(file);
            var lean = loader.Load(Path.Combine(temp["lean"], Path.GetFileName(file)));
            retweets += legacy.Papers.Sum(p => p.Mentions.Count(t => t.RepostOf is not null));
            // A lean file has no retweet_id (the old generator never read it): that is all that may differ.
            var plain = legacy with
            {
                Papers = [.. legacy.Papers.Select(p => p with { Mentions = [.. p.Mentions.Select(t => t with { RepostOf = null })] })],
            };
            Assert.Equal(RecordsWriter.Write(plain), RecordsWriter.Write(lean));
        }
        Assert.True(retweets > 0, "the days hold retweets, so the comparison covers them");
    }

    private static void Keep(JsonObject o, string[] keys)
    {
        foreach (var key in o.Select(p => p.Key).Where(k => !keys.Contains(k)).ToArray()) o.Remove(key);
    }
}
