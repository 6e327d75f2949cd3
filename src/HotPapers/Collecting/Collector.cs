using System.Collections.Immutable;
using HotPapers.Output;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Collecting;

/// <summary>
/// <c>hotpapers collect</c>: for each day, every enabled source's mentions, merged per paper, the papers'
/// metadata from arXiv, written as the day's <c>hotpapers-records/2</c> file when it is complete. A source
/// that fails costs only itself; a day none could be collected for is not written at all.
/// </summary>
public static class Collector
{
    /// <param name="collected">Hears each day as soon as it is done (a backfill's failures are then seen as they come), before the report.</param>
    /// <param name="cancellationToken">Stops the run (Ctrl+C): the days written so far stay, and <see cref="CollectReport.StoppedAt"/> names the day it stopped at.</param>
    public static CollectReport Run(BuildSettings settings, CollectRequest request, Action<string> progress, Action<CollectedDay>? collected = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(settings, request, new CollectEnvironment(TimeProvider.System, Environment.GetEnvironmentVariable), progress, collected, cancellationToken)
            .GetAwaiter().GetResult();

    /// <summary>What the records path must be, as every refusal of it says.</summary>
    private const string RecordsFolder = "a folder for the day's records files (YYYY-MM-DD.json)";

    internal static async Task<CollectReport> RunAsync(BuildSettings settings, CollectRequest request, CollectEnvironment environment, Action<string> progress,
        Action<CollectedDay>? collected, CancellationToken cancellationToken)
    {
        var recordsPath = settings.RecordsPath;
        // A file there, or in its path, is refused as the build refuses one where its posts go.
        OutputFolder.Check(recordsPath, RecordsFolder);
        if (NotOver(request, settings.TimeZone, environment.Time.GetUtcNow()) is { } problem) throw new InputException([problem]);
        // Without a settings file the records folder is the default one, relative to where the user is: most often,
        // collect was run outside the blog, and would fill a folder no build reads (as build says, it says so).
        if (settings.SourceFile is null && !Directory.Exists(recordsPath))
            throw new InputException([new InputProblem(recordsPath, InputProblem.WholeFile, RecordsFolder, $"no such folder, and {SettingsFile.NoneHereEither()}")]);
        // Before any request: a folder that cannot be made, or written into, would otherwise cost every day of a
        // backfill its collection.
        OutputFolder.Ready(recordsPath, RecordsFolder);
        var collect = settings.Collect;
        // One collect at a time per cache: the runs share its answers and the pacing it keeps (two at once would
        // each ask arXiv every 3 seconds). Offline writes nothing there, and a cache it replays may be read-only.
        using var held = request.Offline ? null : OutputLock.Acquire(collect.CachePath, "collect");
        // arXiv asks API clients to say how to reach whoever runs them; offline, nothing is asked.
        var warnings = new List<string>();
        if (collect.Contact is null && !request.Offline)
            warnings.Add($"collect.contact is not set{(settings.SourceFile is { } file ? " in " + file : "")}: arXiv asks that a client's User-Agent give a contact address; set it to yours");
        var dates = Dates(request, recordsPath, settings.TimeZone, warnings);
        // Every progress line names the day it is for, and in a backfill how far the run is: a terminal shows the last line only.
        var count = dates.Count;
        var current = "";
        void Progress(string line) => progress($"{current}: {line}");
        using var session = new FetchSession(new ResponseCache(collect.CachePath), environment.Time, request.Offline, collect.CacheMaxAge, collect.Contact, Progress,
            freshSince: request.Refresh ? environment.Time.GetUtcNow() : null);
        var sources = MentionSources.FromSettings(collect, environment.Variables);
        // One fetcher per source for the whole run: its pacing holds from one day to the next.
        var fetchers = sources.ToDictionary(s => s.Name, s => new HttpFetcher(session, s.Name, s.Pacing), StringComparer.Ordinal);
        var arxiv = new HttpFetcher(session, ArxivMetadata.Name, ArxivMetadata.Pacing);
        var days = new List<CollectedDay>();
        foreach (var date in dates)
        {
            var day = Day(date, settings.TimeZone);
            current = Rfc3339.FormatDate(date) + (count > 1 ? $" (day {days.Count + 1} of {count})" : "");
            try
            {
                days.Add(await CollectDayAsync(day, request.Offline ? session.Cache : null, settings, sources, fetchers, arxiv, environment, Progress, cancellationToken).ConfigureAwait(false));
                collected?.Invoke(days[^1]);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // A day is written whole once collected, so the ones before this are done: they are reported, not lost.
                return new CollectReport(days) { StoppedAt = date, Warnings = warnings };
            }
        }
        return new CollectReport(days) { Warnings = warnings };
    }

    /// <summary>
    /// The days a run collects, in order: every day of the request; with <see cref="CollectRequest.CatchUp"/>, its last
    /// day, each day before it whose file names networks that did not answer (<see cref="DigestRecords.Unanswered"/>),
    /// and each whose file the folder does not have, after the first day it has one of.
    /// </summary>
    /// <param name="unread">Hears, for each day file of the week that does not load, why catch-up left it alone.</param>
    internal static List<DateOnly> Dates(CollectRequest request, string recordsPath, TimeZoneInfo zone, List<string>? unread = null)
    {
        var days = Enumerable.Range(0, request.Last.DayNumber - request.First.DayNumber + 1).Select(request.First.AddDays);
        if (!request.CatchUp) return [.. days];
        var held = PostNaming.DaysIn(recordsPath).ToHashSet();
        if (held.Count == 0) return [request.Last];
        var since = held.Min();
        return [.. days.Where(d => d == request.Last || (held.Contains(d) ? HasUnanswered(Path.Combine(recordsPath, PostNaming.RecordsFileName(d, d)), zone, unread) : d > since))];
    }

    /// <summary>
    /// Whether the day file at <paramref name="path"/> names networks that did not answer when it was written. One that
    /// does not load is not collected again (collect would refuse to replace it), and <paramref name="unread"/> hears
    /// why: found by a new user's trial, a typo in <c>unanswered</c> silently ended the day's catching up.
    /// </summary>
    private static bool HasUnanswered(string path, TimeZoneInfo zone, List<string>? unread)
    {
        try
        {
            return new RecordsLoader(zone).Load(path).Unanswered.Length > 0;
        }
        catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException)
        {
            var why = e is InputException { Problems: [var first, ..] problems }
                ? $"{first}{(problems.Count > 1 ? $" (and {problems.Count - 1} more problem(s))" : "")}"
                : $"{path}: {e.Message}";
            unread?.Add($"--catch-up did not look into a file of its week that does not load: {why}. Fix it (build lists every problem), or delete it to collect the day anew");
            return false;
        }
    }

