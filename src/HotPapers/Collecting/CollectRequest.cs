namespace HotPapers.Collecting;

/// <summary>What <c>hotpapers collect</c> is asked: the days <paramref name="First"/> to <paramref name="Last"/> (inclusive), one records file each.</summary>
/// <param name="Offline">Answer from the cache alone, never the network.</param>
/// <param name="Refresh">Ask the network even where the cache has an answer younger than <c>collect.cacheMaxAge</c> (fresh counts).</param>
/// <param name="CatchUp">
/// Collect <paramref name="Last"/>, and of the days from <paramref name="First"/> before it only those the records folder
/// has no file of (after the first day it has one of: a day before the blog began was not missed), and those whose file
/// names a source that did not answer. For a nightly run, so that a night that did not run, or failed, or a source that
/// was down, is collected by the next.
/// </param>
public sealed record CollectRequest(DateOnly First, DateOnly Last, bool Offline, bool Refresh = false, bool CatchUp = false)
{
    /// <summary>The most days one run collects: a backfill of a year.</summary>
    public const int MaxDays = 366;

    /// <summary>How far back <c>--catch-up</c> looks for a day without records: a week, as far as X's search reaches.</summary>
    public const int CatchUpDays = 7;

    /// <summary><paramref name="day"/>, and each of the <see cref="CatchUpDays"/> before it that has no records file, or whose file names a source that did not answer (<see cref="CatchUp"/>).</summary>
    public static CollectRequest CatchingUp(DateOnly day, bool offline, bool refresh = false) =>
        new(DateOnly.FromDayNumber(Math.Max(0, day.DayNumber - CatchUpDays)), day, offline, refresh, CatchUp: true);
}
