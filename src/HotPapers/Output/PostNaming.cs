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
    public static List<(DateOnly Date, DateOnly EndDate)> RangesIn(string name)
    {
        // Read in place, not cut out: --all looks in the name of every post the manifest lists.
        const int KeyLength = 21;
        var ranges = new List<(DateOnly, DateOnly)>();
        for (var at = 0; at + KeyLength <= name.Length; at++)
            if (TryParseKey(name.AsSpan(at, KeyLength), out var date, out var end) && end > date) ranges.Add((date, end));
        return ranges;
    }

    public static string RecordsFileName(DateOnly date, DateOnly endDate) => Key(date, endDate) + ".json";

    /// <summary>
    /// The digest keys a post's name may hold (<see cref="Key"/>): its ranges (<see cref="RangesIn"/>), and where it holds
    /// none, its days (<c>2021-04-30</c>, anywhere in it). A caller checks each against the digests it knows.
    /// </summary>
    public static IEnumerable<string> KeysIn(string name)
    {
        var ranges = RangesIn(name);
        if (ranges.Count > 0) return ranges.Select(r => Key(r.Date, r.EndDate));
        var days = new List<string>();
        for (var at = 0; at + 10 <= name.Length; at++)
            if (TryParseKey(name.AsSpan(at, 10), out var day, out _)) days.Add(Key(day, day));
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
        foreach (var path in InputFile.Read(folder, "a folder of records files", () => Directory.GetFiles(folder, "*.json")).Order(StringComparer.Ordinal))
            yield return (path, TryParseRecordsFileName(System.IO.Path.GetFileName(path), out var date, out var end) ? (date, end) : null);
    }

    /// <summary>The days a records folder has a day's file of (<c>2021-04-30.json</c>; not a range's), in order.</summary>
    public static IEnumerable<DateOnly> DaysIn(string folder) =>
        JsonFilesIn(folder).Where(f => f.Days is var (date, end) && date == end).Select(f => f.Days!.Value.Date);

    /// <summary>Reads the dates back from a records file name; false for any other file.</summary>
    public static bool TryParseRecordsFileName(string fileName, out DateOnly date, out DateOnly endDate)
    {
        date = endDate = default;
        return fileName.EndsWith(".json", StringComparison.Ordinal) && TryParseKey(fileName.AsSpan(0, fileName.Length - 5), out date, out endDate);
    }

    /// <summary>Reads the days back from a digest's key (<see cref="Key"/>): a day's, or a range's whose end is after its start.</summary>
    private static bool TryParseKey(ReadOnlySpan<char> key, out DateOnly date, out DateOnly endDate)
    {
        endDate = default;
        if (key.Length == 10) return Rfc3339.TryParseDate(key, out date) && (endDate = date) == date;
        return TryParseTwoDays(key, out date, out endDate) && endDate > date;
    }

    /// <summary>
    /// The two days of a key shaped as a range's (YYYY-MM-DD-YYYY-MM-DD), in whatever order: a range's key has its
    /// last day after its first, and --all says why a name with them otherwise is none.
    /// </summary>
    public static bool TryParseTwoDays(ReadOnlySpan<char> key, out DateOnly first, out DateOnly last)
    {
        last = default;
        first = default;
        return key.Length == 21 && key[10] == '-' && Rfc3339.TryParseDate(key[..10], out first) && Rfc3339.TryParseDate(key[11..], out last);
    }
}
