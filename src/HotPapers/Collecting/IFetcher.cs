namespace HotPapers.Collecting;

/// <summary>
/// The one way collect reaches a network: a request goes through the source's pacing, the retry policy
/// (429, 5xx, timeouts, <c>Retry-After</c>) and the response cache, or, offline, to the cache alone.
/// </summary>
internal interface IFetcher
{
    /// <summary>GETs <paramref name="url"/>. The cache key is the URL alone: never put a secret in it.</summary>
    /// <param name="authorization">Gives the <c>Authorization</c> header's value; asked only when a request is really sent (a cached or offline answer needs no login).</param>
    /// <returns>A 2xx response. Any other final answer is a <see cref="SourceException"/>.</returns>
    Task<FetchedResponse> GetAsync(Uri url, Func<CancellationToken, Task<string>>? authorization, CancellationToken cancellationToken) =>
        GetAsync(url, authorization, NoErrorAnswers, cancellationToken);

    /// <summary>
    /// GETs <paramref name="url"/>, as the other overload does, with the error statuses the caller takes as an answer
    /// (<paramref name="answers"/>: a Mastodon instance's 404 for a link timeline it does not have): each is still a
    /// <see cref="SourceException"/> with its <see cref="SourceException.Answer"/>, but cached as a 2xx answer is, so a
    /// rerun within the cache's age does not ask again, and <c>--offline</c> replays it.
    /// </summary>
    Task<FetchedResponse> GetAsync(Uri url, Func<CancellationToken, Task<string>>? authorization, IReadOnlySet<int> answers, CancellationToken cancellationToken);

    /// <summary>POSTs a JSON body that is never cached nor retried more than once (a login). Not available offline.</summary>
    Task<FetchedResponse> PostJsonAsync(Uri url, byte[] body, CancellationToken cancellationToken);

    /// <summary>Something the day's report should say that is no failure of the source (an embed server given up).</summary>
    void Notice(string text);

    /// <summary>No error status is an answer: each is a failure, and none is cached.</summary>
    static readonly IReadOnlySet<int> NoErrorAnswers = new HashSet<int>();
}

/// <summary>An answer: its body and when it was fetched (the time its counts were read). A 2xx one, but in the cache, where an error its source takes as an answer is kept too.</summary>
internal sealed record FetchedResponse(Uri Url, int Status, byte[] Body, DateTimeOffset FetchedAt);
