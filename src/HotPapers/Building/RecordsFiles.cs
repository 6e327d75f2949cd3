using System.Globalization;
using HotPapers.Records;
using HotPapers.Output;
using HotPapers.Settings;

namespace HotPapers.Building;

/// <summary>A records file and the dates its name says it holds (null for a file named by the user).</summary>
/// <param name="Path">The file; for a range made of daily files, a label naming the folder and the days' files.</param>
/// <param name="DailyPaths">For a range without a records file of its own: the daily records files of each of its days, in order; else empty.</param>
internal sealed record RecordsFile(string Path, DateOnly? Date, DateOnly? EndDate, IReadOnlyList<string> DailyPaths)
{
    public RecordsFile(string path, DateOnly? date, DateOnly? endDate) : this(path, date, endDate, [])
    {
    }
}

/// <summary>Finds the records files a build asks for, and checks that each holds the digest its name says.</summary>
internal static class RecordsFiles
{
    /// <summary>How many of the days that do exist a message about a missing one lists.</summary>
    private const int NearestShown = 5;

    /// <param name="skipped">For <see cref="BuildRequest.All"/>: each <c>.json</c> file of the folder that is
    /// not named as a digest's records, with why it was left out.</param>
    /// <param name="reader">Who reads every file, as the warning about a skipped one names it: <c>--all</c>
    /// (build's option), or <c>site</c> (the command, which has no such option; outside a blog, it is also
    /// told to run <c>init --flavor site</c>).</param>
    public static IReadOnlyList<RecordsFile> Find(BuildSettings settings, BuildRequest request, out IReadOnlyList<string> skipped, string reader)
    {
        var recordsPath = settings.RecordsPath;
        skipped = [];
        (DateOnly First, DateOnly Last)? days = request switch
        {
            BuildRequest.Day d => (d.Date, d.Date),
            BuildRequest.Range r => (r.First, r.Last),
            _ => null,
        };
        if (File.Exists(recordsPath))
            return [days is var (first, last) ? new RecordsFile(recordsPath, first, last) : new RecordsFile(recordsPath, null, null)];
        if (!Directory.Exists(recordsPath))
        {
            // Without a settings file, the records folder is the default one, relative to where the user is:
            // most often, the build was run outside the blog.
            throw Problem(recordsPath, "a records file or a folder of them", settings.SourceFile is null
                // Found by a new user's trial: plain init, suggested to someone running site, sets up a Gatsby blog.
                ? $"no such file or folder, and {SettingsFile.NoneHereEither(reader == "site" ? "hotpapers init --flavor site"
                    : settings.Flavor == Rendering.Flavor.Hugo ? "hotpapers init --flavor hugo" : "hotpapers init")}"
                : "no such file or folder");
        }
        if (days is not var (day, until))
        {
            var list = new List<RecordsFile>();
            var others = new List<string>();
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, named) in PostNaming.JsonFilesIn(recordsPath))
            {
                listed.Add(path);
                if (named is var (date, end))
                    list.Add(new RecordsFile(path, date, end));
                else
                    others.Add($"{path}: skipped: {reader} builds the files {NamedAsDigests}{Misnamed(path)}");
            }
            others.AddRange(NotJsonFiles(recordsPath, reader, listed));
            if (list.Count == 0) others.Add(NothingToRead(recordsPath));
            skipped = others;
            return list;
        }
        var file = System.IO.Path.Combine(recordsPath, PostNaming.RecordsFileName(day, until));
        if (InputFile.Exists(file, $"the records of {PostNaming.Key(day, until)}", "$")) return [new RecordsFile(file, day, until)];
        if (day == until)
            throw Problem(file, $"the records of {PostNaming.Key(day, until)}", $"no such file{CaseTwin(file)}{Existing(recordsPath, day)}");

        // A range without a file of its own is made of its days' files, all of them.
        var daily = new List<string>();
        var missing = new List<DateOnly>();
        // By day number: a range ending on 9999-12-31 has no day after it to step to (found by a new user's trial: a stack trace).
        for (var n = day.DayNumber; n <= until.DayNumber; n++)
        {
            var d = DateOnly.FromDayNumber(n);
            var path = System.IO.Path.Combine(recordsPath, PostNaming.RecordsFileName(d, d));
            if (InputFile.Exists(path, $"the records of {Rfc3339.FormatDate(d)}", "$")) daily.Add(path);
            else missing.Add(d);
        }
        if (missing.Count > 0)
        {
            throw Problem(file, $"the records of {PostNaming.Key(day, until)}, or the daily records of each of its days",
                $"no such file, and no records of {Runs(missing)}{Existing(recordsPath, until)}");
        }
        var label = $"{System.IO.Path.Combine(recordsPath, PostNaming.RecordsFileName(day, day))} to {PostNaming.RecordsFileName(until, until)}";
        return [new RecordsFile(label, day, until, daily)];
    }

    // Found by new users' trials: 2021-05-10-2021-05-09.json was told to be named as a range, which it is, but backwards;
    // 2021-02-30.json to be named as a day, which it is, of no day.
    private static string Misnamed(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        if (!path.EndsWith(".json", StringComparison.Ordinal)) return ", with .json in small letters";
        if (Rfc3339.NoSuchDay(name) is { } why) return $"; there is no such day ({why})";
        // Named as a range's days, so not one only because of their order (TryParseRecordsFileName gave no days).
        return PostNaming.TryParseTwoDays(name, out var first, out var last)
            ? first == last ? $"; a day's is named {name[..10]}.json" : $"; this one's last day is before its first (the range is {name[11..]}-{name[..10]}.json)"
            : "";
    }

    // Found by a trial: --all said 2021-04-30.JSON was skipped for its capitals, but --date 2021-04-30 only "no such file",
    // with "the records folder has no records files". Looked for only once the file is found missing; a folder that may be
    // entered but not listed is told so, as the listing of its days would tell it (found by review: .NET's "Access denied").
    private static string CaseTwin(string file)
    {
        var name = System.IO.Path.GetFileName(file);
        var folder = System.IO.Path.GetDirectoryName(file)!;
        var twin = InputFile.Read(folder, "a folder of records files", () => Directory.GetFiles(folder))
            .Select(System.IO.Path.GetFileName)
            .FirstOrDefault(other => other != name && string.Equals(other, name, StringComparison.OrdinalIgnoreCase));
        return twin is null ? "" : $", but {twin}, read only when named {name} (rename it)";
    }

    /// <summary>
    /// What --all passes over that looks like a records file but is not one: found by a new user's trial, a
    /// 2021-05-12.JSON (its extension in capitals) and a folder named 2021-05-01.json were left out without a word.
    /// </summary>
    /// <param name="listed">The files the records folder's listing of *.json gave: files, looked at already (a file system that
    /// ignores case lists 2021-05-12.JSON among them, and <see cref="Misnamed"/> says it).</param>
    private static IEnumerable<string> NotJsonFiles(string recordsPath, string reader, HashSet<string> listed)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(recordsPath).Order(StringComparer.Ordinal))
        {
            // Only what the listing of files did not give is looked at (a stat each): not every records file again.
            if (listed.Contains(entry) || !entry.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) continue;
            if (Directory.Exists(entry))
                yield return $"{entry}: skipped: a folder, where {reader} builds the files {NamedAsDigests}";
            else if (!entry.EndsWith(".json", StringComparison.Ordinal))
                yield return $"{entry}: skipped: {reader} builds the files {NamedAsDigests}, with .json in small letters";
        }
    }

    private const string NamedAsDigests = "named as a day (YYYY-MM-DD.json) or a range (YYYY-MM-DD-YYYY-MM-DD.json)";

    // A folder with no records files: said, not a quiet "0 post(s)". Old crawler files kept one folder per day
    // (2021-04-30/papers_with_tweets.json) are named, as their owner most likely meant them to be read. A folder
    // that cannot be looked into is passed over: this is a warning, not a reason for the build to fail.
    private static string NothingToRead(string recordsPath)
    {
        var nested = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(recordsPath).Order(StringComparer.Ordinal))
        {
            try
            {
                nested.AddRange(Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
            if (nested.Count >= 2) break;
        }
        var why = $"{recordsPath}: has no records files {NamedAsDigests}: there is no digest to build";
        return nested.Count == 0 ? why
            : $"{why}; files in its folders are not read ({nested[0]}{(nested.Count > 1 ? " and others" : "")}): put each in {recordsPath} as the day it holds, YYYY-MM-DD.json";
    }

    /// <summary>The daily records file of <paramref name="day"/> in the records folder, or null when there is none (or the records are one file).</summary>
    public static string? DailyFile(string recordsPath, DateOnly day)
    {
        if (!Directory.Exists(recordsPath)) return null;
        var path = System.IO.Path.Combine(recordsPath, PostNaming.RecordsFileName(day, day));
        return File.Exists(path) ? path : null;
    }

    // "; the records folder has 2021-04-29, 2021-05-01 (nearest first)": the digests there are, by distance from the day asked for.
    private static string Existing(string folder, DateOnly near)
    {
        var keys = new List<(int Distance, DateOnly Date, string Key)>();
        foreach (var (_, named) in PostNaming.JsonFilesIn(folder))
        {
            if (named is not var (date, end)) continue;
            var distance = near < date ? date.DayNumber - near.DayNumber : near > end ? near.DayNumber - end.DayNumber : 0;
            keys.Add((distance, date, PostNaming.Key(date, end)));
        }
        if (keys.Count == 0) return "; the records folder has no records files (YYYY-MM-DD.json)";
        var nearest = keys.OrderBy(k => k.Distance).ThenBy(k => k.Date).ThenBy(k => k.Key, StringComparer.Ordinal).Take(NearestShown).Select(k => k.Key).ToList();
        if (keys.Count > NearestShown) nearest.Add(string.Create(CultureInfo.InvariantCulture, $"{keys.Count - NearestShown} more"));
        return $"; the records folder has {Join(nearest)} (nearest first)";
    }

    /// <summary>How many runs of days <see cref="Runs"/> names before it counts the days left.</summary>
    private const int NamedRuns = 10;

    /// <summary>
    /// Days (in order) as runs of days in a row: "2021-05-02, 2021-05-04 to 2021-05-09 and 2021-05-11"; past ten
    /// runs, the days left are counted. Found by a new user's trial: a range of nine years without records was
    /// one line of 3,300 dates.
    /// </summary>
    private static string Runs(IReadOnlyList<DateOnly> days)
    {
        var runs = new List<string>();
        for (var i = 0; i < days.Count;)
        {
            if (runs.Count == NamedRuns)
            {
                runs.Add(string.Create(CultureInfo.InvariantCulture, $"{days.Count - i} more day(s)"));
                break;
            }
            var last = i;
            while (last + 1 < days.Count && days[last + 1].DayNumber == days[last].DayNumber + 1) last++;
            runs.Add(last == i ? Rfc3339.FormatDate(days[i]) : $"{Rfc3339.FormatDate(days[i])} to {Rfc3339.FormatDate(days[last])}");
            i = last + 1;
        }
        return Join(runs);
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    internal static string Join(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    /// <summary>
    /// The loader's check that a file named for a day (or range) holds that day's digest; null for a file
    /// read by its path alone. Found by a new user's trial: made after the load, it was reported only once
    /// the file's other problems were mended.
    /// </summary>
    public static DaysCheck? DaysCheck(RecordsFile file) =>
        file.Date is not { } date ? null
        : (first, last) => first == date && last == file.EndDate
            ? null
            // Found by a new user's trial: a crawler range file named after its first day was told what it held, not what to call it.
            : ($"the digest of {PostNaming.Key(date, file.EndDate!.Value)}",
                $"the digest of {PostNaming.Key(first, last)} (whose records file would be named {PostNaming.RecordsFileName(first, last)})");

    public static void CheckDistinct(IEnumerable<(string File, string PostPath)> posts)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, post) in posts)
        {
            if (seen.TryGetValue(post, out var other))
                throw Problem(file, $"a digest of its own ({other} already makes {post})", "the same digest twice");
            seen[post] = file;
        }
    }

    private static InputException Problem(string file, string expected, string found) =>
        new([new InputProblem(file, InputProblem.WholeFile, expected, found)]);
}
