namespace HotPapers.Collecting;

/// <summary>A source failed: down, rate-limited past the retry budget, timed out, or answered garbage. It costs only that source.</summary>
/// <param name="source">The source's name (<c>arxiv</c>, <c>huggingface</c>, ...).</param>
/// <param name="url">The request that failed, when there was one; shown as sent (<see cref="Uri.AbsoluteUri"/>, escapes kept), never unescaped.</param>
/// <param name="what">What was wrong, for a person: "expected a JSON array, found an object at $.papers".</param>
internal sealed class SourceException(string source, Uri? url, string what, Exception? inner = null)
    : Exception(url is null ? $"{source}: {what}" : $"{source}: {url.AbsoluteUri}: {what}", inner)
{
    public string SourceName { get; } = source;

    public Uri? Url { get; } = url;

    public string What { get; } = what;

    /// <summary>
    /// The server's final answer when it answered with an error status: a source that knows its API's
    /// error bodies reads why (Bluesky's expired session). Null when no answer came, or the answer was read
    /// and found wrong.
    /// </summary>
    public ErrorAnswer? Answer { get; init; }

    /// <summary>When the server asked not to be asked before (a wait longer than collect's): asking sooner is no use.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Offline, the request is not in the cache: it was never answered, or never asked.</summary>
    public bool NotInCache { get; init; }

    /// <summary>The same failure, with what the user can do about it after what was wrong (a refused login: which variables to check).</summary>
    public SourceException Hinted(string hint) => new(SourceName, Url, $"{What} ({hint})", this) { Answer = Answer, NotBefore = NotBefore };
}

/// <summary>An error status and the body that came with it.</summary>
internal sealed record ErrorAnswer(int Status, byte[] Body);
