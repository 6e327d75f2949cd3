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
            $"error: 2021-04-30: {day}: $.paper (line 1): expected one of the keys $schema, format, date, endDate, collectedAt, ranked, post, papers, unanswered, found the unknown key \"paper\"\n"
            + $"error: 2021-04-30: {day}: $.papers (line 1): expected a value, found no such key\n"
            + $"error: 2021-04-30: {day}: expected a records file collect can read, so as to keep what it holds, found the problems above: "
            + "fix them (build lists the same), or delete the file to collect the day anew\n",
            stderr);
        Assert.Equal("not written  2021-04-30: its records file is not one collect may replace (the error above says why), so no source was asked\n"
            + "1 day(s): 0 complete, 0 partial (some sources failed), 1 not written\n", stdout);
        Assert.Equal(Broken, File.ReadAllText(day));
        Assert.Empty(api.Requests);
    }
    // Found by a new user's trial: a day whose file still named a source that was skipped this run (no login) said
    // nothing of it, "complete". It is said before any "failed", which the nightly workflow finds at the line's end.
    // The tool in its own process, without the Bluesky login the environment of the tests may have.
    [Fact]
    [Trait(Speed.Key, Speed.Slow)]
    public async Task A_day_whose_file_still_names_a_source_that_did_not_answer_says_so()
    {
        await using var api = CollectHarness.Everything(new LoopbackApi());
        var records = Path.Combine(_temp.Path, "records");
        Directory.CreateDirectory(records);
        var config = Path.Combine(_temp.Path, "hotpapers.yml");
        File.WriteAllText(config, "records: records\n" + CollectHarness.CollectSection(api)
            .Replace("bluesky:     { enabled: false }", $"bluesky:     {{ enabled: true, baseUrl: \"{api.BaseUrl}\" }}", StringComparison.Ordinal));
        var day = Path.Combine(records, "2021-04-30.json");
        Assert.Equal(0, InProcessCli.Run("collect", "--date", "2021-04-30", "--config", config).Code);
        File.WriteAllText(day, File.ReadAllText(day).Replace("\"ranked\": false", "\"unanswered\": [\"bluesky\"],\n  \"ranked\": false", StringComparison.Ordinal));

        var (code, stdout, stderr) = Processes.Run(_temp.Path, Processes.HotpapersCommand.Program, [.. Processes.HotpapersCommand.Args, "collect", "--date", "2021-04-30", "--config", config],
            new Dictionary<string, string> { ["HOTPAPERS_BLUESKY_HANDLE"] = "", ["HOTPAPERS_BLUESKY_APP_PASSWORD"] = "" });

        Assert.True(code == 0, stderr);
        Assert.Contains($"notice: 2021-04-30: {day}: the file names bluesky as not having answered when it was written\n", stderr, StringComparison.Ordinal);
        Assert.Contains("notice: 2021-04-30: bluesky: skipped: no login", stderr, StringComparison.Ordinal);
        Assert.Matches($@"^unchanged +{System.Text.RegularExpressions.Regex.Escape(day)} \(\d+ paper\(s\), \d+ mention\(s\); bluesky still unanswered\)\n", stdout);
    }

    // Found by a user's trial: progress lines were cut at 100 characters whatever the terminal's width, so in an 80-column
    // terminal each wrapped, and the row above the cursor, which "\r\e[2K" does not clear, stayed behind.
    [Fact]
    public async Task Progress_on_a_terminal_fits_its_width()
    {
        await using var api = CollectHarness.Everything(new LoopbackApi());
        var config = Path.Combine(_temp.Path, "hotpapers.yml");
        File.WriteAllText(config, "records: records\n" + CollectHarness.CollectSection(api));
        var terminal = new StringWriter();

        var code = HotPapers.Cli.CommandLine.Run(["collect", "--date", "2021-04-30", "--config", config], new StringWriter(), new StringWriter(), terminal);

        Assert.Equal(0, code);
        // The console of a test run is no terminal: collect takes 80 columns then.
        var columns = Console.WindowWidth is var width and >= 20 ? width : 80;
        var lines = terminal.ToString().Split("\r\x1b[2K", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => line.EndsWith('…') && line.Length == columns - 1);
        Assert.All(lines, line => Assert.True(line.Length < columns, line));
    }

    // Found by a new user's trial: a typo in a day file's unanswered silently ended its catching up.
    [Fact]
    public async Task Catching_up_names_a_day_file_of_its_week_that_does_not_load()
    {
        await using var api = new LoopbackApi()
            .On(CollectHarness.HuggingFaceOn("2021-05-01"), Reply.File("huggingface-empty.json"))
            .On(CollectHarness.HackerNewsFrom(1619827200), Reply.File("hackernews-empty.json"));
        var records = Path.Combine(_temp.Path, "records");
        Directory.CreateDirectory(records);
        var day = Path.Combine(records, "2021-04-30.json");
        File.WriteAllText(day, "{\"format\": \"hotpapers-records/2\", \"date\": \"2021-04-30\", \"collectedAt\": \"2021-05-01T06:00:00+00:00\", \"unanswered\": [\"hackernew\"], \"papers\": []}\n");
        var config = Path.Combine(_temp.Path, "hotpapers.yml");
        File.WriteAllText(config, "records: records\n" + CollectHarness.CollectSection(api));

        var (code, stdout, stderr) = InProcessCli.Run("collect", "--date", "2021-05-01", "--catch-up", "--config", config);

        Assert.Equal(0, code);
        Assert.EndsWith("1 day(s): 1 complete, 0 partial (some sources failed), 0 not written\n", stdout, StringComparison.Ordinal);
        Assert.Contains($"warning: --catch-up did not look into a file of its week that does not load: {day}: $.unanswered[0] (line 1): expected one of twitter, bluesky, mastodon, hackernews, huggingface, reddit, found \"hackernew\". "
            + "Fix it (build lists every problem), or delete it to collect the day anew\n", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Requests, r => r.Target.Contains("2021-04-30", StringComparison.Ordinal));
    }
}