    /// <summary>
    /// A day of the request that has not ended yet in the zone: its talk is still going on, so its records
    /// would be partial, dated as if complete, and a nightly build would publish them so. The problem names the
    /// option as given (--date, or --until when the range runs past today), with its value.
    /// </summary>
    internal static InputProblem? NotOver(CollectRequest request, TimeZoneInfo zone, DateTimeOffset now)
    {
        var open = request.First;
        // A day after today in UTC has not ended in any zone (and 9999-12-31 has no midnight after it to reckon).
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        while (open <= request.Last && open <= today && Day(open, zone).End <= now) open = open.AddDays(1);
        if (open > request.Last) return null;
        var there = Rfc3339.ToSecond(TimeZoneInfo.ConvertTime(now, zone));
        return new InputProblem(open == request.First ? "--date" : "--until", InputProblem.WholeFile,
            $"a day that has ended in {zone.Id} (it is {Rfc3339.Format(there)} there now; --yesterday collects the last day that has)",
            Rfc3339.FormatDate(open == request.First ? request.First : request.Last));
    }

    /// <summary>The day from midnight to midnight in <paramref name="zone"/> (a midnight that a clock change skips is the first instant after it).</summary>
    internal static CollectDay Day(DateOnly date, TimeZoneInfo zone) => new(date, Midnight(date, zone), Midnight(date.AddDays(1), zone));

