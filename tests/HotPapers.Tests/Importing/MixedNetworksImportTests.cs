using System.Text;
using HotPapers.Building;
using HotPapers.Importing;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.Settings;

namespace HotPapers.Tests.Importing;

/// <summary>
/// Issue 17, step 5: the sample day that mixes networks (content/records/2021-05-03.json) builds posts that
/// import and build again byte for byte, Gatsby, Hugo and with <c>embeds: static</c>; its counts lines
/// become per-network totals, its Bluesky embed is kept, its cards come back as the mentions' fields.
/// </summary>
public sealed class MixedNetworksImportTests
{
    private static readonly string SampleRecords = Path.Combine(Fixture.RepoRoot(), "content", "records");

    private static (string Post, ImportedPost Imported, string Rebuilt) RoundTrip(Flavor flavor, bool staticEmbeds)
    {
        using var temp = Fixture.TempDir();
        var settings = BuildSettings.Default with { Flavor = flavor, StaticEmbeds = staticEmbeds, RecordsPath = SampleRecords, OutputDirectory = temp["first"] };
        var day = new BuildRequest.Day(new DateOnly(2021, 5, 3));
        new PostBuilder(settings).Build(day);
        var post = File.ReadAllText(temp["first/2021-05-03---Hot-Papers.md"]);
        var imported = new PostImporter(TimeZoneInfo.Utc).Import("2021-05-03---Hot-Papers.md", Encoding.UTF8.GetBytes(post));
        Directory.CreateDirectory(temp["records"]);
        File.WriteAllBytes(temp["records/2021-05-03.json"], imported.RecordsBytes);
        new PostBuilder(settings with { RecordsPath = temp["records"], OutputDirectory = temp["second"] }).Build(day);
        return (post, imported, File.ReadAllText(temp["second/2021-05-03---Hot-Papers.md"]));
    }

    [Fact]
    public void The_shipped_gatsby_post_imports_and_builds_again_byte_for_byte()
    {
        var (post, imported, rebuilt) = RoundTrip(Flavor.Gatsby, staticEmbeds: false);
        Assert.Equal(File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "content", "posts", "2021-05-03---Hot-Papers.md")), post);
        Assert.Null(imported.Difference);
        Assert.Empty(imported.Notes);
        Assert.Equal(post, rebuilt);

        var records = Encoding.UTF8.GetString(imported.RecordsBytes);
        Assert.Contains("\"format\": \"hotpapers-records/2\"", records);
        var first = imported.Records.Papers[0];
        Assert.Equal(new[] { new EngagementTotals(10066, 78), new EngagementTotals(21, 130, Network.Bluesky), new EngagementTotals(0, 181, Network.HackerNews) }, first.Totals);
        var bluesky = Assert.Single(first.Mentions, m => m.Network == Network.Bluesky);
        Assert.StartsWith("<blockquote class=\"bluesky-embed\"", bluesky.EmbedHtml);
        Assert.Equal("andrew.example.com", bluesky.Handle);
        var hn = Assert.Single(first.Mentions, m => m.Network == Network.HackerNews);
        Assert.Equal(("https://news.ycombinator.com/item?id=26950000", "someuser", "someuser", "What Are Bayesian Neural Network Posteriors Really Like?"),
            (hn.Url, hn.AuthorName, hn.Handle, hn.Text));
        Assert.Equal((181L, 57L, (string?)null, TweetTime.FromDay(new DateOnly(2021, 5, 3))), (hn.Likes!.Value, hn.Replies!.Value, hn.EmbedHtml, hn.Created!.Value));
    }

    [Theory]
    [InlineData("hugo", false)]
    [InlineData("gatsby", true)]
    [InlineData("hugo", true)]
    public void Its_hugo_and_static_posts_import_and_build_again_byte_for_byte(string flavorName, bool staticEmbeds)
    {
        Assert.True(Flavors.TryParse(flavorName, out var flavor));
        var (post, imported, rebuilt) = RoundTrip(flavor, staticEmbeds);
        Assert.True(imported.Difference is null, imported.Difference?.ToString());
        Assert.Equal(staticEmbeds, imported.Notes.Contains(PostImporter.StaticCardsNote));
        Assert.Equal(staticEmbeds, post.Contains("hotpapers-card hotpapers-twitter\"", StringComparison.Ordinal));
        Assert.Equal(post, rebuilt);
    }

    [Fact]
    public void The_hugo_golden_post_imports_with_no_difference() =>
        Assert.Null(new PostImporter(TimeZoneInfo.Utc).Import("mixed.md", File.ReadAllBytes(Fixture.Path("posts", "mixed-2021-05-03-hugo.md"))).Difference);

    public static TheoryData<string, string, string> Malformed => new()
    {
        // A network twice, out of order, unknown, or in other words than the template's: the counts line's own line.
        { "| Bluesky: 21 reposts, 130 likes | Hacker News: 181 points (", "| Hacker News: 181 points | Bluesky: 21 reposts, 130 likes (", "each network's counts once, in the order" },
        { "| Hacker News: 181 points (", "| Hacker News: 181 points | Hacker News: 2 points (", "each network's counts once, in the order" },
        { "| Hacker News: 181 points (", "| Lobsters: 181 points (", "each network's counts once, in the order" },
        { "| Hacker News: 181 points (", "| Hacker News: 181 likes (", "the Hacker News counts as \"Hacker News: 181 points\"" },
        { "| Bluesky: 21 reposts, 130 likes", "| Bluesky: 1 reposts, 130 likes", "the Bluesky counts as \"Bluesky: 1 repost, 130 likes\"" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_counts_line_fails_at_its_line(string from, string to, string expected)
    {
        var post = File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "content", "posts", "2021-05-03---Hot-Papers.md"));
        var broken = post.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(post, broken);
        var line = 1 + post[..post.IndexOf(from, StringComparison.Ordinal)].Count(c => c == '\n');
        var e = Assert.Throws<InputException>(() => new PostImporter(TimeZoneInfo.Utc).Import("p.md", Encoding.UTF8.GetBytes(broken)));
        var problem = Assert.Single(e.Problems);
        Assert.Equal($"line {line}", problem.Location);
        Assert.StartsWith(expected, problem.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_that_is_not_the_built_in_shape_fails_at_its_line()
    {
        var post = File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "content", "posts", "2021-05-03---Hot-Papers.md"));
        const string Card = "&mdash; someuser &middot; 181 points, 57 comments &middot;";
        var broken = post.Replace(Card, "&mdash; someuser &middot; 181 points, 57 stars &middot;", StringComparison.Ordinal);
        Assert.NotEqual(post, broken);
        var line = 1 + post[..post.IndexOf(Card, StringComparison.Ordinal)].Count(c => c == '\n');
        var e = Assert.Throws<InputException>(() => new PostImporter(TimeZoneInfo.Utc).Import("p.md", Encoding.UTF8.GetBytes(broken)));
        var problem = Assert.Single(e.Problems);
        Assert.Equal($"line {line}", problem.Location);
        Assert.Equal("the counts as \"21 reposts, 130 points\"", problem.Expected);
        Assert.Equal("\"181 points, 57 stars\"", problem.Found);
    }
}
