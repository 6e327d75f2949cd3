using System.CommandLine;
using HotPapers.Importing;
using HotPapers.Settings;
using HotPapers.Output;

namespace HotPapers.Cli;

/// <summary><c>hotpapers import</c>: old posts in, records out.</summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Old posts, or folders of them (their *.md files).", Arity = ArgumentArity.OneOrMore };
        var records = CommandLine.RecordsFolderOption();
        var zone = CommandLine.TimeZoneOption("Zone the old posts' times were written in (default: the settings' timezone, else UTC).");
        var config = CommandLine.ConfigOption();
        var force = new Option<bool>("--force") { Description = "Replace records files that differ, where an earlier import made them (ranked: true)." };
        var strict = new Option<bool>("--strict") { Description = "A post that would not build back byte for byte is an error, not a warning." };
        var skipForeign = new Option<bool>("--skip-foreign") { Description = "Skip, and list, files that are no digest at all (no digest title or slug), instead of failing on them." };
        var command = new Command("import", "Turn digest posts (the old generator's, or hotpapers' own) back into records.") { paths, records, zone, config, force, strict, skipForeign };
        CommandLine.RefuseOptionLikePaths(command, paths);
        command.SetAction(parse => CommandLine.Guard(stderr, () =>
        {
            // The settings file gives the defaults; the options win, as for build.
            var settings = new SettingsOverrides
            {
                ConfigFile = parse.GetValue(config),
                TimeZone = parse.GetValue(zone),
                RecordsPath = parse.GetValue(records),
            }.Resolve();
            var request = new ImportRequest(parse.GetValue(paths)!, settings.RecordsPath, settings.TimeZone, parse.GetValue(force), parse.GetValue(strict),
                parse.GetValue(skipForeign), (settings.OutputDirectory, settings.FileNamePattern), settings.FrontMatter);
            return Report(ImportRun.Run(request), stdout, stderr);
        }));
        return command;
    }

    private static int Report(IReadOnlyList<ImportFileResult> results, TextWriter stdout, TextWriter stderr)
    {
        foreach (var result in results)
        {
            if (result.Skipped)
            {
                stdout.WriteLine($"{"skipped",-12} {result.File} (not a digest: no digest title or slug)");
                continue;
            }
            if (result.BuiltFrom is { } from)
            {
                stdout.WriteLine($"{"skipped",-12} {result.File} (build made it from {from}, which stay as they are)");
                continue;
            }
            foreach (var fix in result.Post?.Repairs ?? []) stdout.WriteLine($"repaired     {result.File}: {fix}");
            foreach (var note in result.Post?.Notes ?? []) stderr.WriteLine($"warning: {result.File}: {note}");
            if (result.Failed)
            {
                foreach (var problem in result.Problems) stderr.WriteLine($"error: {problem}");
                stderr.WriteLine($"Nothing was written for {result.File}.");
                continue;
            }
            if (result.Post?.Difference is { } d) stderr.WriteLine($"warning: {result.File}: {d}");
            if (result.Renamed is { } renamed) stderr.WriteLine($"warning: {result.File}: {renamed}");
            var verb = result.Outcome switch { WriteOutcome.Created => "created", WriteOutcome.Updated => "replaced", _ => "unchanged" };
            stdout.WriteLine($"{verb,-12} {result.RecordsPath} (from {result.File})");
        }
        var failed = results.Count(r => r.Failed);
        var skipped = results.Count(r => r.Skipped);
        var built = results.Count(r => r.BuiltFrom is not null);
        var warned = results.Count(r => !r.Failed && r.Post?.Difference is not null);
        var foreign = results.Count(r => r.Foreign);
        if (foreign > 0)
            stderr.WriteLine($"hint: {foreign} failed file(s) are no digest at all (no digest title or slug), such as a blog's other pages; "
                + "--skip-foreign lists such files as skipped and leaves them alone");
        stdout.WriteLine($"{results.Count - skipped} post(s): {results.Count - failed - skipped - built} imported ({warned} would not build back byte for byte), {failed} failed"
            + (built > 0 ? $", {built} left alone (build made them from the records folder's own records)" : "")
            + (skipped > 0 ? $"; {skipped} file(s) skipped, not digests" : ""));
        return failed > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
