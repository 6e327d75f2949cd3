using HotPapers.Building;

namespace HotPapers.Site;

/// <summary>
/// The one order of the site's digests, newest first, which the digest pages' newer and older links, the
/// home page, the archive, the categories and the feeds all follow: by the digest's last day, so a range
/// comes after the days before its end and its place agrees with its published date (collected once the
/// range is over); on the same last day, the longer digest first, as it was made after the shorter one.
/// Found by a user's trial: ordered by its first day, a week's page said "Newer: " a day inside it, and
/// the JSON feed listed it after a day published before it.
/// </summary>
internal static class DigestOrder
{
    /// <summary>The files' indexes, newest first, by the dates their names give (checked against their records as they load).</summary>
    public static int[] NewestFirst(IReadOnlyList<RecordsFile> files) =>
        [.. Enumerable.Range(0, files.Count).OrderByDescending(i => Last(files[i])).ThenBy(i => files[i].Date ?? DateOnly.MaxValue)];

    // A file named by the user (no dates) is the newest: it is the only one.
    private static DateOnly Last(RecordsFile file) => file.EndDate ?? file.Date ?? DateOnly.MaxValue;
}
