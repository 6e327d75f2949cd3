using System.Text;
using HotPapers.Building;
using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Tests.Building;

/// <summary>
/// Hand-written files in the old crawler's format (<c>Fixtures/legacy</c>) build the posts the old
/// generator's rules give: goldens byte for byte, and the rules spelled out one by one.
/// <list type="bullet">
/// <item><c>2021-05-03.json</c>: Alpha, Gamma and Eta tie at 366 (reverse input order: Eta, Gamma, Alpha);
/// Alpha has 13 tweets, so the limit of 10 cuts a tweet of exactly 25; Beta has a retweet of its shown
/// tweet, a tweet with the same embed, a tweet of exactly 25 without embed HTML, one of 24 and a
/// retweet of that one; Delta has no PDF link; Epsilon's tweets are all under 25; Zeta scores 49.</item>
/// <item><c>2021-05-01-2021-05-02.json</c>: a range (until is exclusive) whose tweets have no time.</item>
/// <item><c>2021-05-05.json</c>: a day on which no paper qualifies.</item>
/// </list>
/// </summary>
public sealed class LegacyCrawlerPostTests
{
    private static readonly RecordsLoader Loader = new(TimeZoneInfo.Utc);

    private static DigestRecords Load(string name) => Loader.Load(Fixture.Path("legacy", name));

    private static Digest Rank(string name) => new Ranker(RankingSettings.Default).Rank(Load(name));

    [Theory]
    [InlineData("2021-05-03---Hot-Papers.md")]
    [InlineData("2021-05-01-2021-05-02---Hot-Papers.md")]
    [InlineData("2021-05-05---Hot-Papers.md")]
    public void Builds_the_golden_posts_byte_for_byte(string post)
    {
        using var temp = Fixture.TempDir();
        var settings = BuildSettings.Default with { RecordsPath = Fixture.Path("legacy"), OutputDirectory = temp.Path };
        var result = new PostBuilder(settings).Build(new BuildRequest.All());

        Assert.Equal(
            ["2021-05-01-2021-05-02---Hot-Papers.md", "2021-05-03---Hot-Papers.md", "2021-05-05---Hot-Papers.md"],
            result.Posts.Select(p => Path.GetFileName(p.PostPath)).Order(StringComparer.Ordinal));
        Golden.AssertBytes(File.ReadAllBytes(temp[post]), "legacy", "expected", post);
    }

    [Fact]
    public void Old_files_are_detected_and_read_with_their_dates()
    {
        var day = Load("2021-05-03.json");
        Assert.Equal(RecordsFormat.LegacyCrawler, day.Format);
        Assert.Equal(new DateOnly(2021, 5, 3), day.Date);
        Assert.Equal(new DateOnly(2021, 5, 3), day.EndDate);
        Assert.False(day.IsRange);
        Assert.False(day.Ranked);

        var range = Load("2021-05-01-2021-05-02.json");
        Assert.Equal(new DateOnly(2021, 5, 1), range.Date);
        Assert.Equal(new DateOnly(2021, 5, 2), range.EndDate); // until 2021/05/03 is exclusive
        Assert.True(range.IsRange);
    }

    [Fact]
    public void Collection_time_is_the_latest_tweet_time_or_the_end_of_the_range()
    {
        // Gamma's tweet at 2021-05-04 02:03:04 is later than the end of the day (05-04 00:00).
        Assert.Equal(new DateTimeOffset(2021, 5, 4, 2, 3, 4, TimeSpan.Zero), Load("2021-05-03.json").CollectedAt);
        // No tweet has a time of day: the end of the range (until, 00:00 in the zone).
        Assert.Equal(new DateTimeOffset(2021, 5, 3, 0, 0, 0, TimeSpan.Zero), Load("2021-05-01-2021-05-02.json").CollectedAt);
        // The zone of the old crawler's wall-clock times is a setting.
        var tokyo = new RecordsLoader(TimeZones.Parse("+09:00", "test")).Load(Fixture.Path("legacy", "2021-05-01-2021-05-02.json"));
        Assert.Equal(new DateTimeOffset(2021, 5, 3, 0, 0, 0, TimeSpan.FromHours(9)), tokyo.CollectedAt);
    }

