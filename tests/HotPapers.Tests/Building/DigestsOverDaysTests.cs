using HotPapers.Building;
using HotPapers.Output;
using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.Settings;
using HotPapers.TestData;

namespace HotPapers.Tests.Building;

/// <summary>Range and week digests made of daily records files, and ranking.repeatAfterDays, on generated weeks.</summary>
public sealed class DigestsOverDaysTests
{
    private static readonly DateOnly First = new(2021, 5, 3);

    // Papers shown from a lower score too, so that days have many and repeats are common.
    private static readonly RankingSettings Loose = RankingSettings.Default with { MinPaperScore = 10 };

    private static IReadOnlyList<DigestRecords> Week(TempDir temp, int seed, int days = 7)
    {
        var week = WeekGenerator.Generate(seed, First, days);
        foreach (var day in week) Fixture.WriteRecords(temp["records"], day);
        return week;
    }

    private static BuildSettings Settings(TempDir temp, RankingSettings? ranking = null, string output = "out") =>
        BuildSettings.Default with { RecordsPath = temp["records"], OutputDirectory = temp[output], Ranking = ranking ?? Loose };

    private static string Post(TempDir temp, string name, string output = "out") => File.ReadAllText(temp[$"{output}/{name}---Hot-Papers.md"]);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_merged_week_has_each_paper_once_and_each_tweet_once_with_its_latest_counts(int seed)
    {
        using var temp = Fixture.TempDir();
        var week = Week(temp, seed);
        var merged = DayMerge.Merge(First, First.AddDays(6), [.. week.Select(d => ("x", d))]);

        var ids = week.SelectMany(d => d.Papers).Select(p => p.Id.Versionless).Distinct().ToList();
        Assert.Equal(ids, merged.Papers.Select(p => p.Id.Versionless));
        Assert.True(week.Sum(d => d.Papers.Length) > ids.Count, "the generated week repeats no paper");
        foreach (var paper in merged.Papers)
        {
            var versions = week.SelectMany(d => d.Papers).Where(p => p.Id.Versionless == paper.Id.Versionless).ToList();
            Assert.Equal(versions[^1].Title, paper.Title);
            var statuses = versions.SelectMany(p => p.Mentions).Select(t => t.StatusId).Distinct().ToList();
            Assert.Equal(statuses, paper.Mentions.Select(t => t.StatusId));
            foreach (var tweet in paper.Mentions)
                Assert.Equal(versions.SelectMany(p => p.Mentions).Last(t => t.StatusId == tweet.StatusId), tweet);
        }
        Assert.Equal(week.Max(d => d.CollectedAt), merged.CollectedAt);
        Assert.Equal((First, First.AddDays(6)), (merged.Date, merged.EndDate));
    }

    // Found by review: the merged paper kept only the last day's stated totals, and the merged mentions'
    // sums, which no loader had checked, could overflow in the ranker (a stack trace).
    [Fact]
    public void Stated_totals_merge_per_network_and_sums_too_large_are_refused()
    {
        using var temp = Fixture.TempDir();
        var week = Week(temp, 1, days: 2);
        var paper = week[0].Papers[0];
        var day1 = week[0] with { Papers = [paper with { Totals = [new EngagementTotals(5, 6, Network.Twitter)] }] };
        var day2 = week[1] with { Papers = [paper with { Totals = [new EngagementTotals(7, 8, Network.Bluesky)] }] };
        var merged = DayMerge.Merge(First, First.AddDays(1), [("a", day1), ("b", day2)]);
        Assert.Equal([new EngagementTotals(5, 6, Network.Twitter), new EngagementTotals(7, 8, Network.Bluesky)], merged.Papers[0].Totals.ToArray());

        var huge = paper.Mentions[0] with { Likes = long.MaxValue - 1, Reposts = 0 };
        var other = huge with { Url = huge.Url + "0" };
        var one = week[0] with { Papers = [paper with { Totals = [], Mentions = [huge] }] };
        var two = week[1] with { Papers = [paper with { Totals = [], Mentions = [other] }] };
        var e = Assert.Throws<InputException>(() => DayMerge.Merge(First, First.AddDays(1), [("a", one), ("b", two)]));
        Assert.Equal($"b: $.papers[{paper.Id.Versionless}]: expected counts whose sums over the days fit in 64 bits, found counts too large to add up", e.Problems.Single().ToString());
    }

