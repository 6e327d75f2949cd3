using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace HotPapers.Cli;

/// <summary>What <c>--help</c> shows after System.CommandLine's own help: examples and exit codes, per command.</summary>
internal static class HelpText
{
    private static readonly Dictionary<string, string[]> Examples = new(StringComparer.Ordinal)
    {
        ["hotpapers"] =
        [
            "hotpapers init                                  set up the blog in this folder",
            "hotpapers build --date 2021-04-30               build that day's digest",
            "hotpapers collect --yesterday                   collect yesterday's records (arXiv, Hugging Face, Hacker News, ...)",
            "hotpapers build --yesterday                     what the nightly workflow runs",
            "hotpapers site --base-url https://me.github.io/papers/",
            "                                                the HTML site of every digest, into public/",
        ],
        ["collect"] =
        [
            "hotpapers collect --yesterday --catch-up        what the nightly workflow runs, before build: yesterday,",
            "                                                and any day of the week before it that has no records file",
            "                                                yet, or whose file names a source that did not answer",
            "hotpapers collect --date 2021-04-30             that day's records, content/records/2021-04-30.json",
            "hotpapers collect --date 2021-04-01 --until 2021-04-30",
            "                                                a first backfill, one records file per day",
            "hotpapers collect --date 2021-04-30 --offline   the same file again from the cache, asking no network",
        ],
        ["build"] =
        [
            "hotpapers build --date 2021-04-30               one day, from content/records/2021-04-30.json",
            "hotpapers build --date 2021-05-01 --until 2021-05-07",
            "                                                one digest of those days (a range file, or the daily ones)",
            "hotpapers build --week --yesterday              the seven days ending yesterday, as one digest",
            "hotpapers build --all --check                   list the posts that are missing or out of date",
        ],
        ["site"] =
        [
            "hotpapers site                                  every digest's pages, into public/ beside hotpapers.yml",
            "hotpapers site --base-url https://me.github.io/papers/ --output _site",
            "                                                with canonical links, sitemap and feeds, for GitHub Pages",
        ],
        ["serve"] =
        [
            "hotpapers serve                                 the site at http://127.0.0.1:8080/, rebuilt as you edit",
            "hotpapers serve --port 0 --templates templates  any free port; your templates over the built-in ones",
        ],
        ["import"] =
        [
            "hotpapers import content/posts --skip-foreign   every old post back into records, passing over the",
            "                                                blog's other pages (an about page); their times are",
            "                                                read in the settings' timezone",
            "hotpapers import content/posts/2021-04-30---Hot-Papers.md --force",
            "                                                an imported day's post edited since, back into its records",
        ],
        ["init"] =
        [
            "hotpapers init                                  this folder; the flavor is the blog's (Hugo or Gatsby)",
            "hotpapers init my-blog --flavor hugo",
            "hotpapers init papers --flavor site             hotpapers' own HTML site, published nightly with GitHub Pages",
            "hotpapers init --templates                      also copy the flavor's built-in templates into templates/",
            "hotpapers init --update                         bring the workflow, shortcode, schema and unchanged template",
            "                                                copies up to this version",
        ],
    };

    private const string Interrupted = "130  stopped by Ctrl+C before writing anything (143: by SIGTERM)";

    private static readonly Dictionary<string, string[]> ExitCodeLines = new(StringComparer.Ordinal)
    {
        ["hotpapers"] = ["0  success", "1  bad input (records, settings, templates, files): the message says where", "2  usage error", "3  build --check found posts missing, out of date or stale",
            "4  collect: some sources failed, or some days of several were not written; the records hold what was collected",
            "130  stopped by Ctrl+C (143: by SIGTERM): build and site wrote nothing; collect kept the days it had written"],
        ["collect"] = ["0  every source asked answered (one skipped, without its credentials or out of its reach, says so)", "1  no day was written (no source answered, arXiv did not, or its file could not be written), a day asked for has not ended yet, or the settings or the records folder are wrong", "2  usage error",
            "4  some sources failed, or some days of several were not written: the records hold what was collected, and each failure is listed",
            "130  stopped by Ctrl+C (143: by SIGTERM): the days listed were written, the day it stopped at and those after it were not"],
        ["build"] = ["0  success", "1  bad input (records, settings, templates, a post edited by hand): every problem listed, nothing written", "2  usage error", "3  --check found posts missing, out of date or stale (--all)", Interrupted],
        ["site"] = ["0  success", "1  bad input (records, settings, templates), or records lacking digests whose pages the site there has (--prune removes those): every problem listed, the output folder left as it was", "2  usage error", Interrupted],
        ["serve"] = ["0  stopped with Ctrl+C", "1  the first build failed (bad records, settings, templates), or the port is in use", "2  usage error"],
        ["import"] = ["0  every post imported", "1  a post could not be imported (the others were), or the settings or the records folder are wrong (nothing was)", "2  usage error"],
        ["init"] = ["0  success", "1  a folder that cannot be written, a folder inside a blog (without --flavor), or a broken hotpapers.yml (--update)", "2  usage error"],
    };

    public static void AddExamplesAndExitCodes(RootCommand root)
    {
        foreach (var option in root.Options.OfType<HelpOption>())
        {
            if (option.Action is HelpAction standard) option.Action = new WithExamples(standard);
        }
    }

    private sealed class WithExamples(HelpAction standard) : SynchronousCommandLineAction
    {
        // As the standard help: asking for help is no usage error, whatever else the line lacks.
        public override bool ClearsParseErrors => standard.ClearsParseErrors;

        public override int Invoke(ParseResult parseResult)
        {
            var code = standard.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            var command = parseResult.CommandResult.Command;
            var name = command is RootCommand ? "hotpapers" : command.Name;
            if (Examples.TryGetValue(name, out var examples)) Section(output, "Examples:", examples);
            if (ExitCodeLines.TryGetValue(name, out var codes)) Section(output, "Exit codes:", codes);
            return code;
        }

        private static void Section(TextWriter output, string title, IEnumerable<string> lines)
        {
            output.WriteLine(title);
            foreach (var line in lines) output.WriteLine("  " + line);
            output.WriteLine();
        }
    }
}
