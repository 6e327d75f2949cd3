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

    public static string PostFileName(DigestRecords records, string pattern = DefaultPattern) => PostFileName(records.Date, records.EndDate, pattern);

    public static string PostFileName(DateOnly date, DateOnly endDate, string pattern) => DatePattern.Fill(pattern, Key(date, endDate));

    /// <summary>The files <paramref name="pattern"/> names, any date, as a search pattern: <c>*---Hot-Papers.md</c>.</summary>
    public static string AnyDate(string pattern = DefaultPattern) => pattern.Replace(DatePattern.Placeholder, "*", StringComparison.Ordinal);

    /// <summary>
    /// The ranges a post's name may hold (<c>2021-05-01-2021-05-03</c>, anywhere in it), by the shape of their
    /// key alone: a caller checks each by naming the post again with <see cref="PostFileName(DateOnly, DateOnly, string)"/>.
    /// </summary>
    public static IEnumerable<(DateOnly Date, DateOnly EndDate)> RangesIn(string name)
    {
        const int KeyLength = 21;
        for (var at = 0; at + KeyLength <= name.Length; at++)
            if (TryParseRecordsFileName(name.Substring(at, KeyLength) + ".json", out var date, out var end) && end > date) yield return (date, end);
    }

    public static string RecordsFileName(DateOnly date, DateOnly endDate) => Key(date, endDate) + ".json";

    /// <summary>
    /// The digest keys a post's name may hold (<see cref="Key"/>): its ranges (<see cref="RangesIn"/>), and where it holds
    /// none, its days (<c>2021-04-30</c>, anywhere in it). A caller checks each against the digests it knows.
    /// </summary>
    public static IEnumerable<string> KeysIn(string name)
    {
        var ranges = RangesIn(name).Select(r => Key(r.Date, r.EndDate)).ToList();
        if (ranges.Count > 0) return ranges;
        var days = new List<string>();
        for (var at = 0; at + 10 <= name.Length; at++)
            if (Rfc3339.TryParseDate(name.AsSpan(at, 10), out var day)) days.Add(Key(day, day));
        return days;
    }

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

    /// <summary>
    /// The <c>.json</c> files of a records folder, in name order, each with the days its name gives (a day's,
    /// <c>2021-04-30.json</c>, or a range's), or null for a file named otherwise.
    /// </summary>
    public static IEnumerable<(string Path, (DateOnly Date, DateOnly EndDate)? Days)> JsonFilesIn(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            yield return (path, TryParseRecordsFileName(System.IO.Path.GetFileName(path), out var date, out var end) ? (date, end) : null);
    }

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
