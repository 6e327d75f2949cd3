using HotPapers.Records;

namespace HotPapers.Output;

/// <summary>
/// File names, the old blog's: <c>2021-04-30---Hot-Papers.md</c>, and <c>A-B---Hot-Papers.md</c> for a
/// range. Records files are named the same way: <c>2021-04-30.json</c>, <c>A-B.json</c>.
/// </summary>
internal static class PostNaming
{
    public const string DefaultPattern = "{date}---Hot-Papers.md";

    public static string Key(DateOnly date, DateOnly endDate) =>
        date == endDate ? Rfc3339.FormatDate(date) : $"{Rfc3339.FormatDate(date)}-{Rfc3339.FormatDate(endDate)}";

    public static string PostFileName(DigestRecords records, string pattern = DefaultPattern) =>
        pattern.Replace(DatePlaceholder, Key(records.Date, records.EndDate));

    /// <summary>The files <paramref name="pattern"/> names, any date, as a search pattern: <c>*---Hot-Papers.md</c>.</summary>
    public static string AnyDate(string pattern = DefaultPattern) => pattern.Replace(DatePlaceholder, "*", StringComparison.Ordinal);

    private const string DatePlaceholder = "{date}";

    /// <summary>
    /// Reads a range's dates back from a post's name (relative to the output folder, '/' separated) that
    /// <paramref name="pattern"/> gave it: <c>2021-05-01-2021-05-03---Hot-Papers.md</c>; false for any other name.
    /// </summary>
    public static bool TryParseRangePostName(string name, string pattern, out DateOnly date, out DateOnly endDate)
    {
        date = endDate = default;
        var at = pattern.IndexOf(DatePlaceholder, StringComparison.Ordinal);
        var suffix = pattern.Length - at - DatePlaceholder.Length;
        const int KeyLength = 21;
        if (at < 0 || name.Length != pattern.Length - DatePlaceholder.Length + KeyLength
            || !name.StartsWith(pattern.AsSpan(0, at), StringComparison.Ordinal) || !name.EndsWith(pattern.AsSpan(pattern.Length - suffix), StringComparison.Ordinal))
            return false;
        return TryParseRecordsFileName(name.Substring(at, KeyLength) + ".json", out date, out endDate) && endDate > date;
    }

    public static string RecordsFileName(DateOnly date, DateOnly endDate) => Key(date, endDate) + ".json";

    /// <summary>
    /// Whether posts named by <paramref name="pattern"/> would take a name hotpapers keeps for its own files in
    /// the output folder: the manifest, the lock, or a staged post (which the next build deletes as a leftover).
    /// </summary>
    public static bool IsOwnName(string pattern)
    {
        var name = pattern[(pattern.LastIndexOfAny(['/', '\\']) + 1)..];
        return name.EndsWith(PostWriter.TempSuffix, StringComparison.Ordinal)
            || name is PostManifest.FileName or OutputLock.FileName;
    }

    /// <summary>Removes the records files a killed import left half written in <paramref name="recordsDirectory"/>.</summary>
    public static int RemoveRecordsLeftovers(string recordsDirectory) =>
        PostWriter.RemoveDeadLeftovers(recordsDirectory, name => TryParseRecordsFileName(name, out _, out _));

    /// <summary>Reads the dates back from a records file name; false for any other file.</summary>
    public static bool TryParseRecordsFileName(string fileName, out DateOnly date, out DateOnly endDate)
    {
        date = endDate = default;
        if (!fileName.EndsWith(".json", StringComparison.Ordinal)) return false;
        var key = fileName[..^5];
        if (key.Length == 10) return Rfc3339.TryParseDate(key, out date) && (endDate = date) == date;
        return key.Length == 21 && key[10] == '-'
            && Rfc3339.TryParseDate(key.AsSpan(0, 10), out date) && Rfc3339.TryParseDate(key.AsSpan(11), out endDate) && endDate > date;
    }
}
