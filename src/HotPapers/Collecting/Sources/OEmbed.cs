using HotPapers.Safety;

namespace HotPapers.Collecting;

/// <summary>
/// A network's own embed HTML for one of its posts, from its oEmbed endpoint (no login), kept only when the
/// embed judge (<see cref="EmbedGuard"/>) accepts it: the build would refuse any other, so a post whose embed
/// is not the network's plain shape is kept without one.
/// </summary>
/// <remarks>
/// A post the endpoint will not embed (deleted, protected, not public: an error status) simply has no embed,
/// as the networks document. After <see cref="MaxFailuresInARow"/> failures in a row the endpoint is taken
/// for down and not asked again that day (the day's report says so), so it cannot cost the retry budget once per post; the same answers
/// replayed from the cache stop at the same post, so an offline rerun gives the same records. A 200 whose body
/// is not oEmbed JSON is an error of the source, like any malformed answer.
/// </remarks>
internal sealed class OEmbed(string source, Uri endpoint, bool bluesky, params (string Name, string? Value)[] options)
{
    public const int MaxFailuresInARow = 3;

    /// <summary>
    /// The statuses of a post the endpoint will not embed (not found, not public, gone): its answer, which the cache
    /// keeps (<see cref="IFetcher"/>), so a rerun within the cache's age does not ask again and <c>--offline</c> replays it.
    /// Not a 429 or a 5xx: those are the server's trouble, and asked again.
    /// </summary>
    private static readonly IReadOnlySet<int> NotEmbeddable = new HashSet<int> { 403, 404, 410 };

    private int failuresInARow;

    public async Task<string?> HtmlAsync(IFetcher fetcher, string postUrl, CancellationToken cancellationToken)
    {
        if (failuresInARow >= MaxFailuresInARow) return null;
        var url = ApiUrl.Of(endpoint, "oembed", [("url", postUrl), .. options]);
        FetchedResponse response;
        try
        {
            response = await fetcher.GetAsync(url, authorization: null, NotEmbeddable, cancellationToken).ConfigureAwait(false);
        }
        catch (SourceException e) when (e.NotBefore is not null)
        {
            // Found by a new user's trial: a long Retry-After left every later post without its embed, unsaid.
            failuresInARow = MaxFailuresInARow;
            fetcher.Notice($"the embed server {endpoint.AbsoluteUri} asked not to be asked again before {Records.Rfc3339.Format(Records.Rfc3339.ToSecond(e.NotBefore.Value))} ({e.What}): "
                + "this post and the day's later ones have no embed");
            return null;
        }
        catch (SourceException e) when (e.Answer?.Status is { } status && NotEmbeddable.Contains(status))
        {
            // The endpoint's answer about this post (deleted, protected): no trouble of the server, so no failure in a
            // row (found in review: three deleted posts in a row left the day's later posts without their embeds).
            failuresInARow = 0;
            return null;
        }
        catch (SourceException e)
        {
            if (++failuresInARow == MaxFailuresInARow)
                fetcher.Notice($"the embed server {endpoint.AbsoluteUri} failed {MaxFailuresInARow} times in a row (the last: {e.What}): not asked for the day's later posts");
            return null;
        }
        failuresInARow = 0;
        var html = JsonReply.Read(source, response, root => root.OptionalString("html"));
        return html is not null && EmbedGuard.Problem(html, bluesky) is null ? html : null;
    }
}
