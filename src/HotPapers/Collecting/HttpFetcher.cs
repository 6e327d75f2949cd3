using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using HotPapers.Records;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace HotPapers.Collecting;

/// <summary>
/// One source's way to the network (<see cref="IFetcher"/>): the cache first (a fresh entry, or any entry
/// offline), else a GET paced at the source's rate and retried by a Polly pipeline (429, 5xx, timeouts,
/// failed connections; <c>Retry-After</c> and the reset headers honoured; the whole bounded in time),
/// whose 2xx answer is cached, and so is an error its caller takes as an answer. Polly rather than a loop of our own: its retry, backoff and timeout
/// strategies are tested far beyond what a loop here would be, and it takes the injected clock.
/// </summary>
internal sealed class HttpFetcher : IFetcher
{
    private readonly FetchSession _session;
    private readonly string _source;
    private readonly TimeSpan _pacing;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    // The last request to the source, by this run or (from the cache's pace file) the run before it: a
    // second run started at once paces from the first's last request, not from nothing.
    private DateTimeOffset? _lastRequest;
    // Per server (host and port, as _givenUp): before this time it asked not to be asked again (a Retry-After
    // longer than collect waits), in this run or an earlier one. Per server, not per source: a busy embed
    // server does not stop the source's search, on another server.
    private readonly Dictionary<string, DateTimeOffset> _notBefore = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset? _latest;
    private readonly HashSet<string> _given = new(StringComparer.Ordinal);
    // The servers (host and port) given up on for the rest of this run (GiveUp), with what they did and how that went.
    private readonly Dictionary<string, (string Did, string What)> _givenUp = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _notices = [];

    public HttpFetcher(FetchSession session, string source, TimeSpan pacing)
    {
        _session = session;
        _source = source;
        _pacing = pacing;
        if (!session.Offline && session.Cache.ReadPace(source) is { } pace)
        {
            var now = session.Time.GetUtcNow();
            // A time after now is another clock's (a cache copied from elsewhere): now is as late as it can be.
            _lastRequest = pace.LastRequest is { } last && last > now ? now : pace.LastRequest;
            // A wait of more than a day is no server's Retry-After but another clock's: it is not kept.
            foreach (var (server, time) in pace.NotBefore)
            {
                if (time > now && time - now <= MaxKeptWait) _notBefore[server] = time;
            }
        }
        var limits = session.Limits;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = session.Time }
            .AddTimeout(limits.Total)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                MaxRetryAttempts = limits.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = limits.FirstDelay,
                MaxDelay = limits.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? RetryDelay.From(r, session.Time.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    var why = args.Outcome.Result is { } r ? Status(r) : Describe(args.Outcome.Exception!);
                    // The retry waits its delay, then the pacing if that is longer: the line says the wait it will be.
                    var paced = PacingLeft(session.Time.GetUtcNow() + args.RetryDelay);
                    session.Progress($"{source}: {why}; trying again in {Seconds(args.RetryDelay + paced)}");
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(limits.Attempt)
            .Build();
    }

    /// <summary>The latest time of the answers this fetcher gave (fetched or cached): when the counts were read.</summary>
    public DateTimeOffset? LatestFetch => _latest;

    /// <summary>
    /// How many answers this fetcher gave in the run, fetched or from the cache (a cached error its caller takes as an
    /// answer counts; such an error fetched now does not). The collector reads it offline, to tell a source whose first
    /// request of the day is not in the cache from one that failed further on.
    /// </summary>
    public int Given { get; private set; }

    public void Notice(string text) => _notices.Add(text);

    /// <summary>The notices given since the last call, for the day's report.</summary>
    public IReadOnlyList<string> TakeNotices()
    {
        var taken = _notices.ToArray();
        _notices.Clear();
        return taken;
    }

