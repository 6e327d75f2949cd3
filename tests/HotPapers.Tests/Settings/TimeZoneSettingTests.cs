using HotPapers.Cli;

namespace HotPapers.Tests.Settings;

/// <summary>The timezone setting reaches the times that have no offset: the old crawler's.</summary>
public sealed class TimeZoneSettingTests
{
    private const string Legacy = """
        { "meta": { "since": "2021/04/30", "until": "2021/05/01" },
          "papers": [ { "title": "A paper", "authors": ["A. Author"], "summary": "Text.",
            "links": { "Abstract": "https://arxiv.org/abs/2104.14421", "Download PDF": "https://arxiv.org/pdf/2104.14421" },
            "subjects": ["Machine Learning (cs.LG)"],
            "tweets": [ { "link": "https://twitter.com/u/status/1", "name": "U", "username": "u", "tweet": "Read this",
              "datestamp": "2021-04-30", "timestamp": "12:34:56", "retweets_count": 40, "likes_count": "20" } ] } ] }
        """;

    [Theory]
    [InlineData("Asia/Tokyo", null, "date: 2021-05-01T00:00:00+09:00")]
    [InlineData("Asia/Tokyo", "-05:00", "date: 2021-05-01T00:00:00-05:00")]
    [InlineData(null, null, "date: 2021-05-01T00:00:00+00:00")]
    public void Old_crawler_times_are_read_in_the_settings_zone_unless_the_command_line_says_otherwise(string? setting, string? option, string dateLine)
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["content/records"]);
        File.WriteAllText(temp["content/records/2021-04-30.json"], Legacy);
        File.WriteAllText(temp["hotpapers.yml"], setting is null ? "flavor: gatsby\n" : $"timezone: {setting}\n");
        string[] args = ["build", "--date", "2021-04-30", "--config", temp["hotpapers.yml"]];
        if (option is not null) args = [.. args, "--timezone", option];
        var (code, _, stderr) = InProcessCli.Run(args);
        Assert.True(code == ExitCodes.Success, stderr);
        var post = File.ReadAllText(temp["content/posts/2021-04-30---Hot-Papers.md"]);
        Assert.Contains("\n" + dateLine + "\n", post, StringComparison.Ordinal);
        Assert.Contains("# 1. A paper", post, StringComparison.Ordinal);
    }

    // serve builds the same site as site, so it takes the same zone; a bad one is refused before anything starts.
    [Theory]
    [InlineData("build", "--date", "2021-04-30")]
    [InlineData("site")]
    [InlineData("serve")]
    [InlineData("collect", "--date", "2021-04-30")]
    public void Every_command_that_reads_days_takes_the_timezone_option(string command, params string[] day)
    {
        var (code, _, stderr) = InProcessCli.Run([command, .. day, "--timezone", "Nowhere/Land"]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--timezone expects an IANA zone name such as Asia/Tokyo, UTC, or an offset such as +09:00, found \"Nowhere/Land\"\n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_zone_is_told_the_nearest_one()
    {
        var (code, _, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--timezone", "Europe/Pariss");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("found \"Europe/Pariss\" (did you mean \"Europe/Paris\"?)", stderr, StringComparison.Ordinal);
    }
}
