using HotPapers.Records;

namespace HotPapers.Building;

/// <summary>
/// Which digests to build: one <see cref="Day"/>, a <see cref="Range"/> of days, or <see cref="All"/> the
/// records files in the folder. A closed choice, so that a request cannot name none or two of them: the
/// command line maps its options onto one, and nothing checks that again. A week is a range
/// (<see cref="Week"/>).
/// </summary>
public abstract record BuildRequest
{
    private BuildRequest()
    {
    }

    /// <summary>Write nothing: report which posts are missing, would change or were edited by hand.</summary>
    public bool CheckOnly { get; init; }

    /// <summary>Overwrite posts edited since hotpapers wrote them (or not written by it).</summary>
    public bool Force { get; init; }

    /// <summary>The digest of one day.</summary>
    public sealed record Day(DateOnly Date) : BuildRequest;

    /// <summary>
    /// One digest of the days from <see cref="First"/> to <see cref="Last"/>, both included: from
    /// the range's own records file when there is one, else from the daily records files of those days.
    /// </summary>
    public sealed record Range : BuildRequest
    {
        public Range(DateOnly first, DateOnly last)
        {
            if (last < first) throw new ArgumentOutOfRangeException(nameof(last), Backwards(first, last));
            First = first;
            Last = last;
        }

        public DateOnly First { get; }

        public DateOnly Last { get; }

        /// <summary>Why a range cannot end before it begins, in the words of the options that give it.</summary>
        public static string Backwards(DateOnly first, DateOnly last) =>
            $"--until: expected a day on or after --date {Records.Rfc3339.FormatDate(first)}, found {Records.Rfc3339.FormatDate(last)}";
    }

    /// <summary>Every records file in the records folder, each its own digest.</summary>
    public sealed record All : BuildRequest
    {
        /// <summary>
        /// Delete the posts of an earlier fileName setting, whose digests this build writes under the current one, each
        /// as hotpapers wrote it; without it they are only named. A post whose records file is gone is never deleted.
        /// </summary>
        public bool Prune { get; init; }
    }

    /// <summary>The day before <paramref name="now"/>'s day in <paramref name="zone"/>: what a nightly run builds.</summary>
    public static Day Yesterday(DateTimeOffset now, TimeZoneInfo zone) =>
        new(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(-1));

    /// <summary>The seven days ending on <paramref name="last"/>, as one digest.</summary>
    /// <exception cref="InputException">A week that would begin before the first day there is (found by a new user's trial: a stack trace).</exception>
    public static Range Week(DateOnly last) => last.DayNumber >= 6 ? new(last.AddDays(-6), last)
        : throw new InputException([new InputProblem("--week", InputProblem.WholeFile, $"a week that begins on or after {Rfc3339.FormatDate(DateOnly.MinValue)}",
            $"the week ending on {Rfc3339.FormatDate(last)}")]);
}
