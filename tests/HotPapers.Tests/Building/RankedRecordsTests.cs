using HotPapers.Building;
using HotPapers.Ranking;
using HotPapers.Settings;
using HotPapers.Site;
using HotPapers.Tests.Site;

namespace HotPapers.Tests.Building;

/// <summary>Records already ranked (an imported post's, ranked: true), which the ranking settings leave as they are.</summary>
public sealed class RankedRecordsTests
{
    private static readonly RankingSettings Strict = RankingSettings.Default with { MinPaperScore = 500 };

    // Found by a new user's trial: the shipped sample day (2021-04-30) is an imported post's, so a
    // ranking.minPaperScore set to try the settings changed nothing there, and nothing said why.
    [Fact]
    public void Ranking_settings_that_are_not_the_defaults_name_the_ranked_records_they_do_not_change()
    {
        using var temp = Fixture.TempDir();
        var records = SiteHarness.SampleRecords(temp, "2021-04-30", "2021-05-03");
        var ranked = Path.Combine(records, "2021-04-30.json");
        BuildSettings Settings(RankingSettings ranking) =>
            BuildSettings.Default with { RecordsPath = records, OutputDirectory = temp["out"], Ranking = ranking };
        const string Says = ": ranked: true (an imported post's papers and mentions, kept as the post showed them), so the ranking settings do not change ";

        var day = new PostBuilder(Settings(Strict)).Build(new BuildRequest.Day(new DateOnly(2021, 4, 30)) { Force = true });
        Assert.Equal(ranked + Says + "it", Assert.Single(day.Warnings));
        File.Move(Path.Combine(records, "2021-05-03.json"), temp["aside.json"]);
        var site = new SiteGenerator(SiteHarness.Settings(records, temp["public"]) with { Ranking = Strict }).Generate();
        Assert.Contains(ranked + Says + "it", site.Warnings);
        File.Move(temp["aside.json"], Path.Combine(records, "2021-05-03.json"));

        // Not where they changed some digests (2021-05-03 is ranked here), and not with the defaults.
        Assert.Empty(new PostBuilder(Settings(Strict)).Build(new BuildRequest.Day(new DateOnly(2021, 5, 3))).Warnings);
        Assert.Empty(new PostBuilder(Settings(Strict)).Build(new BuildRequest.All { CheckOnly = true }).Warnings);
        Assert.DoesNotContain(new SiteGenerator(SiteHarness.Settings(records, temp["public"]) with { Ranking = Strict }, new SiteOptions(Force: true)).Generate().Warnings,
            w => w.Contains("ranked: true", StringComparison.Ordinal));

        // Many ranked days, and only those: one line for all.
        File.Delete(Path.Combine(records, "2021-05-03.json"));
        File.WriteAllText(Path.Combine(records, "2021-04-29.json"), File.ReadAllText(ranked).Replace("\"2021-04-30\"", "\"2021-04-29\"", StringComparison.Ordinal));
        var both = new PostBuilder(Settings(Strict)).Build(new BuildRequest.All());
        Assert.Equal(Path.Combine(records, "2021-04-29.json") + ": ranked: true (an imported post's papers and mentions, kept as the post showed them), "
            + "as are the 1 other records file(s) read, so the ranking settings change none of them", Assert.Single(both.Warnings, w => w.Contains("ranked: true", StringComparison.Ordinal)));
        // (The post of 2021-05-03, whose records file is gone, is named as such: see PruneTests.)
        Assert.Contains(both.Warnings, w => w.Contains("2021-05-03---Hot-Papers.md: an earlier build wrote it", StringComparison.Ordinal));
        Assert.DoesNotContain(new PostBuilder(Settings(RankingSettings.Default)).Build(new BuildRequest.All { Force = true }).Warnings,
            w => w.Contains("ranked: true", StringComparison.Ordinal));
    }
}
