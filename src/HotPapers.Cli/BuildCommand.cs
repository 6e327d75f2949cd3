using System.CommandLine;
using System.Globalization;
using HotPapers.Building;
using HotPapers.Writing;

namespace HotPapers.Cli;

/// <summary><c>hotpapers build</c>: records in, posts out.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var date = CommandLine.DateOption("--date", "The digest's day, YYYY-MM-DD.");
        var until = CommandLine.DateOption("--until", "Last day of a range digest (inclusive), YYYY-MM-DD.");
        var all = new Option<bool>("--all") { Description = "Build every digest under --records." };
        var records = new Option<string>("--records") { Description = "A records file, or a folder of YYYY-MM-DD.json files.", DefaultValueFactory = _ => BuildSettings.Default.RecordsPath };
        var output = new Option<string>("--output") { Description = "Folder the posts are written to.", DefaultValueFactory = _ => BuildSettings.Default.OutputDirectory };
        var templates = new Option<string?>("--templates") { Description = "Folder of templates that override the built-in ones by file name." };
        var check = new Option<bool>("--check") { Description = "Write nothing; list posts that are missing, would change or were edited by hand, exit 3 if any." };
        var force = new Option<bool>("--force") { Description = "Overwrite posts edited since hotpapers wrote them (or not written by hotpapers)." };
        var command = new Command("build", "Build the post of a digest from its records.") { date, until, all, records, output, templates, check, force };
        command.Validators.Add(result =>
        {
            var hasDate = result.GetValue(date) is not null;
            if (hasDate == result.GetValue(all))
                result.AddError("build needs either --date YYYY-MM-DD or --all");
            if (result.GetValue(until) is not null && !hasDate)
                result.AddError("--until goes with --date");
        });
        command.SetAction(parse =>
        {
            var settings = BuildSettings.Default with
            {
                RecordsPath = parse.GetValue(records)!,
                OutputDirectory = parse.GetValue(output)!,
                TemplatesDirectory = parse.GetValue(templates),
            };
            var request = new BuildRequest(parse.GetValue(date), parse.GetValue(until), parse.GetValue(all), parse.GetValue(check), parse.GetValue(force));
            return CommandLine.Guard(stderr, () => Report(new SiteBuilder(settings).Build(request), stdout, stderr));
        });
        return command;
    }

    private static int Report(BuildResult result, TextWriter stdout, TextWriter stderr)
    {
        foreach (var warning in result.Warnings) stderr.WriteLine($"warning: {warning}");
        foreach (var post in result.Posts.OrderBy(p => p.PostPath, StringComparer.Ordinal))
        {
            var verb = (post.Outcome, result.CheckOnly) switch
            {
                (WriteOutcome.Updated, true) when post.EditedByHand => "edited by hand (--force replaces it)",
                (WriteOutcome.Updated, false) when post.EditedByHand => "replaced edited",
                (WriteOutcome.Created, false) => "created",
                (WriteOutcome.Updated, false) => "updated",
                (WriteOutcome.Created, true) => "missing",
                (WriteOutcome.Updated, true) => "would change",
                _ => "unchanged",
            };
            if (post.Outcome != WriteOutcome.Unchanged || result.Posts.Count == 1) stdout.WriteLine($"{verb,-12} {post.PostPath}");
        }
        var changed = result.Changed.Count();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Posts.Count} post(s): {changed} {(result.CheckOnly ? "missing or out of date" : "written")}, {result.Posts.Count - changed} unchanged"));
        return result.CheckOnly && changed > 0 ? ExitCodes.CheckFoundChanges : ExitCodes.Success;
    }
}