    public async Task<FetchedResponse> GetAsync(Uri url, Func<CancellationToken, Task<string>>? authorization, IReadOnlySet<int> answers, CancellationToken cancellationToken)
    {
        var cached = _session.Cache.Read(_source, url);
        // An error kept by a caller that took it as an answer, and this one does not (another version): no answer.
        if (cached is not null && !Success(cached.Status) && !answers.Contains(cached.Status)) cached = null;
        if (cached is not null && _session.Fresh(cached.FetchedAt))
        {
            // Before the URL: a terminal shows the start of a long line.
            var fetched = Rfc3339.Format(Rfc3339.ToSecond(cached.FetchedAt));
            _session.Progress($"{_source}: the cache's answer, fetched {fetched}: GET {url.AbsoluteUri}");
            // Given as it was when it came, as an error: it counts for no time the counts were read, online or not.
            if (!Success(cached.Status))
            {
                Given++;
                throw Answered(url, cached.Status, new HttpResponseMessage((HttpStatusCode)cached.Status).ReasonPhrase, cached.Body, $"the cache's answer of {fetched}", null);
            }
            return Seen(cached);
        }
        if (_session.Offline)
            throw new SourceException(_source, url, "not in the cache (--offline answers from the cache alone: collect this day online first)") { NotInCache = true };
        FetchedResponse response;
        try
        {
            response = await SendAsync(HttpMethod.Get, url, async token =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (authorization is not null) request.Headers.Authorization = AuthenticationHeaderValue.Parse(await authorization(token).ConfigureAwait(false));
                return request;
            }, retry: true, cancellationToken).ConfigureAwait(false);
        }
        catch (SourceException e) when (e.Answer is { } answer && answers.Contains(answer.Status))
        {
            // Found by a user's trial: a link timeline's 404, which Mastodon takes as an answer, was not kept; a rerun
            // within the cache's age asked it again, and --offline failed Mastodon, then arXiv (one paper fewer).
            _session.Cache.Write(_source, new FetchedResponse(url, answer.Status, answer.Body, _session.Time.GetUtcNow()));
            throw;
        }
        _session.Cache.Write(_source, response);
        return Seen(response);
    }

    private static bool Success(int status) => status is >= 200 and < 300;

    public async Task<FetchedResponse> PostJsonAsync(Uri url, byte[] body, CancellationToken cancellationToken)
    {
        if (_session.Offline) throw new SourceException(_source, url, "a login, which --offline does not make (only cached answers are used)");
        return await SendAsync(HttpMethod.Post, url, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        }), retry: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The answer to <paramref name="url"/> that this fetcher gave could not be read by its source (malformed, not in
    /// the documented shape): it leaves the cache, so the next run asks again instead of replaying it for as long as
    /// the cache's age (a proxy's error page, a body cut short, is seldom there a minute later). Offline, the cache is
    /// what is replayed, and is left as it is.
    /// </summary>
    public void Reject(Uri url)
    {
        if (!_session.Offline && _given.Contains(url.AbsoluteUri)) _session.Cache.Forget(_source, url);
    }

    private FetchedResponse Seen(FetchedResponse response)
    {
        Given++;
        _given.Add(response.Url.AbsoluteUri);
        if (_latest is not { } latest || response.FetchedAt > latest) _latest = response.FetchedAt;
        return response;
    }

    private async Task<FetchedResponse> SendAsync(HttpMethod method, Uri url, Func<CancellationToken, Task<HttpRequestMessage>> make, bool retry, CancellationToken cancellationToken)
    {
        // A server that let every try run out its time, or refused every one, is not asked again this run (GiveUp).
        if (GivenUp(url) is { } gone) throw new SourceException(_source, url, $"not asked: {gone}; collect the day again later");
        if (_notBefore.TryGetValue(url.Authority, out var notBefore) && notBefore > _session.Time.GetUtcNow())
            throw new SourceException(_source, url, $"not asked: {url.Authority} asked not to be asked again before {Rfc3339.Format(Rfc3339.ToSecond(notBefore))} "
                + $"(kept in {_session.Cache.PacePath(_source)}); collect the day again after that")
            {
                NotBefore = notBefore,
            };
        var tries = 0;
        // The tries whose connection was refused (Refused): when they are all of them, the server is given up.
        var refused = 0;
        // The request's failure without an answer (its last try's); a server that refused every try is given up.
        SourceException NoAnswer(Exception e)
        {
            var what = $"{Describe(e)}, {tries} {(tries == 1 ? "try" : "tries")}";
            if (refused == tries) GiveUp(url, "refused every connection", what);
            return new SourceException(_source, url, what, e);
        }
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(async token =>
            {
                // A login is sent at most twice for the request it is made for: the first try, and one retry, whose
                // failure is the answer (below). Only a second try that timed out gets here.
                if (++tries > 2 && !retry) throw new SourceException(_source, url, "the login failed twice");
                // Made before it is paced: making it may log in first (Bluesky), a request of its own, which this
                // one then waits its pacing after (a trial's server saw the search 2 ms after the login).
                using var request = await make(token).ConfigureAwait(false);
                await PaceAsync(token).ConfigureAwait(false);
                if (tries == 1) _session.Progress($"{_source}: {method} {url.AbsoluteUri}");
                // A login's second failure is its answer, said as any failure is (found by a new user's trial: "the login
                // failed twice", without the server's status, after waiting for a third try that was never sent).
                var last = !retry && tries == 2;
                HttpResponseMessage sent;
                try
                {
                    sent = await _session.Client.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    if (Refused(e)) refused++;
                    if (last) throw new LastTry(null, e);
                    throw;
                }
                finally
                {
                    PaceFromNow();
                }
                if (last && !sent.IsSuccessStatusCode) throw new LastTry(sent, null);
                return sent;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (LastTry last) when (last.Response is { } answer)
        {
            response = answer;
        }
        catch (LastTry last)
        {
            throw NoAnswer(last.InnerException!);
        }
        catch (TimeoutRejectedException e) when (!cancellationToken.IsCancellationRequested)
        {
            var what = e.Timeout == _session.Limits.Total
                ? $"no answer within {Seconds(_session.Limits.Total)}, retries included"
                : $"no answer within {Seconds(_session.Limits.Attempt)}, {tries} {(tries == 1 ? "try" : "tries")}";
            GiveUp(url, "gave no answer in time", what);
            throw new SourceException(_source, url, what);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw NoAnswer(e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var asked = RetryDelay.From(response, _session.Time.GetUtcNow());
                var why = "";
                DateTimeOffset? askedUntil = null;
                if (asked > _session.Limits.MaxDelay)
                {
                    why = $"; it asks to wait {Seconds(asked.Value)}, longer than collect waits ({Seconds(_session.Limits.MaxDelay)})";
                    // Kept for the later days of this run and for the runs after it: none asks before then.
                    askedUntil = _session.Time.GetUtcNow() + asked.Value;
                    _notBefore[url.Authority] = askedUntil.Value;
                    KeepPace();
                }
                var said = await ErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
                throw Answered(url, (int)response.StatusCode, response.ReasonPhrase, said, $"{tries} {(tries == 1 ? "try" : "tries")}", askedUntil, why);
            }
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new FetchedResponse(url, (int)response.StatusCode, body, _session.Time.GetUtcNow());
        }
    }

    /// <summary>
    /// The one place a server is given up on for the rest of the run, its later requests failing at once with what
    /// it <paramref name="did"/> and <paramref name="what"/> the request got: one that let every try run out its time
    /// (minutes a day), and one that refused every try's connection (its retries' seconds a day: found by a user's
    /// trial, a year's backfill with a source down would have spent 85 minutes on it). Each later day of a backfill
    /// would meet the same.
    /// </summary>
    private void GiveUp(Uri url, string did, string what) => _givenUp[url.Authority] = (did, what);

    /// <summary>Why the server of <paramref name="url"/> is not asked again in this run (<see cref="GiveUp"/>), or null.</summary>
    public string? GivenUp(Uri url) =>
        _givenUp.TryGetValue(url.Authority, out var gone) ? $"{url.Authority} {gone.Did} earlier in this run ({gone.What})" : null;

    /// <summary>
    /// A connection refused: the host is there, and no server listens on its port now. Not a host or network
    /// unreachable, which is as often this machine's network gone for a moment (a laptop waking), and giving up on
    /// every server then would fail a backfill's later days, arXiv's requests too (found in review).
    /// </summary>
    private static bool Refused(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused }) return true;
        }
        return false;
    }

    // Each request starts at least the source's pacing after the one before ended, retries included, and 2% more:
    // the server counts from when a request arrives, and a trial's server saw arXiv's 3 s as 2.992 s. Counted from
    // the answer, not from the sending: a request reaches the server after its connection is made, so a slow
    // handshake before one and none before the next (the connection kept) brought them closer than the pacing
    // (a user's trial, 0.4 s added to each new connection: arXiv's two requests arrived 2.6 s apart).
    private async Task PaceAsync(CancellationToken token)
    {
        if (PacingLeft(_session.Time.GetUtcNow()) is var left && left > TimeSpan.Zero) await Task.Delay(left, _session.Time, token).ConfigureAwait(false);
        // Kept also as it is sent: a run stopped while it waits for the answer leaves the next run its time.
        PaceFromNow();
    }

    private void PaceFromNow()
    {
        _lastRequest = _session.Time.GetUtcNow();
        KeepPace();
    }

    // How long after `at` the pacing (and its 2%) still holds the next request back.
    private TimeSpan PacingLeft(DateTimeOffset at) =>
        _lastRequest is { } last && last + _pacing + _pacing / 50 - at is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    private void KeepPace() => _session.Cache.WritePace(_source, new SourcePace(_lastRequest, _notBefore));

    /// <summary>The longest asked-for wait a later run keeps from the cache's pace file.</summary>
    private static readonly TimeSpan MaxKeptWait = TimeSpan.FromDays(1);

    /// <summary>The answer to a request's last try, out of the retries (which would try it again).</summary>
    private sealed class LastTry(HttpResponseMessage? response, Exception? failure) : Exception(null, failure)
    {
        public HttpResponseMessage? Response { get; } = response;
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome)
    {
        // A name that does not resolve (no network, or a mistyped base URL) stays so for the seconds a retry waits.
        if (outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }) return false;
        if (outcome.Exception is HttpRequestException or TimeoutRejectedException or IOException) return true;
        if (outcome.Result is not { } r) return false;
        if (r.StatusCode != HttpStatusCode.TooManyRequests && (int)r.StatusCode < 500) return false;
        // A wait longer than collect's is no retry: the source is given up now, not hammered early.
        return !(RetryDelay.From(r, _session.Time.GetUtcNow()) > _session.Limits.MaxDelay);
    }

    private static string Status(HttpResponseMessage r) => Status((int)r.StatusCode, r.ReasonPhrase);

    private static string Status(int code, string? reason) =>
        string.Create(CultureInfo.InvariantCulture, $"HTTP {code}{(reason is { Length: > 0 } p ? " " + p : "")}");

    /// <summary>An error answer as its source hears it, from the server or the cache (<paramref name="how"/>: "2 tries", "the cache's answer of TIME").</summary>
    private SourceException Answered(Uri url, int status, string? reason, byte[] body, string how, DateTimeOffset? notBefore, string why = "") =>
        new(_source, url, $"answered {Status(status, reason)}{Said(body)}{why}, {how}")
        {
            Answer = new ErrorAnswer(status, body),
            NotBefore = notBefore,
        };

    // An error answer's body, or none when it could not be read: the status alone is the error then.
    private static async Task<byte[]> ErrorBodyAsync(HttpResponseMessage r, CancellationToken cancellationToken)
    {
        try
        {
            return await r.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return [];
        }
    }

    // The first line of what the server said, short: the APIs put their reason in the body.
    private static string Said(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 300))).Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
        return text is { Length: > 0 } ? $" ({text}{(bytes.Length > 300 ? "..." : "")})" : "";
    }

    private static string Describe(Exception e) => e switch
    {
        TimeoutRejectedException => "no answer in time",
        HttpRequestException { InnerException: { } inner } h when inner is not HttpRequestException && !h.Message.Contains(inner.Message, StringComparison.Ordinal) => $"{h.Message} ({inner.Message})",
        _ => e.Message,
    };

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");
}