    [Fact]
    public void Fields_are_mapped_from_the_old_names()
    {
        var papers = Load("2021-05-03.json").Papers;
        var gamma = papers.Single(p => p.Id.Value == "2105.00012");
        // Hard line breaks become one space each, as the old generator joined them.
        Assert.Equal("Gamma:   A Title With a Hard Line Break", gamma.Title);
        Assert.Equal("Gamma ties with Alpha and Eta. The old generator put the later one first.", gamma.Abstract);
        Assert.Equal(["cs.CV", "cs.AI"], gamma.Categories.ToArray());
        Assert.Equal("https://arxiv.org/abs/2105.00012", gamma.AbsUrl);
        Assert.Equal("https://arxiv.org/pdf/2105.00012", gamma.PdfUrl);
        Assert.Null(papers.Single(p => p.Id.Value == "2105.00013").PdfUrl);

        var alpha = papers.Single(p => p.Id.Value == "2105.00010");
        var t1 = alpha.Mentions[1];
        Assert.Equal(("https://twitter.com/t1/status/1001", "T One", "t1"), (t1.Url, t1.AuthorName, t1.Handle));
        Assert.Equal((10L, 40L), (t1.Reposts!.Value, t1.Likes!.Value)); // "10" and "40" in the file
        Assert.Equal(new DateTimeOffset(2021, 5, 3, 9, 0, 0, TimeSpan.Zero), t1.Created!.Value.Instant);

        var beta = papers.Single(p => p.Id.Value == "2105.00011");
        Assert.Equal("2001", beta.Mentions[1].RepostOf);
        Assert.Null(beta.Mentions[0].RepostOf);
        Assert.Equal("ja", beta.Mentions[3].Lang);
        Assert.NotNull(beta.Mentions[2].EmbedHtml);
    }

    [Fact]
    public void Papers_need_50_and_a_pdf_and_ties_come_out_in_reverse_input_order()
    {
        var digest = Rank("2021-05-03.json");
        // Input order: Alpha 366, Beta 259, Gamma 366, Delta 500 (no PDF), Epsilon 55, Zeta 49, Eta 366.
        Assert.Equal(["2105.00016", "2105.00012", "2105.00010", "2105.00011", "2105.00014"], digest.Papers.Select(p => p.Paper.Id.Value));
        Assert.Equal([366L, 366, 366, 259, 55], digest.Papers.Select(p => p.Score));
        Assert.Equal([1, 2, 3, 4, 5], digest.Papers.Select(p => p.Rank));
        Assert.DoesNotContain(digest.Papers, p => p.Paper.Id.Value is "2105.00013" or "2105.00015");
    }

    [Fact]
    public void Paper_totals_count_every_tweet_also_those_not_shown()
    {
        var alpha = Rank("2021-05-03.json").Papers.Single(p => p.Paper.Id.Value == "2105.00010");
        Assert.Equal(alpha.Paper.Mentions.Sum(t => t.Reposts!.Value), alpha.Retweets);
        Assert.Equal(alpha.Paper.Mentions.Sum(t => t.Likes!.Value), alpha.Favorites);
        Assert.Equal((84L, 282L), (alpha.Retweets, alpha.Favorites));
        Assert.True(alpha.Mentions.Length < alpha.Paper.Mentions.Length);
    }

    [Fact]
    public void The_best_ten_tweets_are_considered_ties_reversed_and_those_under_25_left_out()
    {
        var alpha = Rank("2021-05-03.json").Papers.Single(p => p.Paper.Id.Value == "2105.00010");
        // Scores by input index: 30 50 30 3 30 30 26 25 24 40 26 26 26. Sorted, ties reversed, the
        // tenth place goes to t6 (26); t7 (exactly 25) is eleventh, so it is not even considered.
        Assert.Equal(["t1", "t9", "t5", "t4", "t2", "t0", "t12", "t11", "t10", "t6"], alpha.Mentions.Select(t => t.Handle));
        Assert.DoesNotContain(alpha.Mentions, t => t.Handle is "t7" or "t8" or "t3");
    }

    [Fact]
    public void A_retweet_of_a_shown_tweet_and_an_identical_embed_are_shown_once()
    {
        var beta = Rank("2021-05-03.json").Papers.Single(p => p.Paper.Id.Value == "2105.00011");
        // 2001 (70) shown; 2002 (60) retweets 2001; 2003 (50) has 2001's embed; 2006 (30) retweets 2005,
        // which is not shown (24), so it is; 2004 is exactly 25.
        Assert.Equal(["2001", "2006", "2004"], beta.Mentions.Select(t => t.StatusId));
    }

    [Fact]
    public void A_paper_whose_tweets_are_all_under_25_is_shown_without_tweets()
    {
        var epsilon = Rank("2021-05-03.json").Papers.Single(p => p.Paper.Id.Value == "2105.00014");
        Assert.Empty(epsilon.Mentions);
        Assert.Equal(55, epsilon.Score);
        var post = Post("2021-05-03---Hot-Papers.md");
        var section = post[post.IndexOf("# 5. Epsilon", StringComparison.Ordinal)..];
        Assert.DoesNotContain("<blockquote", section);
        Assert.EndsWith("(https://arxiv.org/list/quant-ph/recent)\n\n\n\n\n\n", section);
    }