    [Fact]
    public void Week_builds_one_post_from_the_daily_files_the_same_every_time()
    {
        using var temp = Fixture.TempDir();
        Week(temp, 4);
        var result = new PostBuilder(Settings(temp)).Build(BuildRequest.Week(First.AddDays(6)));
        Assert.Equal(temp["out/2021-05-03-2021-05-09---Hot-Papers.md"], Assert.Single(result.Posts).PostPath);
        var post = Post(temp, "2021-05-03-2021-05-09");
        Assert.Contains("title: Hot Papers 2021-05-03 - 2021-05-09\n", post, StringComparison.Ordinal);

        new PostBuilder(Settings(temp, output: "again")).Build(new BuildRequest.Range(First, First.AddDays(6)));
        Assert.Equal(post, Post(temp, "2021-05-03-2021-05-09", "again"));
    }

    // Found by a new user's trial: --all builds a post per records file, so a week merged from daily files
    // was neither rebuilt nor checked, and nothing said so.
    [Theory]
    [InlineData("{date}---Hot-Papers.md")]
    [InlineData("posts/{date}/index.md")]
    // Found in review: spellings the settings accept, which the name once had to match character by character.
    [InlineData("./{date}---Hot-Papers.md")]
    [InlineData("posts//{date}.md")]
    [InlineData("{date}/{date}.md")]
    public void All_builds_again_the_range_posts_merged_from_daily_files_and_names_one_it_cannot(string pattern)
    {
        using var temp = Fixture.TempDir();
        var days = Week(temp, 4);
        var settings = Settings(temp) with { FileNamePattern = pattern };
        new PostBuilder(settings).Build(BuildRequest.Week(First.AddDays(6)));
        var week = temp["out/" + pattern.Replace("{date}", "2021-05-03-2021-05-09", StringComparison.Ordinal)];
        var before = File.ReadAllText(week);

        // Found by new users' trials: --all only named it, so after a change of settings --all --check passed while it was out of date.
        var stricter = settings with { Ranking = settings.Ranking with { MinPaperScore = settings.Ranking.MinPaperScore + 40 } };
        var check = new PostBuilder(stricter).Build(new BuildRequest.All { CheckOnly = true });
        Assert.Equal(8, check.Posts.Count);
        Assert.Equal(WriteOutcome.Updated, Assert.Single(check.Posts, p => p.PostPath == week).Outcome);
        var all = new PostBuilder(stricter).Build(new BuildRequest.All());
        Assert.DoesNotContain(all.Warnings, w => w.Contains("a digest of", StringComparison.Ordinal));
        Assert.NotEqual(before, File.ReadAllText(week));

        // With a day's records file gone, it cannot be built again: it is named, and left as it is.
        File.Delete(temp[$"records/{Rfc3339.FormatDate(days[2].Date)}.json"]);
        var made = File.ReadAllText(week);
        var without = new PostBuilder(stricter).Build(new BuildRequest.All { Prune = true });
        Assert.Equal(6, without.Posts.Count);
        Assert.Contains($"{week}: a digest of 2021-05-03 to 2021-05-09, with no records file of its own (2021-05-03-2021-05-09.json) nor one of each of its days, "
            + "so --all cannot build it again; it is left as it is", without.Warnings);
        Assert.Equal(made, File.ReadAllText(week));
    }