    private static DateTimeOffset Midnight(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <remarks>
    /// A day that has a file keeps its <c>collectedAt</c>, the post's date, and each paper collected now gets a time of
    /// its own: found in review, a source down for a week had catch-up collect up to seven days again every night, each
    /// moved to the top of the blog by its new date; found by a user's trial, a day collected again by hand (as the
    /// workflow's warning says to) or a second run of a night moved its post the same way.
    /// </remarks>
    private static async Task<CollectedDay> CollectDayAsync(CollectDay day, ResponseCache? offlineCache, BuildSettings settings, ImmutableArray<IMentionSource> sources,
        Dictionary<string, HttpFetcher> fetchers, HttpFetcher arxiv, CollectEnvironment environment, Action<string> progress, CancellationToken cancellationToken)
    {
        var failures = new List<SourceFailure>();
        var notices = new List<string>();
        // The file the day has is looked at before any source is asked: one collect may not replace (it does not
        // load, or it is an imported post's) stays as it is, and the networks are not asked for nothing.
        var path = Path.Combine(settings.RecordsPath, PostNaming.RecordsFileName(day.Date, day.Date));
        DigestRecords? existing;
        try
        {
            existing = Existing(path, settings.TimeZone);
        }
        catch (InputException e)
        {
            return new CollectedDay(day.Date, CollectOutcome.Failed, null, null, 0, 0, failures, notices, string.Join('\n', e.Problems)) { FileRefused = true };
        }
        if (existing is { Unanswered.Length: > 0 })
            notices.Add($"{path}: the file names {string.Join(" and ", existing.Unanswered.Select(n => n.Name()))} as not having answered when it was written");
        // arXiv given up on earlier in this run (every try refused, or let run out its time): without it the day cannot
        // be written, so the networks are not asked for it (found by a user's trial: with arXiv down, a backfill asked
        // every network on every day for records it could not write).
        if (arxiv.GivenUp(settings.Collect.Arxiv.BaseUrl) is { } gone)
        {
            failures.Add(new SourceFailure(ArxivMetadata.Name, settings.Collect.Arxiv.BaseUrl.AbsoluteUri, $"not asked: {gone}; collect the day again later"));
            notices.Add("no other source was asked: without arXiv the day's records cannot be written");
            return new CollectedDay(day.Date, CollectOutcome.Failed, null, null, 0, 0, failures, notices) { WithoutMetadata = true };
        }
        var found = new List<FoundMention>();
        // The sources that answered this time: the day's file keeps the mentions of every other network.
        var answered = new HashSet<string>(StringComparer.Ordinal);
        // Those skipped because the day is out of their search's reach: they will never answer for it.
        var unreachable = new HashSet<string>(StringComparer.Ordinal);
        var asked = 0;
        var latest = (DateTimeOffset?)null;
        foreach (var source in sources)
        {
            // Offline, a source's answers come from the cache and need no login (none is ever asked for), so a source
            // the cache holds answers of is asked without its credentials: a replay without the secrets in its
            // environment writes the same file the online run did. One the cache holds nothing of was skipped online too.
            var outOfReach = OutOfReach(source, day, environment.Time.GetUtcNow());
            if ((source.SkipReason ?? outOfReach) is { } why && offlineCache?.Holds(source.Name) != true)
            {
                if (source.SkipReason is null) unreachable.Add(source.Name);
                notices.Add($"{source.Name}: skipped: {why}");
                continue;
            }
            asked++;
            // Offline nothing is asked: found by a user, whose replay said "asking" and made them wonder whether it went online.
            progress(offlineCache is null ? $"asking {source.Name}" : $"replaying {source.Name} from the cache");
            var given = fetchers[source.Name].Given;
            try
            {
                var mentions = await source.CollectAsync(day, fetchers[source.Name], cancellationToken).ConfigureAwait(false);
                found.AddRange(mentions);
                answered.Add(source.Name);
                progress($"{source.Name}: {mentions.Length} mention(s)");
            }
            catch (SourceException e) when (outOfReach is not null && e.NotInCache && fetchers[source.Name].Given == given)
            {
                // Offline, a day out of the source's reach now whose first request the cache does not hold: skipped by
                // the same rule as online, the day's age against the clock. An online run now would skip it, and one
                // that did not (the day in reach then) left its answer in the cache, which is replayed instead. Found by
                // a user's trial: the cache held the source's answers of other days, so it was asked, failed "not in
                // the cache", and the day's file gained its name in unanswered, exit 4.
                asked--;
                unreachable.Add(source.Name);
                notices.Add($"{source.Name}: skipped: {outOfReach}");
            }
            catch (SourceException e)
            {
                failures.Add(new SourceFailure(e.SourceName, e.Url?.AbsoluteUri, e.What));
                if (e.Url is { } url) fetchers[source.Name].Reject(url);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A source's own mistake still costs only that source; its message says what it was.
                failures.Add(new SourceFailure(source.Name, null, e.Message));
            }
            notices.AddRange(fetchers[source.Name].TakeNotices().Select(n => $"{source.Name}: {n}"));
            if (fetchers[source.Name].LatestFetch is { } at && (latest is null || at > latest)) latest = at;
        }
        if (asked == 0 || failures.Count == asked)
        {
            notices.Add(asked == 0 ? "no source could be asked (each is disabled or skipped): nothing was written" : "no source answered: nothing was written");
            return new CollectedDay(day.Date, CollectOutcome.Failed, null, null, 0, 0, failures, notices);
        }

        var byPaper = Merge(found);
        IReadOnlyDictionary<string, ArxivPaper> metadata;
        try
        {
            if (byPaper.Count > 0)
                progress(offlineCache is null ? $"asking arxiv for {byPaper.Count} paper(s)" : $"replaying arxiv for {byPaper.Count} paper(s) from the cache");
            metadata = byPaper.Count == 0 ? new Dictionary<string, ArxivPaper>()
                : await ArxivMetadata.FetchAsync([.. byPaper.Keys.Select(k => new ArxivId(k))], settings.Collect.Arxiv.BaseUrl, arxiv, cancellationToken).ConfigureAwait(false);
        }
        catch (SourceException e)
        {
            // Without titles and abstracts there are no records to write, only made-up ones.
            failures.Add(new SourceFailure(e.SourceName, e.Url?.AbsoluteUri, e.What));
            if (e.Url is { } url) arxiv.Reject(url);
            return new CollectedDay(day.Date, CollectOutcome.Failed, null, null, 0, 0, failures, notices) { WithoutMetadata = true };
        }

        var papers = ImmutableArray.CreateBuilder<PaperRecord>();
        foreach (var (id, mentions) in byPaper)
        {
            if (metadata.TryGetValue(id, out var paper))
            {
                papers.Add(new PaperRecord(paper.Id, paper.Title, paper.Authors, paper.Abstract, paper.Categories, paper.AbsUrl, paper.PdfUrl, null, [], mentions));
            }
            else if (existing?.Papers.FirstOrDefault(p => p.Id.Versionless == id) is { } held)
            {
                // arXiv keeps every paper it had (a withdrawn one too), so an answer without a paper it gave the file's
                // metadata for is arXiv's slip (busy, it answers part of a batch), not news: the paper stays, with the
                // file's metadata and this run's mentions. Found by a user's trial: such answers emptied a day's file.
                notices.Add($"{id}: arXiv's answer did not have this paper this time; kept its metadata from {path}, with this run's {mentions.Length} mention(s)");
                papers.Add(held with { CollectedAt = null, Totals = [], Mentions = mentions });
            }
            else
            {
                notices.Add($"{id}: arXiv's answer does not have this paper (an id arXiv does not know, or a busy arXiv's answer cut short: --refresh asks again); its {mentions.Length} mention(s) ({string.Join(", ", mentions.Select(m => m.Url).Take(3))}{(mentions.Length > 3 ? ", ..." : "")}) were dropped");
            }
        }

        // When the counts were read: the latest answer the sources got (from the cache, its own time), so an offline replay writes the same file.
        // In whole seconds, as the records and the posts' date: lines have always had it (2021-05-01T18:50:48+09:00).
        var collectedAt = Rfc3339.ToSecond(TimeZoneInfo.ConvertTime(latest ?? environment.Time.GetUtcNow(), settings.TimeZone));
        // A day that has a file keeps its time, the post's date (see remarks), and each paper collected now says this
        // run's; a paper kept whole from the file keeps its own (WithUnaskedMentions).
        var records = new DigestRecords(day.Date, day.Date, existing?.CollectedAt ?? collectedAt, false,
            existing is null ? papers.ToImmutable() : [.. papers.Select(p => p with { CollectedAt = collectedAt })], PostOverrides.None, RecordsFormat.Records)
        {
            Unanswered = Unanswered(failures, existing, sources, answered, unreachable),
        };
        WriteOutcome written;
        try
        {
            (written, records) = Write(path, records, existing, answered);
        }
        catch (Exception e) when (WriteProblem(settings.RecordsPath, path, e) is { } problem)
        {
            // The day was collected: what failed is the write, which the report names as such.
            return new CollectedDay(day.Date, CollectOutcome.Failed, null, null, 0, 0, failures, notices, string.Join("; ", problem.Problems));
        }
        // This run's mentions are all of networks that answered: any other the records hold came from the file.
        var carried = records.Papers.SelectMany(p => p.Mentions).Where(m => !answered.Contains(m.Network.Name()))
            .GroupBy(m => m.Network).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        if (carried.Count > 0)
        {
            var names = carried.Keys.Select(n => n.Name()).ToList();
            // A source that failed may answer later; one skipped says why with its own notice (no login, a day out of its reach).
            var failed = names.Where(n => failures.Any(f => f.Source == n)).ToList();
            notices.Add($"{path}: kept the file's {string.Join(", ", carried.Select(c => $"{c.Value} {c.Key.Name()}"))} mention(s), which this run did not get"
                + (failed.Count > 0 ? $" (collect the day again once {string.Join(" and ", failed.Select(f => f + "'s"))} {(failed.Count == 1 ? "error" : "errors")} above {(failed.Count == 1 ? "is" : "are")} gone)" : ""));
        }
        if (records.Papers.Length == 0) notices.Add("no mention of any paper: the records have no papers, and the day's digest shows none (a post of front matter only; a site page without papers)");
        return new CollectedDay(day.Date, failures.Count > 0 ? CollectOutcome.Partial : CollectOutcome.Complete, path, written,
            records.Papers.Length, records.Papers.Sum(p => p.Mentions.Length), failures, notices)
        {
            Unanswered = [.. records.Unanswered.Select(n => n.Name())],
        };
    }

    /// <summary>
    /// The networks the day's file names as not answered, for <c>--catch-up</c> to ask again: each source that failed
    /// this run, and each the file named before that this run did not get an answer of (skipped, or replayed offline
    /// without it), unless it never will: a source turned off is not asked again, and a search that no longer reaches
    /// back to the day (<paramref name="unreachable"/>) cannot answer for it.
    /// </summary>
    private static ImmutableArray<Network> Unanswered(List<SourceFailure> failures, DigestRecords? existing, ImmutableArray<IMentionSource> sources,
        HashSet<string> answered, HashSet<string> unreachable)
    {
        var names = failures.Select(f => f.Source).ToHashSet(StringComparer.Ordinal);
        foreach (var network in existing?.Unanswered ?? [])
        {
            var name = network.Name();
            if (!answered.Contains(name) && !unreachable.Contains(name) && sources.Any(s => s.Name == name)) names.Add(name);
        }
        return [.. Networks.All.Where(n => names.Contains(n.Name()))];
    }

    /// <summary>
    /// Whose a failed write of the day's file is to fix (<see cref="OutputFolder.WriteRefusal"/>). Null for what is no such failure.
    /// </summary>
    private static InputException? WriteProblem(string folder, string path, Exception e) =>
        OutputFolder.WriteRefusal(folder, e, found => new InputProblem(path, InputProblem.WholeFile, "a records file hotpapers may replace", found));

    private const string DayFile = "the day's records file (or none)";

    /// <summary>
    /// How long before a day's start leaves a source's reach it is skipped: its requests are sent after this
    /// check (after other sources', and after waits for their rate limits), and a search asked for a start
    /// a second out of reach is refused (X answers 400).
    /// </summary>
    internal static readonly TimeSpan ReachMargin = TimeSpan.FromMinutes(10);

    /// <summary>Why a source whose search does not reach back to <paramref name="day"/> is skipped; null when it reaches it.</summary>
    internal static string? OutOfReach(IMentionSource source, CollectDay day, DateTimeOffset now)
    {
        if (source.Reach is not { } reach || day.Start >= now - reach + ReachMargin) return null;
        var reaches = $"its search reaches back {reach.TotalDays:0} days only";
        return day.Start < now - reach
            ? $"{reaches}, and this day began more than {(int)(now - day.Start).TotalDays} days ago"
            : $"{reaches}, and this day's start leaves it in less than {ReachMargin.TotalMinutes:0} minutes";
    }

    /// <summary>
    /// The mentions per paper (by id without version, so abs, pdf and v2 links are one paper), each mention
    /// once (by network and URL; the latest read wins), papers by id and mentions by network then URL, so
    /// the same answers always give the same file.
    /// </summary>
    internal static SortedDictionary<string, ImmutableArray<MentionRecord>> Merge(IEnumerable<FoundMention> found)
    {
        var byPaper = new SortedDictionary<string, Dictionary<(Network, string), FoundMention>>(StringComparer.Ordinal);
        foreach (var f in found)
        {
            var id = f.Paper.Versionless;
            if (!byPaper.TryGetValue(id, out var mentions)) byPaper[id] = mentions = [];
            var key = (f.Mention.Network, f.Mention.Url);
            if (!mentions.TryGetValue(key, out var other) || f.ReadAt > other.ReadAt) mentions[key] = f;
        }
        var result = new SortedDictionary<string, ImmutableArray<MentionRecord>>(StringComparer.Ordinal);
        foreach (var (id, mentions) in byPaper)
            result[id] = [.. InRecordsOrder(mentions.Values.Select(m => m.Mention))];
        return result;
    }

    /// <summary>A paper's mentions as a records file lists them: by network, then URL.</summary>
    private static IEnumerable<MentionRecord> InRecordsOrder(IEnumerable<MentionRecord> mentions) =>
        mentions.OrderBy(m => m.Network).ThenBy(m => m.Url, StringComparer.Ordinal);

    /// <summary>
    /// The records the day's file holds; null when there is none. A file that does not load is not replaced: it
    /// may hold mentions no source gives again (a network since closed to the day, one skipped this time), and its
    /// problems are the same ones build lists. Nor is an imported post's: a post holds only what it showed.
    /// </summary>
    private static DigestRecords? Existing(string path, TimeZoneInfo zone)
    {
        if (!InputFile.Exists(path, DayFile, InputProblem.WholeFile)) return null;
        DigestRecords existing;
        try
        {
            existing = new RecordsLoader(zone).Load(path);
        }
        catch (InputException e)
        {
            // Found by a new user's trial: a file with a misspelt key was replaced by what this run got, and the
            // Hacker News mentions it held were lost while Hacker News was down.
            throw new InputException([.. e.Problems, new InputProblem(path, InputProblem.WholeFile, "a records file collect can read, so as to keep what it holds",
                "the problems above: fix them (build lists the same), or delete the file to collect the day anew")]);
        }
        catch (IOException e)
        {
            // There but not readable (no permission is the loader's problem above): the file's to fix, not the folder's.
            throw new InputException([new InputProblem(path, InputProblem.WholeFile, DayFile, OutputFolder.Refusing(e, "read it")!)]);
        }
        if (existing.Ranked)
            throw new InputException([new InputProblem(path, InputProblem.WholeFile, "the day's own records, or none (collect leaves an imported post's records as they are)", "an imported post's records (ranked: true)")]);
        return existing;
    }

    /// <summary>
    /// Writes the day's file atomically (<see cref="PostWriter"/>), unless it holds the same papers, mentions and
    /// counts already: then it is left as it is, its collectedAt too. The mentions the file holds of networks
    /// no source <paramref name="answered"/> this time (one failed or was skipped, is off, or there is none)
    /// stay in it, with their papers: a rerun replaces what it asked, and keeps what it could not ask.
    /// </summary>
    /// <param name="existing">What the file held when the day's collection began (<see cref="Existing"/>); null for none.</param>
    /// <returns>What was written, and the records as written.</returns>
    private static (WriteOutcome, DigestRecords) Write(string path, DigestRecords records, DigestRecords? existing, HashSet<string> answered)
    {
        if (existing is not null)
        {
            records = WithEmbedsKept(WithUnaskedMentions(records, existing, answered), existing);
            // The same papers, mentions and counts, in any order and either version of the format: found by a new user's
            // trial, a version 1 file collected again with nothing new was rewritten as version 2, in collect's order and
            // with this run's collectedAt, and its post then moved to the day of the run.
            // Nor are the papers' own times (a day collected again keeps its date, and gives its papers this run's).
            if (InOrder(records).SequenceEqual(InOrder(existing)))
                return (WriteOutcome.Unchanged, records);
        }
        return (PostWriter.Write(path, RecordsWriter.Write(WithPaperTimes(records), version2: true)), records);
    }

    /// <summary>Records as collect writes them, papers by id and each paper's mentions by network then URL, without the papers' times: for comparing.</summary>
    private static byte[] InOrder(DigestRecords records) => RecordsWriter.Write(records with
    {
        Papers = [.. records.Papers.OrderBy(p => p.Id.Versionless, StringComparer.Ordinal).Select(p => p with { CollectedAt = null, Mentions = [.. InRecordsOrder(p.Mentions)] })],
    }, version2: true);

    /// <summary>
    /// <paramref name="records"/> without the papers' own times where they are the file's: a paper kept whole
    /// from the file has the time its counts were read then, which a file collected again at another time
    /// says for that paper alone, and a file written at that same time (left as it was) need not say twice.
    /// </summary>
    private static DigestRecords WithPaperTimes(DigestRecords records) =>
        records.Papers.Any(p => p.CollectedAt == records.CollectedAt)
            ? records with { Papers = [.. records.Papers.Select(p => p.CollectedAt == records.CollectedAt ? p with { CollectedAt = null } : p)] }
            : records;

    /// <summary>
    /// <paramref name="records"/> with the mentions <paramref name="existing"/> holds of networks not
    /// <paramref name="answered"/> this time, each with its paper: a
    /// paper of both has this run's metadata and both's mentions, in <see cref="Merge"/>'s order; a paper of the
    /// file alone keeps the time its counts were read.
    /// </summary>
    private static DigestRecords WithUnaskedMentions(DigestRecords records, DigestRecords existing, HashSet<string> answered)
    {
        var papers = new SortedDictionary<string, PaperRecord>(StringComparer.Ordinal);
        foreach (var paper in records.Papers) papers[paper.Id.Versionless] = paper;
        var any = false;
        foreach (var paper in existing.Papers)
        {
            var kept = paper.Mentions.Where(m => !answered.Contains(m.Network.Name())).ToList();
            if (kept.Count == 0) continue;
            any = true;
            var id = paper.Id.Versionless;
            // A paper of both has this run's time: a paper has one, and most of its counts are fresh.
            papers[id] = papers.TryGetValue(id, out var fresh)
                ? fresh with { Mentions = [.. InRecordsOrder(fresh.Mentions.Concat(kept))] }
                : paper with { Mentions = [.. kept], CollectedAt = paper.CollectedAt ?? existing.CollectedAt };
        }
        return any ? records with { Papers = [.. papers.Values] } : records;
    }

    /// <summary>
    /// <paramref name="records"/> with each mention that came without an embed given the one <paramref name="existing"/>
    /// holds for the same post: an embed server that did not answer this run (down, or given up after three
    /// failures) does not take the embeds an earlier run got. The search found the post again, so it is still there.
    /// </summary>
    private static DigestRecords WithEmbedsKept(DigestRecords records, DigestRecords existing)
    {
        var held = new Dictionary<(Network, string), string>();
        foreach (var mention in existing.Papers.SelectMany(p => p.Mentions))
        {
            if (mention.EmbedHtml is { } html) held.TryAdd((mention.Network, mention.Url), html);
        }
        if (held.Count == 0) return records;
        return records with
        {
            Papers = [.. records.Papers.Select(p => p with
            {
                Mentions = [.. p.Mentions.Select(m => m.EmbedHtml is null && held.TryGetValue((m.Network, m.Url), out var html) ? m with { EmbedHtml = html } : m)],
            })],
        };
    }
}

/// <summary>What a run depends on, given by the tests: the clock and the environment variables.</summary>
internal sealed record CollectEnvironment(TimeProvider Time, Func<string, string?> Variables);
