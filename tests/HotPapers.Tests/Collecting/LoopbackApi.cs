using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HotPapers.Tests.Collecting;

/// <summary>One answer of <see cref="LoopbackApi"/>.</summary>
/// <param name="Truncate">Say a longer Content-Length than the body, then close: a body cut short.</param>
/// <param name="Stall">Never answer: the request hangs until the client gives up (a timeout).</param>
/// <param name="Takes">How long the server takes to answer, on the test's clock (<see cref="LoopbackApi.Elapse"/>).</param>
internal sealed record Reply(int Status, byte[] Body, string ContentType = "application/json", IReadOnlyList<(string Name, string Value)>? Headers = null,
    bool Truncate = false, bool Stall = false, TimeSpan Takes = default)
{
    /// <summary>A 200 with a response file from <c>Fixtures/collect/</c>, typed by its extension.</summary>
    public static Reply File(string name, int status = 200) =>
        new(status, System.IO.File.ReadAllBytes(Fixture.Path("collect", name)), name.EndsWith(".xml", StringComparison.Ordinal) ? "application/atom+xml; charset=utf-8" : "application/json");

    public static Reply Text(int status, string body, params (string Name, string Value)[] headers) => new(status, Encoding.UTF8.GetBytes(body), Headers: headers);

    public static Reply Hang { get; } = new(200, [], Stall: true);
}

/// <summary>
/// An HTTP/1.1 server on 127.0.0.1 at an ephemeral port that plays APIs from recorded answers: each
/// expected request (path and query, exactly as the client sends it) has a list of replies given in turn,
/// the last one again for later requests. Any other request goes to <see cref="Otherwise"/> if set, or else
/// gets a 404 and is kept in <see cref="Unexpected"/>, which <see cref="DisposeAsync"/> turns into a failed test. Every request is
/// logged with the time of the given clock, so pacing is checked on a fake clock. One server can play
/// several APIs (their paths differ), or each its own.
/// </summary>
internal sealed class LoopbackApi : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, Queue<Reply>> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private readonly Task _loop;
    private int _stalls;

    public LoopbackApi(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _loop = Task.Run(AcceptAsync);
    }

    public Uri BaseUrl { get; }

    /// <summary>Every request received: path and query, the clock's time, its User-Agent.</summary>
    public ConcurrentQueue<(string Target, DateTimeOffset At, string? UserAgent)> Requests { get; } = new();

    public ConcurrentQueue<string> Unexpected { get; } = new();

    /// <summary>How many stalled requests arrived: a test's clock gives each its timeout.</summary>
    public int StallsReceived => Volatile.Read(ref _stalls);

    /// <summary>Moves the test's clock on by a reply's <see cref="Reply.Takes"/> before it is sent.</summary>
    public Action<TimeSpan>? Elapse { get; set; }

    /// <summary>Called when a stalled request arrives (a clock waiting for it).</summary>
    public Action? OnStall { get; set; }

    /// <summary>
    /// Answers the requests no <see cref="On"/> route names, from their URL: for a test whose answers depend
    /// on the query or change between runs (the nightly workflow's tool in its own process).
    /// </summary>
    public Func<Uri, Reply>? Otherwise { get; set; }

    public LoopbackApi On(string target, params Reply[] replies)
    {
        _routes[target] = new Queue<Reply>(replies);
        return this;
    }

    /// <summary>The requests for paths starting with <paramref name="prefix"/>, in order.</summary>
    public IReadOnlyList<(string Target, DateTimeOffset At, string? UserAgent)> To(string prefix) =>
        [.. Requests.Where(r => r.Target.StartsWith(prefix, StringComparison.Ordinal))];

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                if (head is null) return;
                var lines = head.Split("\r\n");
                var target = lines[0].Split(' ')[1];
                var agent = lines.Skip(1).FirstOrDefault(l => l.StartsWith("User-Agent:", StringComparison.OrdinalIgnoreCase))?[11..].Trim();
                Requests.Enqueue((target, _time.GetUtcNow(), agent));
                Reply reply;
                lock (_routes)
                {
                    if (_routes.TryGetValue(target, out var queue) && queue.Count > 0) reply = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
                    else if (Otherwise is { } answer) reply = answer(new Uri(BaseUrl, target));
                    else
                    {
                        Unexpected.Enqueue(target);
                        reply = Reply.Text(404, "{\"message\":\"not expected by the test\"}");
                    }
                }
                if (reply.Stall)
                {
                    Interlocked.Increment(ref _stalls);
                    OnStall?.Invoke();
                    // Until the client gives up and closes, or the server stops.
                    try
                    {
                        var gone = await stream.ReadAsync(new byte[1], _stop.Token);
                        _ = gone;
                    }
                    catch (OperationCanceledException)
                    {
                    }
                    return;
                }
                if (reply.Takes > TimeSpan.Zero) Elapse?.Invoke(reply.Takes);
                var header = new StringBuilder();
                header.Append($"HTTP/1.1 {reply.Status} {Reason(reply.Status)}\r\n");
                header.Append($"Content-Type: {reply.ContentType}\r\n");
                header.Append($"Content-Length: {reply.Body.Length + (reply.Truncate ? 100 : 0)}\r\n");
                header.Append("Connection: close\r\n");
                foreach (var (name, value) in reply.Headers ?? []) header.Append($"{name}: {value}\r\n");
                header.Append("\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(header.ToString()));
                await stream.WriteAsync(reply.Body);
                await stream.FlushAsync();
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                // The client went away: its problem to report.
            }
        }
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };

    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one) == 0) return null;
            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^1] == '\n' && bytes[^2] == '\r' && bytes[^3] == '\n' && bytes[^4] == '\r')
                return Encoding.ASCII.GetString(bytes.ToArray(), 0, bytes.Count - 4);
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
        Assert.True(Unexpected.IsEmpty, "requests no test expected: " + string.Join(", ", Unexpected));
    }
}