    [Fact]
    public void A_range_file_wins_over_the_daily_files()
    {
        using var temp = Fixture.TempDir();
        var week = Week(temp, 5, days: 2);
        var range = week[0] with { EndDate = First.AddDays(1), Papers = [week[0].Papers[0] with { Title = "Only in the range file" }] };
        File.WriteAllBytes(temp["records/2021-05-03-2021-05-04.json"], RecordsWriter.Write(range));
        new PostBuilder(Settings(temp, RankingSettings.Default with { MinPaperScore = 0 })).Build(new BuildRequest.Range(First, First.AddDays(1)));
        var post = Post(temp, "2021-05-03-2021-05-04");
        Assert.Contains("Only in the range file", post, StringComparison.Ordinal);
        Assert.DoesNotContain(week[1].Papers[^1].Title, post, StringComparison.Ordinal);
    }

    [Fact]
    public void A_week_with_a_missing_day_names_it_and_writes_nothing()
    {
        using var temp = Fixture.TempDir();
        Week(temp, 6);
        File.Delete(temp["records/2021-05-05.json"]);
        var e = Assert.Throws<InputException>(() => new PostBuilder(Settings(temp)).Build(BuildRequest.Week(First.AddDays(6))));
        Assert.Equal(
            $"{temp["records/2021-05-03-2021-05-09.json"]}: expected the records of 2021-05-03-2021-05-09, or the daily records of each of its days, "
            + "found no such file, and no records of 2021-05-05; the records folder has 2021-05-09, 2021-05-08, 2021-05-07, 2021-05-06, 2021-05-04 and 1 more (nearest first)",
            Assert.Single(e.Problems).ToString());
        Assert.False(Directory.Exists(temp["out"]));
    }

    [Fact]
    public void Ranked_days_are_not_merged()
    {
        using var temp = Fixture.TempDir();
        var week = Week(temp, 7, days: 2);
        File.WriteAllBytes(temp["records/2021-05-04.json"], RecordsWriter.Write(week[1] with { Ranked = true }));
        var e = Assert.Throws<InputException>(() => new PostBuilder(Settings(temp)).Build(new BuildRequest.Range(First, First.AddDays(1))));
        Assert.Equal(temp["records/2021-05-04.json"], Assert.Single(e.Problems).File);
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(9, 2)]
    [InlineData(10, 3)]
    public void Repeat_after_days_leaves_out_what_each_earlier_day_showed_by_its_own_ranking(int seed, int n)
    {
        using var temp = Fixture.TempDir();
        var week = Week(temp, seed);
        var ranker = new Ranker(Loose);
        var settings = Settings(temp, Loose with { RepeatAfterDays = n });
        new PostBuilder(settings).Build(new BuildRequest.All());
        var left = 0;
        for (var i = 0; i < week.Count; i++)
        {
            // What the earlier days showed, each ranked alone, without leaving anything out in turn.
            var before = week.Take(i).TakeLast(n).SelectMany(d => ranker.Rank(d).Papers).Select(p => p.Paper.Id.Versionless).ToHashSet();
            var expected = ranker.Rank(week[i] with { Papers = [.. week[i].Papers.Where(p => !before.Contains(p.Id.Versionless))] });
            var post = Post(temp, Rfc3339.FormatDate(week[i].Date));
            Assert.Equal(expected.Papers.Length, CountPapers(post));
            foreach (var shown in expected.Papers) Assert.Contains($"[abs]({shown.Paper.AbsUrl})", post, StringComparison.Ordinal);
            left += ranker.Rank(week[i]).Papers.Length - expected.Papers.Length;

            // A day built alone is the same post as in the build of all: nothing depends on what was built before.
            new PostBuilder(settings with { OutputDirectory = temp["alone"] }).Build(new BuildRequest.Day(week[i].Date));
            Assert.Equal(post, Post(temp, Rfc3339.FormatDate(week[i].Date), "alone"));
        }
        Assert.True(left > 0, "the generated week repeats no shown paper");
    }

