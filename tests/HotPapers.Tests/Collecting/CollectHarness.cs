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
    public static readonly string HuggingFace = HuggingFaceOn("2021-04-30");
    public static readonly string HackerNews = HackerNewsFrom(1619740800);
    public const string Arxiv = "/api/query?id_list=2104.14294,2104.14421,2104.99999,hep-th/9901001&max_results=4";
    /// <summary>arXiv asked again for the id its answer did not have (it has no such paper: the answer is an empty feed).</summary>
    public const string ArxivAgain = "/api/query?id_list=2104.99999&max_results=1";
    /// <summary>arXiv asked for the papers Hugging Face's recorded day mentions, when Hacker News gave nothing.</summary>
    public const string ArxivHuggingFaceOnly = "/api/query?id_list=2104.14294,2104.14421&max_results=2";
    /// <summary>arXiv asked for the papers every network's recorded day mentions (<see cref="AllNetworks"/>).</summary>
    public const string ArxivAllNetworks = "/api/query?id_list=2104.10001,2104.14294,2104.14421,2104.99999,hep-th/9901001&max_results=5";

    /// <summary>arXiv asked again for the ids of <see cref="ArxivAllNetworks"/> its answer did not have.</summary>
    public const string ArxivAllNetworksAgain = "/api/query?id_list=2104.10001,2104.99999&max_results=2";

    /// <summary>Hugging Face asked for the papers of a day (YYYY-MM-DD).</summary>
    public static string HuggingFaceOn(string date) => $"/api/daily_papers?date={date}&limit=100";

    /// <summary>A settings file's collect section that asks arXiv, Hugging Face and Hacker News at <paramref name="api"/>, the others off.</summary>
    public static string CollectSection(LoopbackApi api) => $$"""
        collect:
          contact: tests@example.org
          arxiv:       { baseUrl: "{{api.BaseUrl}}" }
          huggingface: { enabled: true, baseUrl: "{{api.BaseUrl}}" }
          hackernews:  { enabled: true, baseUrl: "{{api.BaseUrl}}" }
          bluesky:     { enabled: false }
          twitter:     { enabled: false }
          mastodon:    { enabled: false }

        """;

    /// <summary>Hacker News asked for the stories of the day that begins at <paramref name="from"/> (Unix seconds), 24 hours long.</summary>
    public static string HackerNewsFrom(long from) =>
        $"/api/v1/search_by_date?query=arxiv.org&restrictSearchableAttributes=url&tags=story&numericFilters=created_at_i%3E%3D{from}%2Ccreated_at_i%3C{from + 86400}&hitsPerPage=100&page=0";

    private readonly TempDir _temp = Fixture.TempDir();

    public CollectHarness()
    {
        Clock = new SteppingClock(new DateTimeOffset(2021, 5, 1, 6, 0, 0, TimeSpan.Zero), FetchLimits.Default.Attempt);
        Api = new LoopbackApi(Clock);
        Api.OnStall = Clock.Nudge;
        // Whatever else a test has arXiv answer, the id it does not know is not known when asked again either.
        Api.On(ArxivAgain, Reply.File("arxiv-empty.xml"));
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
            .On(Arxiv, Reply.File("arxiv-2021-04-30.xml"))
            .On(ArxivAgain, Reply.File("arxiv-empty.xml"));

    public BuildSettings Settings(Uri? other = null) => SettingsFile.Defaults(Folder) with
    {
        // As read from the blog's hotpapers.yml: without one, collect takes a missing records folder for a wrong folder.
        SourceFile = Path.Combine(Folder, SettingsFile.FileName),
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

    /// <summary>Where each network's recorded host (in <c>collect/{network}/routes.txt</c>) is played on the loopback server.</summary>
    private static readonly (string Host, string Prefix)[] NetworkHosts =
    [
        ("https://bsky.example", "/bsky"), ("https://embed.bsky.example", "/bsky-embed"),
        ("https://api.x.example", "/x"), ("https://publish.x.example", "/x-embed"), ("https://mastodon.example", "/mastodon"),
    ];

    /// <summary>The variables a run with Bluesky's and X's credentials is given (never the process's own).</summary>
    public static string? Credentials(string name) => name switch
    {
        "HOTPAPERS_BLUESKY_HANDLE" => "tests.example",
        "HOTPAPERS_BLUESKY_APP_PASSWORD" => "abcd-efgh-ijkl-mnop",
        "HOTPAPERS_TWITTER_BEARER_TOKEN" => "test-bearer-token",
        _ => null,
    };

    /// <summary>Sets the server to answer as Bluesky, X and Mastodon did in their recorded answers, besides <see cref="Everything()"/>.</summary>
    public CollectHarness AllNetworks(string arxivQuery)
    {
        Api.On(HuggingFace, Reply.File("huggingface-2021-04-30.json"))
            .On(HackerNews, Reply.File("hackernews-2021-04-30.json"))
            .On(arxivQuery, Reply.File("arxiv-2021-04-30.xml"))
            .On(ArxivAllNetworksAgain, Reply.File("arxiv-empty.xml"));
        foreach (var network in new[] { "bluesky", "twitter", "mastodon" })
        {
            foreach (var (target, answer) in Recorded(network)) Api.On(target, Answer(network, answer));
        }
        return this;
    }

    /// <summary>A recorded answer of <paramref name="network"/> (<c>routes.txt</c>'s second word): a status (HTTP404) or a file of <c>collect/{network}/</c>.</summary>
    public static Reply Answer(string network, string answer) => answer.StartsWith("HTTP", StringComparison.Ordinal)
        ? Reply.Text(int.Parse(answer[4..], System.Globalization.CultureInfo.InvariantCulture), "{}")
        : Reply.File(network + "/" + answer);

    /// <summary>arXiv answers any query with the recorded day's entries (a run that leaves some network out asks for fewer ids); anything else unexpected is a 404.</summary>
    public CollectHarness AnyArxivQuery()
    {
        Api.Otherwise = u => u.PathAndQuery.StartsWith("/api/query?", StringComparison.Ordinal) ? Reply.File("arxiv-2021-04-30.xml") : Reply.Text(404, "{}");
        return this;
    }

    /// <summary>A network's recorded requests (<c>collect/{network}/routes.txt</c>) as the loopback server is asked them, each with its recorded answer.</summary>
    public static IEnumerable<(string Target, string Answer)> Recorded(string network)
    {
        foreach (var line in File.ReadAllLines(Fixture.Path("collect", network, "routes.txt")))
        {
            var (url, answer) = (line[..line.IndexOf(' ')], line[(line.IndexOf(' ') + 1)..]);
            var (host, prefix) = NetworkHosts.Single(h => url.StartsWith(h.Host + "/", StringComparison.Ordinal));
            yield return (prefix + url[host.Length..], answer);
        }
    }

    /// <summary><see cref="Settings"/> with Bluesky, X and Mastodon on, each at its place on the loopback server.</summary>
    public BuildSettings AllNetworksSettings()
    {
        var settings = Settings();
        Uri At(string prefix) => new(Api.BaseUrl, prefix[1..] + "/");
        return settings with
        {
            Collect = settings.Collect with
            {
                Bluesky = new SourceSettings(true, At("/bsky"), At("/bsky-embed")),
                Twitter = new SourceSettings(true, At("/x"), At("/x-embed")),
                Mastodon = new SourceSettings(true, At("/mastodon")),
            },
        };
    }

    public List<string> Progress { get; } = [];

    public Task<CollectReport> RunAsync(bool offline = false, BuildSettings? settings = null, DateOnly? until = null, Func<string, string?>? variables = null,
        CancellationToken cancellationToken = default, bool refresh = false, Action<CollectedDay>? collected = null, DateOnly? from = null, bool catchUp = false) =>
        Clock.RunAsync(() => Collector.RunAsync(settings ?? Settings(), new CollectRequest(from ?? Day, until ?? Day, offline, refresh, catchUp),
            new CollectEnvironment(Clock, variables ?? (_ => null)), line => { lock (Progress) Progress.Add(line); }, collected, cancellationToken), () => Api.StallsReceived);

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        _temp.Dispose();
    }
}
