using System.Text;
using HotPapers.Collecting;

namespace HotPapers.Tests.Collecting;

/// <summary>
/// An <see cref="IFetcher"/> in memory: each expected URL answers with a response file under
/// <c>Fixtures/collect/</c> (or given bytes, or an error status, which a real fetcher turns into a
/// <see cref="SourceException"/> once its retries are spent). Every request is recorded, with the
/// <c>Authorization</c> value it was sent with; any other URL fails the test. A URL given several answers
/// gives them in turn, the last one again for later requests. A route marked cached answers without asking
/// for the authorization, as the real fetcher's cache does.
/// </summary>
internal sealed class FakeFetcher : IFetcher
{
    public static readonly DateTimeOffset FetchedAt = new(2021, 5, 1, 6, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, Queue<Route>> routes = new(StringComparer.Ordinal);

    public List<Request> Requests { get; } = [];

    /// <summary>
    /// A network's recorded day: <c>Fixtures/collect/NETWORK/routes.txt</c> lists, a line each, a URL and the
    /// response file it answers with, or <c>HTTPnnn</c> for an error status.
    /// </summary>
    public static FakeFetcher Recorded(string network, bool cached = false)
    {
        var fetcher = new FakeFetcher();
        foreach (var line in File.ReadAllLines(Fixture.Path("collect", network, "routes.txt")))
        {
            var (url, answer) = (line[..line.IndexOf(' ')], line[(line.IndexOf(' ') + 1)..]);
            if (answer.StartsWith("HTTP", StringComparison.Ordinal)) fetcher.Failing(url, int.Parse(answer[4..], System.Globalization.CultureInfo.InvariantCulture));
            else fetcher.On(url, network + "/" + answer, cached);
        }
        return fetcher;
    }

    public FakeFetcher On(string url, string fixture, bool cached = false) => OnBytes(url, File.ReadAllBytes(Fixture.Path("collect", fixture)), cached);

    public FakeFetcher OnBytes(string url, byte[] body, bool cached = false)
    {
        return Add(url, new Route(200, body, cached));
    }

    public FakeFetcher OnText(string url, string body) => OnBytes(url, Encoding.UTF8.GetBytes(body));

    /// <summary>An error status the real fetcher gave up on, with the body the server sent.</summary>
    public FakeFetcher Failing(string url, int status, string body = "") => Add(url, new Route(status, Encoding.UTF8.GetBytes(body), Cached: false));

    /// <summary>A request given up by its caller (the time of the request it was made for ran out): status 0.</summary>
    public FakeFetcher Cancelled(string url) => Add(url, new Route(0, [], Cached: false));

    private FakeFetcher Add(string url, Route route)
    {
        if (!routes.TryGetValue(url, out var answers)) routes.Add(url, answers = new Queue<Route>());
        answers.Enqueue(route);
        return this;
    }

    public async Task<FetchedResponse> GetAsync(Uri url, Func<CancellationToken, Task<string>>? authorization, IReadOnlySet<int> answers, CancellationToken cancellationToken)
    {
        var route = Find(url);
        var sentWith = authorization is not null && !route.Cached ? await authorization(cancellationToken) : null;
        Requests.Add(new Request("GET", url.AbsoluteUri, sentWith, null));
        return Answer(url, route);
    }

    public Task<FetchedResponse> PostJsonAsync(Uri url, byte[] body, CancellationToken cancellationToken)
    {
        var route = Find(url);
        Requests.Add(new Request("POST", url.AbsoluteUri, null, Encoding.UTF8.GetString(body)));
        return Task.FromResult(Answer(url, route));
    }

    public List<string> Notices { get; } = [];

    public void Notice(string text) => Notices.Add(text);

    public IEnumerable<string> Urls => Requests.Select(r => r.Url);

    private Route Find(Uri url) =>
        routes.TryGetValue(url.AbsoluteUri, out var answers) ? (answers.Count > 1 ? answers.Dequeue() : answers.Peek())
            : throw new InvalidOperationException($"unexpected request: {url.AbsoluteUri}");

    private static FetchedResponse Answer(Uri url, Route route) => route.Status switch
    {
        >= 200 and < 300 => new FetchedResponse(url, route.Status, route.Body, FetchedAt),
        0 => throw new TaskCanceledException(),
        _ => throw new SourceException("fetcher", url, $"HTTP {route.Status}") { Answer = new ErrorAnswer(route.Status, route.Body) },
    };

    internal sealed record Request(string Method, string Url, string? Authorization, string? Body);

    private sealed record Route(int Status, byte[] Body, bool Cached);
}
