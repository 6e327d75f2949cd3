using HotPapers.Collecting;
using HotPapers.Settings;

namespace HotPapers.Tests.Collecting;

/// <summary>
/// A collect run against <see cref="LoopbackApi"/> servers on a <see cref="SteppingClock"/>: the settings of
/// a blog in a temporary folder with every source's base URL on the loopback server. The requests each
/// API is asked for 2021-04-30 (UTC) are named here, so the tests and the fixtures agree on them.
/// </summary>
internal sealed class CollectHarness : IAsyncDisposable
{
    public static readonly DateOnly Day = new(2021, 4, 30);
    public const string HuggingFace = "/api/daily_papers?date=2021-04-30&limit=100";
    public const string HackerNews = "/api/v1/search_by_date?query=arxiv.org&restrictSearchableAttributes=url&tags=story&numericFilters=created_at_i%3E%3D1619740800%2Ccreated_at_i%3C1619827200&hitsPerPage=100&page=0";
    public const string Arxiv = "/api/query?id_list=2104.14294,2104.14421,2104.99999,hep-th/9901001&max_results=4";

    private readonly TempDir _temp = Fixture.TempDir();

    public CollectHarness()
    {
        Clock = new SteppingClock(new DateTimeOffset(2021, 5, 1, 6, 0, 0, TimeSpan.Zero), FetchLimits.Default.Attempt);
        Api = new LoopbackApi(Clock);
        Api.OnStall = Clock.Nudge;
    }

    public SteppingClock Clock { get; }
    public LoopbackApi Api { get; }
    public string Folder => _temp.Path;
    public string Records => _temp["records"];
    public string Cache => _temp["cache"];
    public string DayFile => Path.Combine(Records, "2021-04-30.json");

    /// <summary>The answers of a day on which every source answers as documented.</summary>
    public CollectHarness Everything()
    {
        Everything(Api);
        return this;
    }

    /// <summary>Sets <paramref name="api"/> to answer as every source does on a good day.</summary>
    public static LoopbackApi Everything(LoopbackApi api) =>
        api.On(HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(HackerNews, Reply.File("hackernews-2021-04-30.json"))
            .On(Arxiv, Reply.File("arxiv-2021-04-30.xml"));

    public BuildSettings Settings(Uri? other = null) => SettingsFile.Defaults(Folder) with
    {
        RecordsPath = Records,
        Collect = CollectSettings.Default with
        {
            Contact = "tests@example.org",
            CachePath = Cache,
            Arxiv = new SourceSettings(true, other ?? Api.BaseUrl),
            HuggingFace = new SourceSettings(true, other ?? Api.BaseUrl),
            HackerNews = new SourceSettings(true, other ?? Api.BaseUrl),
        },
    };

    public List<string> Progress { get; } = [];

    public Task<CollectReport> RunAsync(bool offline = false, BuildSettings? settings = null, DateOnly? until = null) =>
        Clock.RunAsync(() => Collector.RunAsync(settings ?? Settings(), new CollectRequest(Day, until ?? Day, offline),
            new CollectEnvironment(Clock, _ => null), line => { lock (Progress) Progress.Add(line); }, CancellationToken.None), () => Api.StallsReceived);

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        _temp.Dispose();
    }
}