    [Fact]
    public void Repeat_after_days_keeps_ranked_records_and_ranges_whole()
    {
        using var temp = Fixture.TempDir();
        var week = Week(temp, 11, days: 2);
        var ranked = week[1] with { Ranked = true, Papers = [.. new Ranker(Loose).Rank(week[0]).Papers.Select(p => p.Paper)] };
        File.WriteAllBytes(temp["records/2021-05-04.json"], RecordsWriter.Write(ranked));
        var settings = Settings(temp, Loose with { RepeatAfterDays = 1 });
        new PostBuilder(settings).Build(new BuildRequest.Day(First.AddDays(1)));
        Assert.Equal(ranked.Papers.Length, CountPapers(Post(temp, "2021-05-04")));
    }

    // Found by two new users' trials: a day of papers that showed none was published as front matter alone, exit 0,
    // with nothing said; and a day whose papers all showed the day before was the same.
    [Fact]
    public void A_day_whose_records_hold_papers_but_show_none_is_named_with_the_reasons()
    {
        using var temp = Fixture.TempDir();
        var week = Week(temp, 12, days: 2);
        var shown = new Ranker(Loose).Rank(week[0]).Papers.Select(p => p.Paper).ToList();
        Assert.NotEmpty(shown);
        var again = week[1] with { Papers = [.. shown] };
        File.WriteAllBytes(temp["records/2021-05-04.json"], RecordsWriter.Write(again));

        var repeats = new PostBuilder(Settings(temp, Loose with { RepeatAfterDays = 1 })).Build(new BuildRequest.All());
        Assert.Equal(0, CountPapers(Post(temp, "2021-05-04")));
        Assert.Contains($"{temp["records/2021-05-04.json"]}: none of its {shown.Count} paper(s) is shown: {shown.Count} were shown in the 1 day(s) before "
            + "(ranking.repeatAfterDays), so its post has no papers", repeats.Warnings);
        Assert.DoesNotContain(repeats.Warnings, w => w.Contains("2021-05-03.json", StringComparison.Ordinal));

        var high = Loose with { MinPaperScore = int.MaxValue };
        var below = new PostBuilder(Settings(temp, high, output: "high")).Build(new BuildRequest.Day(First));
        Assert.Equal([$"{temp["records/2021-05-03.json"]}: none of its {week[0].Papers.Length} paper(s) is shown: {week[0].Papers.Length} scored below "
            + $"ranking.minPaperScore ({int.MaxValue}), so its post has no papers"], below.Warnings);

        // The reasons, each counted once, in the order they are tried: the days before, the score, the PDF.
        var noPdf = week[1] with { Papers = [.. week[1].Papers.Select(p => p with { PdfUrl = null })] };
        var digest = new Ranker(Loose with { MinPaperScore = 0, RequirePdf = true }).Rank(noPdf, new HashSet<string> { noPdf.Papers[0].Id.Versionless });
        Assert.Equal(new LeftOut(1, 0, noPdf.Papers.Length - 1), digest.LeftOut);
    }

    [Fact]
    public void Repeat_after_days_over_one_records_file_says_it_found_no_day_before()
    {
        using var temp = Fixture.TempDir();
        Week(temp, 13, days: 2);
        var file = temp["records/2021-05-04.json"];
        var settings = Settings(temp, Loose with { RepeatAfterDays = 1 }) with { RecordsPath = file };

        var result = new PostBuilder(settings).Build(new BuildRequest.Day(First.AddDays(1)));

        Assert.Contains($"{file}: one records file, not a folder, so ranking.repeatAfterDays (1) found no day before it to leave repeats out by", result.Warnings);
        Assert.DoesNotContain(new PostBuilder(Settings(temp, Loose with { RepeatAfterDays = 1 })).Build(new BuildRequest.Day(First.AddDays(1))).Warnings,
            w => w.Contains("found no day before", StringComparison.Ordinal));
    }

    // Each shown paper is a "# N. title" heading in the Gatsby post.
    private static int CountPapers(string post) => post.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^# \d+\. "));
}
