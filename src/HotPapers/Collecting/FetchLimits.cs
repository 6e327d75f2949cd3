namespace HotPapers.Collecting;

/// <summary>
/// How long collect waits and how often it asks again: a try that has no answer within
/// <paramref name="Attempt"/> is given up; 429, 5xx, timeouts and failed connections are retried up to
/// <paramref name="Retries"/> times, <paramref name="FirstDelay"/> doubling each time, or as long as the
/// server says (<c>Retry-After</c>, reset headers) up to <paramref name="MaxDelay"/>; a request with its
/// retries takes at most <paramref name="Total"/>.
/// </summary>
internal sealed record FetchLimits(TimeSpan Attempt, int Retries, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan Total)
{
    public static FetchLimits Default { get; } = new(TimeSpan.FromSeconds(30), 3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(4));

    /// <summary>The largest body taken; a day's answer of any of these APIs is far smaller.</summary>
    public const int MaxBodyBytes = 32 * 1024 * 1024;
}
