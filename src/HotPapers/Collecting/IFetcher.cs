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
    Task<FetchedResponse> GetAsync(Uri url, Func<CancellationToken, Task<string>>? authorization, CancellationToken cancellationToken);

    /// <summary>POSTs a JSON body that is never cached nor retried more than once (a login). Not available offline.</summary>
    Task<FetchedResponse> PostJsonAsync(Uri url, byte[] body, CancellationToken cancellationToken);

    /// <summary>Something the day's report should say that is no failure of the source (an embed server given up).</summary>
    void Notice(string text);
}

/// <summary>A successful answer: its body and when it was fetched (the time its counts were read).</summary>
internal sealed record FetchedResponse(Uri Url, int Status, byte[] Body, DateTimeOffset FetchedAt);
