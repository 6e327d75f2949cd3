using System.Collections.Concurrent;
using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Building;

/// <summary>
/// A records file made into its ranked digest, by the build's rules: loaded and validated, its dates
/// checked against its name, a range made of its days' files merged, and ranked (leaving out what the
/// days before showed, under <see cref="RankingSettings.RepeatAfterDays"/>). What the posts' build and
/// the HTML site both read their digests through, so that they show the same papers. Thread-safe.
/// </summary>
internal sealed class DigestSource(BuildSettings settings)
{
    private readonly RecordsLoader _loader = new(settings.TimeZone);
    private readonly Ranker _ranker = new(settings.Ranking);
    // The papers each earlier day showed, by its own ranking, for ranking.repeatAfterDays: read once per build.
    private readonly ConcurrentDictionary<DateOnly, Lazy<IReadOnlySet<string>>> _shownOn = new();

    /// <summary>The records files of <paramref name="request"/> (see <see cref="RecordsFiles.Find"/>).</summary>
    public IReadOnlyList<RecordsFile> Find(BuildRequest request, out IReadOnlyList<string> skipped, string reader = "--all") =>
        RecordsFiles.Find(settings, request, out skipped, reader);

    // Each records file ranked so far, and whether its records were already ranked (ranked: true).
    private readonly ConcurrentDictionary<string, bool> _ranked = new(StringComparer.Ordinal);

    /// <summary>The file's digest, ranked; bad records are an <see cref="InputException"/> naming them.</summary>
    public Digest Rank(RecordsFile file)
    {
        var records = Load(file);
        _ranked.TryAdd(file.Path, records.Ranked);
        return _ranker.Rank(records, ShownBefore(records));
    }

    /// <summary>
    /// Found by a new user's trial: the shipped sample day is an imported post's (ranked: true), so a
    /// ranking.minPaperScore set to try the settings changed nothing, and nothing said why. A warning when
    /// the ranking settings are not the defaults and every digest ranked so far was ranked already, so that
    /// they changed none; none where they changed some (a blog with imported old posts and new days).
    /// </summary>
    public IEnumerable<string> RankingNotApplied()
    {
        if (_ranked.IsEmpty || settings.Ranking == RankingSettings.Default || _ranked.Values.Any(ranked => !ranked)) yield break;
        var files = _ranked.Keys.Order(StringComparer.Ordinal).ToList();
        yield return $"{files[0]}: ranked: true (an imported post's papers and mentions, kept as the post showed them), "
            + (files.Count == 1 ? "so the ranking settings do not change it" : $"as are the {files.Count - 1} other records file(s) read, so the ranking settings change none of them");
    }

    /// <summary>
    /// Found by two new users' trials: a day whose records hold papers but whose digest shows none (the thresholds,
    /// the days before) was published as a post of front matter alone, exit 0, and nothing said why. Null when the
    /// digest shows a paper, or its records hold none (collect's notice says so for such a day).
    /// </summary>
    public string? NoneShown(Digest digest)
    {
        if (digest.Papers.Length > 0 || digest.Records.Papers.Length == 0) return null;
        var (repeats, below, withoutPdf) = digest.LeftOut;
        var ranking = settings.Ranking;
        var why = new List<string>();
        if (below > 0) why.Add($"{below} scored below ranking.minPaperScore ({ranking.MinPaperScore})");
        if (withoutPdf > 0) why.Add($"{withoutPdf} had no PDF link (ranking.requirePdf)");
        if (repeats > 0) why.Add($"{repeats} {(repeats == 1 ? "was" : "were")} shown in the {ranking.RepeatAfterDays} day(s) before (ranking.repeatAfterDays)");
        return $"none of its {digest.Records.Papers.Length} paper(s) is shown: {string.Join(", ", why)}";
    }

    /// <summary>
    /// Found by a new user's trial: with --records naming one file, the days before are not there to look at, so
    /// ranking.repeatAfterDays left nothing out, and nothing said so. Nothing when it applies (or is off).
    /// </summary>
    public IEnumerable<string> RepeatsNotLookedFor()
    {
        if (settings.Ranking.RepeatAfterDays > 0 && File.Exists(settings.RecordsPath))
            yield return $"{settings.RecordsPath}: one records file, not a folder, so ranking.repeatAfterDays ({settings.Ranking.RepeatAfterDays}) found no day before it to leave repeats out by";
    }

    private DigestRecords Load(RecordsFile file)
    {
        if (file.DailyPaths.Count == 0) return LoadChecked(file);
        var days = new List<(string, DigestRecords)>(file.DailyPaths.Count);
        var problems = new List<InputProblem>();
        for (var i = 0; i < file.DailyPaths.Count; i++)
        {
            var day = file.Date!.Value.AddDays(i);
            try
            {
                days.Add((file.DailyPaths[i], LoadChecked(new RecordsFile(file.DailyPaths[i], day, day))));
            }
            catch (InputException e)
            {
                problems.AddRange(e.Problems);
            }
        }
        if (problems.Count > 0) throw new InputException(problems);
        return DayMerge.Merge(file.Date!.Value, file.EndDate!.Value, days);
    }

    /// <summary>A records file, loaded, whose dates are those its name says.</summary>
    private DigestRecords LoadChecked(RecordsFile file) => _loader.Load(file.Path, RecordsFiles.DaysCheck(file));

    /// <summary>
    /// The papers a day's digest leaves out under <see cref="RankingSettings.RepeatAfterDays"/>: those each
    /// of the days before showed by its own ranking of its own records (not chained through what it left
    /// out in turn, so a day's verdict depends on those files alone). Range digests and ranked records keep all.
    /// </summary>
    private IReadOnlySet<string>? ShownBefore(DigestRecords records)
    {
        if (settings.Ranking.RepeatAfterDays <= 0 || records.Ranked || records.IsRange) return null;
        var shown = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 1; k <= settings.Ranking.RepeatAfterDays && records.Date.DayNumber - k >= DateOnly.MinValue.DayNumber; k++)
            shown.UnionWith(ShownOn(records.Date.AddDays(-k)));
        return shown;
    }

    private IReadOnlySet<string> ShownOn(DateOnly day) => _shownOn.GetOrAdd(day, d => new Lazy<IReadOnlySet<string>>(() =>
    {
        if (RecordsFiles.DailyFile(settings.RecordsPath, d) is not { } path) return new HashSet<string>();
        return _ranker.Rank(LoadChecked(new RecordsFile(path, d, d))).Papers.Select(p => p.Paper.Id.Versionless).ToHashSet(StringComparer.Ordinal);
    })).Value;
}
