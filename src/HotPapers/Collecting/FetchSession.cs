using System.Net;
using System.Reflection;

namespace HotPapers.Collecting;

/// <summary>
/// What every source's fetcher shares in one run: one <see cref="HttpClient"/> (one connection per server,
/// which is what arXiv's terms ask and more than the others need, as each source asks one thing at a time),
/// the cache, the clock and the limits.
/// </summary>
internal sealed class FetchSession : IDisposable
{
    /// <param name="freshSince">With <c>--refresh</c>, the run's start: a cached answer fetched before it is asked again, one fetched since (another day's same request) is used.</param>
    public FetchSession(ResponseCache cache, TimeProvider time, bool offline, TimeSpan maxAge, string? contact, Action<string> progress, DateTimeOffset? freshSince = null)
    {
        Cache = cache;
        Time = time;
        Offline = offline;
        MaxAge = maxAge;
        FreshSince = freshSince;
        Progress = progress;
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = true,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = Limits.Attempt,
            ConnectCallback = Connect.Value,
        };
        // Timeouts are the pipeline's, on the injected clock; the client's own would run on the real one.
        Client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = FetchLimits.MaxBodyBytes };
        Client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent(contact));
    }

    public HttpClient Client { get; }

    /// <summary>Test seam: how a connection is made (a test plays a name that does not resolve); null is the handler's own.</summary>
    internal static readonly AsyncLocal<Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>>?> Connect = new();
    public ResponseCache Cache { get; }
    public TimeProvider Time { get; }
    public bool Offline { get; }
    private TimeSpan MaxAge { get; }
    private DateTimeOffset? FreshSince { get; }

    /// <summary>
    /// Whether a cached answer fetched at <paramref name="fetchedAt"/> is used instead of the network: offline, any;
    /// online, one younger than the cache's age, and with <c>--refresh</c> one fetched in this run. arXiv's too: a
    /// user's trial found a busy arXiv's answer, cut short, kept for hours, and --refresh, which left arXiv to the
    /// cache, could not mend the day.
    /// </summary>
    public bool Fresh(DateTimeOffset fetchedAt) =>
        Offline || (Time.GetUtcNow() - fetchedAt < MaxAge && !(fetchedAt < FreshSince));
    public FetchLimits Limits => FetchLimits.Default;
    public Action<string> Progress { get; }

    /// <summary><c>hotpapers/0.1.0 (+https://github.com/hotpapers; you@example.org)</c>: the tool, its version, and whom to write to.</summary>
    public static string UserAgent(string? contact)
    {
        var version = typeof(FetchSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        if (version.IndexOf('+') is var plus and >= 0) version = version[..plus];
        // Comment text in a header may not hold parentheses or control characters.
        var who = contact is { Length: > 0 } ? "; " + new string(contact.Where(c => c >= ' ' && c != '(' && c != ')' && c != '\x7f').ToArray()).Trim() : "";
        return $"hotpapers/{version} (collect{who})";
    }

    public void Dispose() => Client.Dispose();
}
