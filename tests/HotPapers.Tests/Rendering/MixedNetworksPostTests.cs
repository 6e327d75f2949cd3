using HotPapers.Building;
using HotPapers.Rendering;
using HotPapers.Settings;

namespace HotPapers.Tests.Rendering;

/// <summary>
/// The sample day that mixes networks (content/records/2021-05-03.json) builds its shipped post byte for
/// byte in the Gatsby flavor, and the golden Hugo post in the Hugo flavor; the counts line of a paper
/// talked about on several networks names each network's counts in its own words.
/// </summary>
public sealed class MixedNetworksPostTests
{
    private static string Build(Flavor flavor, string fileName)
    {
        using var temp = Fixture.TempDir();
        var settings = BuildSettings.Default with
        {
            Flavor = flavor,
            RecordsPath = Path.Combine(Fixture.RepoRoot(), "content", "records"),
            OutputDirectory = temp.Path,
        };
        var result = new PostBuilder(settings).Build(new BuildRequest.Day(new DateOnly(2021, 5, 3)));
        Assert.Empty(result.Warnings);
        return File.ReadAllText(temp[fileName]);
    }

    [Fact]
    public void The_gatsby_post_is_the_shipped_one()
    {
        var post = Build(Flavor.Gatsby, "2021-05-03---Hot-Papers.md");
        Assert.Equal(File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "content", "posts", "2021-05-03---Hot-Papers.md")), post);
        Assert.Contains("\n- Twitter: 10066 retweets, 78 likes | Bluesky: 21 reposts, 130 likes | Hacker News: 181 points (05/04/2021 18:50:12)\n", post);
        Assert.Contains("\n- Twitter: 3141 retweets, 249 likes | Mastodon: 12 boosts, 48 favourites | Hugging Face: 64 upvotes (05/04/2021 18:50:12)\n", post);
        Assert.Contains(MentionEmbed.BlueskyScript, post);
        Assert.Equal(4, post.Split("<blockquote class=\"hotpapers-card ").Length - 1);
    }

    [Fact]
    public void The_hugo_post_is_the_golden_one() =>
        Golden.AssertBytes(System.Text.Encoding.UTF8.GetBytes(Build(Flavor.Hugo, "2021-05-03---Hot-Papers.md")), "posts", "mixed-2021-05-03-hugo.md");

    // Found by a user's trial of templates: Hacker News's total said 0 reposts and the word "repost", where its
    // mentions' reposts are null. A network without reposts has null for both.
    [Fact]
    public void A_total_of_a_network_without_reposts_has_none()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["t"]);
        File.WriteAllText(temp["t/post.md.sbn"],
            "{{ for total in papers[0].totals }}{{ total.network }} {{ total.reposts ?? 'null' }} {{ total.reposts_word ?? 'null' }} {{ total.likes }} {{ total.likes_word }}\n{{ end }}");
        var settings = BuildSettings.Default with
        {
            RecordsPath = Path.Combine(Fixture.RepoRoot(), "content", "records"),
            OutputDirectory = temp["posts"],
            TemplatesDirectory = temp["t"],
        };
        new PostBuilder(settings).Build(new BuildRequest.Day(new DateOnly(2021, 5, 3)));

        Assert.Equal("twitter 10066 retweet 78 like\nbluesky 21 repost 130 like\nhackernews null null 181 point\n", File.ReadAllText(temp["posts/2021-05-03---Hot-Papers.md"]));
    }
}
