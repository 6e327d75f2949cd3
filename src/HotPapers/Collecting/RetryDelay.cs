using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace HotPapers.Collecting;

/// <summary>How long a server asks to be left alone, from the headers the APIs document (none of them documents <c>Retry-After</c>, which HTTP does, so it comes first).</summary>
internal static partial class RetryDelay
{
    /// <summary>The wait the answer asks for, or null when it names none (then the backoff decides).</summary>
    public static TimeSpan? From(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter is { } after)
        {
            if (after.Delta is { } delta) return delta;
            if (after.Date is { } date) return date > now ? date - now : TimeSpan.Zero;
        }
        if (response.StatusCode != HttpStatusCode.TooManyRequests) return null;
        // Hugging Face, the IETF draft: RateLimit: "api";r=0;t=55 (t: seconds until the window resets).
        if (Header(response, "RateLimit") is { } limit && SecondsParameter().Match(limit) is { Success: true } t)
            return TimeSpan.FromSeconds(long.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture));
        // Bluesky (RateLimit-Reset) and X (x-rate-limit-reset): Unix seconds; Mastodon (X-RateLimit-Reset): an ISO 8601 time.
        foreach (var name in (string[])["RateLimit-Reset", "x-rate-limit-reset", "X-RateLimit-Reset"])
        {
            if (Header(response, name) is not { } reset) continue;
            DateTimeOffset at;
            if (long.TryParse(reset, NumberStyles.None, CultureInfo.InvariantCulture, out var unix) && unix < 253402300800) at = DateTimeOffset.FromUnixTimeSeconds(unix);
            else if (!DateTimeOffset.TryParse(reset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at)) continue;
            return at > now ? at - now : TimeSpan.Zero;
        }
        return null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    [GeneratedRegex(@"(?:^|;)\s*t\s*=\s*([0-9]{1,9})\s*(?:;|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SecondsParameter();
}
