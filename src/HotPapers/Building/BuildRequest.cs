namespace HotPapers.Building;

/// <summary>Which digests to build: one day, a range, or every records file (<see cref="All"/>).</summary>
/// <param name="Force">Overwrite posts edited since hotpapers wrote them (or not written by it).</param>
public sealed record BuildRequest(DateOnly? Date, DateOnly? Until, bool All, bool CheckOnly, bool Force = false)
{
    public static BuildRequest ForDay(DateOnly date) => new(date, null, false, false);

    /// <summary>The day before <paramref name="now"/>'s day in <paramref name="zone"/>: what a nightly run builds.</summary>
    public static DateOnly Yesterday(DateTimeOffset now, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(-1);
}
