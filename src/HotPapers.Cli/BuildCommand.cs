using System.CommandLine;
using System.Globalization;
using System.Text;
using HotPapers.Building;
using HotPapers.Records;
using HotPapers.Settings;
using HotPapers.Output;
using HotPapers.Scaffolding;

namespace HotPapers.Cli;

/// <summary><c>hotpapers build</c>: records in, posts out.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var date = CommandLine.DateOption("--date", "The digest's day, YYYY-MM-DD.");
        var until = CommandLine.DateOption("--until", "Last day of a range digest (inclusive), YYYY-MM-DD.");
        var yesterday = new Option<bool>("--yesterday") { Description = "Build yesterday's digest, yesterday in the settings' timezone (for nightly runs)." };
        var all = new Option<bool>("--all") { Description = "Build every digest under --records." };
        var week = new Option<bool>("--week") { Description = "With --date or --yesterday: one digest of the seven days ending on that day, from their daily records files when there is no file of the range." };
        var config = CommandLine.ConfigOption();
        var flavor = CommandLine.FlavorOption("The kind of blog the posts are for (default: the settings' flavor, else gatsby).");
        var timezone = CommandLine.TimeZoneOption();
        var records = CommandLine.RecordsOption();
        var output = CommandLine.OutputOption($"Folder the posts are written to (default: the settings' output, else {BuildSettings.Default.OutputDirectory}).");
        var templates = CommandLine.TemplatesOption();
        var check = new Option<bool>("--check") { Description = "Write nothing; list posts that are missing, would change or were edited by hand (with --all, also those of an earlier fileName), exit 3 if any." };
        var force = new Option<bool>("--force") { Description = "Overwrite posts edited since hotpapers wrote them (or not written by hotpapers)." };
        var prune = new Option<bool>("--prune") { Description = "With --all: delete the posts of an earlier fileName, whose digests it writes under the current one, each as hotpapers wrote it." };
        // Scripts written for the build cache of earlier versions pass it; every build now reads every digest it covers.
        var noCache = new Option<bool>("--no-cache") { Description = "Accepted for compatibility; has no effect (there is no build cache any more)." };
        var command = new Command("build", "Build the post of a digest from its records.")
        {
            date, until, week, yesterday, all, config, flavor, timezone, records, output, templates, check, force, prune, noCache,
        };
        command.Validators.Add(result =>
        {
            // GetResult, not GetValue: reading the value of a date that did not parse throws, and its
            // own error is already reported.
            var chosen = new List<string>();
            if (result.GetResult(date) is not null) chosen.Add("--date");
            if (result.GetValue(yesterday)) chosen.Add("--yesterday");
            if (result.GetValue(all)) chosen.Add("--all");
            // Found by a new user's trial: a single records file given alone was refused without a word of how to build it.
            if (chosen.Count == 0)
                result.AddError("build needs one of --date YYYY-MM-DD, --yesterday or --all"
                    + (result.GetValue(records) is { } named && File.Exists(named) ? " (--all with --records naming one file builds that file, whatever its day)" : ""));
            else if (chosen.Count > 1)
                result.AddError($"{string.Join(", ", chosen[..^1])} and {chosen[^1]} cannot be used together: build takes one of --date YYYY-MM-DD, --yesterday or --all");
            if (result.GetResult(until) is not null && !chosen.Contains("--date"))
                result.AddError("--until goes with --date");
            // Read from the words given: a value that does not parse has its own error, and throws when read.
            else if (CommandLine.Given(result, date) is { } first && CommandLine.Given(result, until) is { } last && last < first)
                result.AddError(BuildRequest.Range.Backwards(first, last));
            if (result.GetValue(prune) && !chosen.Contains("--all"))
                result.AddError("--prune goes with --all: it deletes the posts of an earlier fileName, whose digests it writes under the current one");
            if (result.GetValue(week))
            {
                if (result.GetResult(until) is not null) result.AddError("--week and --until cannot be used together: --week is the seven days ending on --date (or yesterday)");
                else if (chosen.Count == 1 && chosen[0] == "--all") result.AddError("--week goes with --date or --yesterday, not --all");
                else if (chosen.Count == 0) result.AddError("--week goes with --date YYYY-MM-DD or --yesterday");
            }
        });
        command.SetAction(parse => CommandLine.Guard(stderr, () => CommandLine.Interruptible(stderr, cancellationToken =>
        {
            var settings = new SettingsOverrides
            {
                ConfigFile = parse.GetValue(config),
                Flavor = parse.GetValue(flavor),
                TimeZone = parse.GetValue(timezone),
                RecordsPath = parse.GetValue(records),
                OutputDirectory = parse.GetValue(output),
                TemplatesDirectory = parse.GetValue(templates),
            }.Resolve();
            // The validator above lets exactly one of --date (with or without --until or --week), --yesterday
            // (with or without --week) and --all through.
            var day = parse.GetValue(yesterday) ? BuildRequest.Yesterday(DateTimeOffset.UtcNow, settings.TimeZone).Date : parse.GetValue(date);
            BuildRequest request = parse.GetValue(all) ? new BuildRequest.All { Prune = parse.GetValue(prune) }
                : parse.GetValue(week) ? BuildRequest.Week(day!.Value)
                : parse.GetValue(until) is { } last ? new BuildRequest.Range(day!.Value, last)
                : new BuildRequest.Day(day!.Value);
            request = request with { CheckOnly = parse.GetValue(check), Force = parse.GetValue(force) };
            var result = new PostBuilder(settings).Build(request, cancellationToken);
            foreach (var warning in SetupWarnings.ForBuild(settings, request.CheckOnly)) stderr.WriteLine($"warning: {warning}");
            return Report(result, request is BuildRequest.All { Prune: true }, stdout, stderr);
        })));
        return command;
    }

    private static int Report(BuildResult result, bool prune, TextWriter stdout, TextWriter stderr)
    {
        foreach (var warning in result.Warnings) stderr.WriteLine($"warning: {warning}");
        // One write for the whole list: the console writes each line at once, a syscall per post.
        var lines = new StringBuilder();
        foreach (var post in result.Posts.OrderBy(p => p.PostPath, StringComparer.Ordinal))
        {
            var verb = (post.Outcome, result.CheckOnly) switch
            {
                (WriteOutcome.Updated, true) when post.NotWrittenByHotpapers => "not written by hotpapers (--force replaces it)",
                (WriteOutcome.Updated, true) when post.EditedByHand => "edited by hand (--force replaces it)",
                (WriteOutcome.Updated, false) when post.NotWrittenByHotpapers => "replaced",
                (WriteOutcome.Updated, false) when post.EditedByHand => "replaced edited",
                (WriteOutcome.Created, false) => "created",
                (WriteOutcome.Updated, false) => "updated",
                (WriteOutcome.Created, true) => "missing",
                (WriteOutcome.Updated, true) => "would change",
                _ => "unchanged",
            };
            if (post.Outcome != WriteOutcome.Unchanged || result.Posts.Count == 1) lines.Append($"{verb,-12} {post.PostPath}").Append(stdout.NewLine);
        }
        // --check lists the posts no records file makes now as stale (--prune deletes them), with --prune as what it would delete.
        var (label, count) = (result.CheckOnly, prune) switch
        {
            (true, true) => ("would delete", "to delete"),
            (true, false) => ("stale", "stale (build --all --prune deletes them)"),
            _ => ("deleted", "deleted"),
        };
        foreach (var pruned in result.Pruned) lines.Append($"{label,-12} {pruned}").Append(stdout.NewLine);
        var changed = result.Changed.Count();
        // --check counts the posts edited by hand apart: they are not out of date, and a build refuses them without
        // --force. Those hotpapers never wrote (an old generator's) apart again: nobody edited them.
        var edited = result.CheckOnly ? result.Posts.Count(p => p.Outcome == WriteOutcome.Updated && p.EditedByHand && !p.NotWrittenByHotpapers) : 0;
        var foreign = result.CheckOnly ? result.Posts.Count(p => p.Outcome == WriteOutcome.Updated && p.NotWrittenByHotpapers) : 0;
        lines.Append(CultureInfo.InvariantCulture,
            $"{result.Posts.Count} post(s): {changed - edited - foreign} {(result.CheckOnly ? "missing or out of date" : "written")}, ")
            .Append(edited > 0 ? $"{edited} edited by hand, " : "")
            .Append(foreign > 0 ? $"{foreign} not written by hotpapers, " : "")
            .Append(CultureInfo.InvariantCulture, $"{result.Posts.Count - changed} unchanged")
            .Append(result.Pruned.Count > 0 ? $"; {result.Pruned.Count} {count}" : "").Append(stdout.NewLine);
        stdout.Write(lines.ToString());
        return result.FoundChanges ? ExitCodes.CheckFoundChanges : ExitCodes.Success;
    }
}
