using System.CommandLine;
using HotPapers.Building;
using HotPapers.Collecting;
using HotPapers.Output;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Cli;

/// <summary><c>hotpapers collect</c>: the day's records from arXiv and the networks.</summary>
internal static class CollectCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, ProgressLine progress)
    {
        var date = CommandLine.DateOption("--date", "The day to collect, YYYY-MM-DD, in the settings' timezone.");
        var until = CommandLine.DateOption("--until", "With --date: the last day to collect (inclusive), one records file per day, for a first backfill.");
        var yesterday = new Option<bool>("--yesterday") { Description = "Collect yesterday, yesterday in the settings' timezone (for nightly runs)." };
        var catchUp = new Option<bool>("--catch-up")
        {
            Description = $"Also collect the days of the {CollectRequest.CatchUpDays} before it that have no records file yet (a night that did not run, or failed; after the first day that has one), or whose file names a source that did not answer; for nightly runs.",
        };
        var records = CommandLine.RecordsFolderOption();
        var offline = new Option<bool>("--offline") { Description = "Ask no network: answer from the cache alone (an earlier collect's answers), to rebuild the same records." };
        var refresh = new Option<bool>("--refresh") { Description = "Ask the networks and arXiv again even where the cache has answers younger than collect.cacheMaxAge (for fresh counts, or arXiv's metadata where it answered part of what it was asked)." };
        var config = CommandLine.ConfigOption();
        var timezone = CommandLine.TimeZoneOption("The site's zone, where the days begin and end (default: the settings' timezone, else UTC).");
        var command = new Command("collect", "Collect a day's records: the papers the networks mentioned, with their arXiv metadata and the mentions' counts.")
        {
            date, until, yesterday, catchUp, records, offline, refresh, config, timezone,
        };
        command.Validators.Add(result =>
        {
            var hasDate = result.GetResult(date) is not null;
            var hasYesterday = result.GetValue(yesterday);
            if (hasDate == hasYesterday)
                result.AddError(hasDate ? "--date and --yesterday cannot be used together: collect takes one of them" : "collect needs one of --date YYYY-MM-DD or --yesterday");
            if (result.GetValue(offline) && result.GetValue(refresh))
                result.AddError("--offline and --refresh cannot be used together: --offline answers from the cache alone, --refresh asks the networks past it");
            if (result.GetResult(until) is not null && !hasDate)
                result.AddError("--until goes with --date");
            else if (result.GetValue(catchUp) && result.GetResult(until) is not null)
                result.AddError("--catch-up and --until cannot be used together: --catch-up looks back from one day, --until collects every day of a range");
            else if (CommandLine.Given(result, date) is { } first && CommandLine.Given(result, until) is { } last)
            {
                if (last < first) result.AddError(BuildRequest.Range.Backwards(first, last));
                else if (last.DayNumber - first.DayNumber >= CollectRequest.MaxDays) result.AddError($"--date {Rfc3339.FormatDate(first)} --until {Rfc3339.FormatDate(last)} is {last.DayNumber - first.DayNumber + 1} days; collect takes at most {CollectRequest.MaxDays} at a time");
            }
        });
        command.SetAction(parse => CommandLine.Guard(stderr, () => CommandLine.Interruptible(stderr, cancellationToken =>
        {
            var settings = new SettingsOverrides
            {
                ConfigFile = parse.GetValue(config),
                TimeZone = parse.GetValue(timezone),
                RecordsPath = parse.GetValue(records),
            }.Resolve();
            var first = parse.GetValue(yesterday) ? BuildRequest.Yesterday(DateTimeOffset.UtcNow, settings.TimeZone).Date : parse.GetValue(date)!.Value;
            var last = parse.GetValue(until) ?? first;
            var request = parse.GetValue(catchUp) ? CollectRequest.CatchingUp(first, parse.GetValue(offline), parse.GetValue(refresh))
                : new CollectRequest(first, last, parse.GetValue(offline), parse.GetValue(refresh));
            // Each day is said as it is done: a backfill's failures are seen as they come, not at its end.
            var report = Collector.Run(settings, request, progress.Show, day =>
            {
                progress.Clear();
                ReportDay(day, stdout, stderr);
            }, cancellationToken);
            progress.Clear();
            var code = Report(report, stdout, stderr);
            if (report.StoppedAt is not { } stopped) return code;
            var rest = stopped < last ? $"it and the days after it, to {Rfc3339.FormatDate(last)}, were" : "it was";
            stderr.WriteLine($"hotpapers: interrupted while collecting {Rfc3339.FormatDate(stopped)}: {rest} not collected{(report.Days.Count > 0 ? "; the days above are as listed" : "")}");
            throw new OperationCanceledException(cancellationToken);
        }, said: null)));
        return command;
    }

    private static void ReportDay(CollectedDay day, TextWriter stdout, TextWriter stderr)
    {
        var date = Rfc3339.FormatDate(day.Date);
        foreach (var failure in day.Failures) stderr.WriteLine($"error: {date}: {failure}");
        foreach (var problem in day.WriteError?.Split('\n') ?? []) stderr.WriteLine($"error: {date}: {problem}");
        foreach (var notice in day.Notices) stderr.WriteLine($"notice: {date}: {notice}");
        if (day.RecordsPath is { } path)
        {
            var verb = day.Written switch { WriteOutcome.Created => "created", WriteOutcome.Updated => "updated", _ => "unchanged" };
            var sources = day.Failures.Select(f => f.Source).Distinct().ToList();
            // A source the file still names that did not fail this run was not asked (skipped): found by a new user's
            // trial, such a day said nothing of it. Before "failed", which the nightly workflow finds at the line's end.
            var still = day.StillUnanswered;
            // Not "without" them: the file keeps what it held of them (the day's notice says how much).
            var suffix = (still.Count > 0 ? $"; {string.Join(" and ", still)} still unanswered" : "")
                + (day.Outcome == CollectOutcome.Partial ? $"; {string.Join(" and ", sources)} failed" : "");
            stdout.WriteLine($"{verb,-12} {path} ({day.Papers} paper(s), {day.Mentions} mention(s){suffix})");
        }
        else if (day.WriteError is not null)
        {
            stdout.WriteLine($"{"not written",-12} {date}: " + (day.FileRefused
                ? "its records file is not one collect may replace (the error above says why), so no source was asked"
                : "collected, but its records file could not be written"));
        }
        else
        {
            stdout.WriteLine($"{"not written",-12} {date}: {(day.WithoutMetadata ? "arXiv gave no metadata for the papers mentioned" : "nothing could be collected")}");
        }
        stdout.Flush();
        stderr.Flush();
    }

    // After the days, each said as it was done: the run's warnings and the count.
    private static int Report(CollectReport report, TextWriter stdout, TextWriter stderr)
    {
        foreach (var warning in report.Warnings) stderr.WriteLine($"warning: {warning}");
        var failed = report.Days.Count(d => d.Outcome == CollectOutcome.Failed);
        var partial = report.Days.Count(d => d.Outcome == CollectOutcome.Partial);
        stdout.WriteLine($"{report.Days.Count} day(s): {report.Days.Count - failed - partial} complete, {partial} partial (some sources failed), {failed} not written");
        return report.Outcome switch
        {
            CollectOutcome.Complete => ExitCodes.Success,
            CollectOutcome.Partial => ExitCodes.PartialCollection,
            _ => ExitCodes.BadInput,
        };
    }
}
