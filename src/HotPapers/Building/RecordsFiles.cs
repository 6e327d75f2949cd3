using HotPapers.Records;
using HotPapers.Output;

namespace HotPapers.Building;

/// <summary>A records file and the dates its name says it holds (null for a file named by the user).</summary>
internal sealed record RecordsFile(string Path, DateOnly? Date, DateOnly? EndDate);

/// <summary>Finds the records files a build asks for, and checks that each holds the digest its name says.</summary>
internal static class RecordsFiles
{
    /// <param name="skipped">For <see cref="BuildRequest.All"/>: each <c>.json</c> file of the folder that is
    /// not named as a digest's records, with why it was left out.</param>
    public static IReadOnlyList<RecordsFile> Find(string recordsPath, BuildRequest request, out IReadOnlyList<string> skipped)
    {
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
            throw Problem(recordsPath, "a records file or a folder of them", "no such file or folder");
        if (days is not var (day, until))
        {
            var list = new List<RecordsFile>();
            var others = new List<string>();
            foreach (var path in Directory.EnumerateFiles(recordsPath, "*.json").Order(StringComparer.Ordinal))
            {
                if (PostNaming.TryParseRecordsFileName(System.IO.Path.GetFileName(path), out var date, out var end))
                    list.Add(new RecordsFile(path, date, end));
                else
                    others.Add($"{path}: skipped: --all builds the files named as a day (YYYY-MM-DD.json) or a range (YYYY-MM-DD-YYYY-MM-DD.json)");
            }
            skipped = others;
            return list;
        }
        if (until < day)
            throw Problem("--until", $"a day on or after --date {Rfc3339.FormatDate(day)}", Rfc3339.FormatDate(until));
        var file = System.IO.Path.Combine(recordsPath, PostNaming.RecordsFileName(day, until));
        if (!InputFile.Exists(file, $"the records of {PostNaming.Key(day, until)}", "$"))
            throw Problem(file, $"the records of {PostNaming.Key(day, until)}", "no such file");
        return [new RecordsFile(file, day, until)];
    }

    public static void CheckDates(RecordsFile file, DigestRecords records)
    {
        if (file.Date is not { } date) return;
        if (records.Date != date || records.EndDate != file.EndDate)
            throw Problem(file.Path, $"the digest of {PostNaming.Key(date, file.EndDate!.Value)}",
                $"the digest of {PostNaming.Key(records.Date, records.EndDate)}");
    }

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
        new([new InputProblem(file, "$", expected, found)]);
}
