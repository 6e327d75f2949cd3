using System.Collections.Immutable;

namespace HotPapers.Collecting;

/// <summary>
/// One network that talks about papers (Hugging Face, Hacker News, Bluesky, X, Mastodon): it finds the
/// day's mentions of arXiv papers. It reaches the network only through the <see cref="IFetcher"/> it is
/// given, which paces, retries and caches, so a source holds only the API's shape.
/// </summary>
internal interface IMentionSource
{
    /// <summary>The source's key in <c>hotpapers.yml</c>'s <c>collect:</c> section and in messages (<c>huggingface</c>, <c>hackernews</c>, ...).</summary>
    string Name { get; }

    /// <summary>The shortest time between two of its requests, from the API's documented rate limit.</summary>
    TimeSpan Pacing { get; }

    /// <summary>Why the source cannot run at all (no credentials), or null when it can; the run skips it with this notice.</summary>
    string? SkipReason { get; }

    /// <summary>How far back its search reaches (X's recent search: 7 days), or null for any day; an older day skips it.</summary>
    TimeSpan? Reach => null;

    /// <summary>The day's mentions, each with the paper it links to (not yet checked against arXiv).</summary>
    /// <exception cref="SourceException">The source answered something this API does not document, or kept failing.</exception>
    Task<ImmutableArray<FoundMention>> CollectAsync(CollectDay day, IFetcher fetcher, CancellationToken cancellationToken);
}
