using HotPapers.Tests.Collecting;

namespace HotPapers.Tests.Cli;

/// <summary>What <c>hotpapers collect</c> prints about a day, and its exit code.</summary>
public sealed class CollectCommandTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    // Found by a new user's trial: a records file with a misspelt key was replaced by what the run got, and the
    // mentions it held of a network that was down were lost.
    [Fact]
    public async Task A_days_file_that_does_not_load_is_named_with_each_problem_on_its_own_line_and_no_source_is_asked()
    {
        await using var api = new LoopbackApi();
        var records = Path.Combine(_temp.Path, "records");
        Directory.CreateDirectory(records);
        var day = Path.Combine(records, "2021-04-30.json");
        const string Broken = "{\"format\": \"hotpapers-records/2\", \"date\": \"2021-04-30\", \"collectedAt\": \"2021-05-01T06:00:00+00:00\", \"ranked\": false, \"paper\": []}\n";
        File.WriteAllText(day, Broken);
        var config = Path.Combine(_temp.Path, "hotpapers.yml");
        File.WriteAllText(config, "records: records\n" + CollectHarness.CollectSection(api));

        var (code, stdout, stderr) = InProcessCli.Run("collect", "--date", "2021-04-30", "--config", config);

        Assert.Equal(1, code);
        Assert.Equal(
            $"error: 2021-04-30: {day}: $.paper: expected one of the keys $schema, format, date, endDate, collectedAt, ranked, post, papers, unanswered, found the unknown key \"paper\"\n"
            + $"error: 2021-04-30: {day}: $.papers: expected a value, found no such key\n"
            + $"error: 2021-04-30: {day}: expected a records file collect can read, so as to keep what it holds, found the problems above: "
            + "fix them (build lists the same), or delete the file to collect the day anew\n",
            stderr);
        Assert.Equal("not written  2021-04-30: its records file is not one collect may replace (the error above says why), so no source was asked\n"
            + "1 day(s): 0 complete, 0 partial (some sources failed), 1 not written\n", stdout);
        Assert.Equal(Broken, File.ReadAllText(day));
        Assert.Empty(api.Requests);
    }
}
