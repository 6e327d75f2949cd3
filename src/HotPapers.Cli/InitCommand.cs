using System.CommandLine;
using HotPapers.Rendering;
using HotPapers.Scaffolding;

namespace HotPapers.Cli;

/// <summary><c>hotpapers init</c>: scaffolds a blog repository for nightly builds.</summary>
internal static class InitCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var flavor = CommandLine.ChoiceOption<InitFlavor>("--flavor",
            "The kind of blog (default: the one the folder holds, Hugo or Gatsby; else gatsby), or site: hotpapers' own HTML site, published with GitHub Pages.",
            InitFlavors.Names, InitFlavors.TryParse);
        var force = new Option<bool>("--force") { Description = "Replace files that exist already (otherwise they are left as they are)." };
        var templates = new Option<bool>("--templates") { Description = "Also copy the built-in templates the flavor uses (its post template, or the site's pages) into templates/, for editing, and use them." };
        var update = new Option<bool>("--update") { Description = "Bring the files init wrote (workflow, shortcode, schema, template copies) up to this version, where they are still as an earlier init wrote them, add any .gitignore line this version needs, and pin this version in .config/dotnet-tools.json." };
        var directory = new Argument<string>("DIR") { Description = "The blog repository's folder.", DefaultValueFactory = _ => "." };
        var command = new Command("init", "Write hotpapers.yml and its schema, the records folder, .gitignore lines, a nightly GitHub Actions workflow with the tool manifest pinning this version and, for Hugo, the tweet shortcode; for a site, a workflow that publishes to GitHub Pages.")
        {
            flavor, force, templates, update, directory,
        };
        CommandLine.RefuseOptionLikePaths(command, directory);
        command.Validators.Add(result =>
        {
            if (result.GetValue(update) && (result.GetValue(force) || result.GetValue(templates)))
                result.AddError($"--update cannot be used with {(result.GetValue(force) ? "--force" : "--templates")}: it replaces only files that are still as an earlier init wrote them");
        });
        command.SetAction(parse => CommandLine.Guard(stderr, () =>
        {
            var result = Scaffolder.Init(new InitRequest(parse.GetValue(directory)!, parse.GetValue(flavor), parse.GetValue(force),
                parse.GetValue(templates), parse.GetValue(update)));
            foreach (var warning in result.Warnings) stderr.WriteLine($"warning: {warning}");
            // The flavor build will use: a kept hotpapers.yml's, when it is not the one init wrote files for (the reason says so).
            var shown = result.KeptFlavor is { } kept ? Flavors.Name(kept) : InitFlavors.Name(result.Flavor);
            stdout.WriteLine($"{"flavor",-10} {shown} ({result.FlavorReason})");
            foreach (var file in result.Files)
            {
                var verb = file.Outcome switch
                {
                    ScaffoldOutcome.Written => "wrote",
                    ScaffoldOutcome.Overwritten => "overwrote",
                    ScaffoldOutcome.Extended => "extended",
                    ScaffoldOutcome.Updated => "updated",
                    ScaffoldOutcome.UpToDate => "current",
                    ScaffoldOutcome.Changed => "changed",
                    _ => "skipped",
                };
                var why = file.Outcome switch
                {
                    // Not "--force replaces it": --force replaces every file init writes, hotpapers.yml with the rest.
                    ScaffoldOutcome.Skipped => " (exists; left as it is: init --update updates the files an earlier init wrote, --force replaces it)",
                    ScaffoldOutcome.Changed => " (changed since init wrote it, so left as it is: move yours aside and run init --update for this version's)",
                    _ => "",
                };
                stdout.WriteLine($"{verb,-10} {file.Path}{why}");
            }
            foreach (var note in result.Notes)
            {
                stdout.WriteLine();
                stdout.WriteLine(note);
            }
            if (result.NextSteps.Count > 0)
            {
                stdout.WriteLine();
                stdout.WriteLine("Next steps:");
                foreach (var step in result.NextSteps) stdout.WriteLine($"  {step}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