    [Fact]
    public void A_tweet_without_embed_html_gets_an_offline_blockquote_in_the_oembed_shape()
    {
        var post = Post("2021-05-03---Hot-Papers.md");
        Assert.Contains(
            "<blockquote class=\"twitter-tweet\"><p lang=\"ja\" dir=\"ltr\">Exactly 25 &amp; shown:<br>no embed stored, so one is built "
            + "<a href=\"https://arxiv.org/abs/2105.00011\">https://arxiv.org/abs/2105.00011</a></p>&mdash; Edge &lt;Case&gt; &amp; Co (@edge) "
            + "<a href=\"https://twitter.com/edge/status/2004?ref_src=twsrc%5Etfw\">May 3, 2021</a></blockquote>\n"
            + "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n", post);
    }

    [Theory]
    [InlineData("2021-05-03---Hot-Papers.md", "Hot Papers 2021-05-03", "hot-papers-2021-05-03", "Hot papers 2021-05-03", "2021-05-04T02:03:04+00:00")]
    [InlineData("2021-05-01-2021-05-02---Hot-Papers.md", "Hot Papers 2021-05-01 - 2021-05-02", "hot-papers-2021-05-01 - 2021-05-02", "Hot papers 2021-05-01 - 2021-05-02", "2021-05-03T00:00:00+00:00")]
    [InlineData("2021-05-05---Hot-Papers.md", "Hot Papers 2021-05-05", "hot-papers-2021-05-05", "Hot papers 2021-05-05", "2021-05-06T00:00:00+00:00")]
    public void Title_slug_description_and_date_follow_the_old_rules(string post, string title, string slug, string description, string date)
    {
        var lines = Post(post).Split('\n');
        Assert.Equal("---", lines[0]);
        Assert.Equal($"title: {title}", lines[1]);
        Assert.Equal($"date: {date}", lines[2]);
        Assert.Contains($"slug: \"{slug}\"", lines);
        Assert.Contains($"description: \"{description}\"", lines);
    }

    [Fact]
    public void A_day_where_no_paper_qualifies_still_gets_its_post_of_front_matter_only()
    {
        Assert.Empty(Rank("2021-05-05.json").Papers);
        var post = Post("2021-05-05---Hot-Papers.md");
        Assert.StartsWith("---\ntitle: Hot Papers 2021-05-05\n", post);
        Assert.EndsWith("socialImage: \"/media/flying-marine.jpg\"\n\n---\n", post);
        Assert.DoesNotContain("# ", post);
    }

    [Fact]
    public void Every_stamp_is_the_collection_time_not_the_clock()
    {
        var post = Post("2021-05-03---Hot-Papers.md");
        var stamps = post.Split('\n').Where(l => l.StartsWith("- retweets: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, stamps.Count);
        Assert.All(stamps, s => Assert.EndsWith(" (05/04/2021 02:03:04)", s));
    }

    // Found by a user's trial: papers[0] copied to the end was shown twice ("# 1. Eta ..." and "# 6. Eta ..."), and
    // importing that post back failed ("expected each paper once"). The hotpapers format refuses a paper given twice; so does this one.
    [Fact]
    public void A_paper_given_twice_is_refused_not_shown_twice()
    {
        using var temp = Fixture.TempDir();
        var day = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Fixture.Path("legacy", "2021-05-03.json")))!.AsObject();
        var papers = day["papers"]!.AsArray();
        papers.Add(papers[0]!.DeepClone());
        Directory.CreateDirectory(temp["records"]);
        var file = temp["records/2021-05-03.json"];
        File.WriteAllText(file, day.ToJsonString());
        var settings = BuildSettings.Default with { RecordsPath = temp["records"], OutputDirectory = temp["out"] };

        var e = Assert.Throws<InputException>(() => new PostBuilder(settings).Build(new BuildRequest.All()));

        var problem = Assert.Single(e.Problems);
        Assert.Equal($"{file}: $.papers[7].id (line 1): expected each paper once (it is already at $.papers[0]), found \"2105.00010\" again", problem.ToString());
        Assert.False(Directory.Exists(temp["out"]) && Directory.EnumerateFileSystemEntries(temp["out"]).Any());
    }

    private static string Post(string name) => Encoding.UTF8.GetString(File.ReadAllBytes(Fixture.Path("legacy", "expected", name)));
}
