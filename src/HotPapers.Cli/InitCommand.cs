using System.CommandLine;
using HotPapers.Rendering;
using HotPapers.Scaffolding;

namespace HotPapers.Cli;

/// <summary><c>hotpapers init</c>: scaffolds a blog repository for nightly builds.</summary>
internal static class InitCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var flavor = CommandLine.FlavorOption("The kind of blog (default: gatsby).");
        var force = new Option<bool>("--force") { Description = "Replace files that exist already (otherwise they are left as they are)." };
        var directory = new Argument<string>("DIR") { Description = "The blog repository's folder.", DefaultValueFactory = _ => "." };
        var command = new Command("init", "Write hotpapers.yml, content/records/, a nightly GitHub Actions workflow and, for Hugo, the tweet shortcode.")
        {
            flavor, force, directory,
        };
        command.SetAction(parse => CommandLine.Guard(stderr, () =>
        {
            var files = SiteScaffolder.Scaffold(parse.GetValue(directory)!, parse.GetValue(flavor) ?? Flavor.Gatsby, parse.GetValue(force));
            foreach (var file in files)
            {
                var verb = file.Outcome switch
                {
                    ScaffoldOutcome.Written => "wrote",
                    ScaffoldOutcome.Overwritten => "overwrote",
                    _ => "skipped",
                };
                stdout.WriteLine($"{verb,-10} {file.Path}{(file.Outcome == ScaffoldOutcome.Skipped ? " (exists; --force replaces it)" : "")}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
