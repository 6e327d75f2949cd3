using System.CommandLine;
using System.Globalization;
using HotPapers.Scaffolding;
using HotPapers.Settings;
using HotPapers.Site;

namespace HotPapers.Cli;

/// <summary><c>hotpapers site</c>: records in, the HTML site out.</summary>
internal static class SiteCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var config = CommandLine.ConfigOption();
        var records = CommandLine.RecordsOption();
        var output = CommandLine.OutputOption($"Folder the site is written to (default: the settings' site.output, else {SiteSettings.Default.OutputDirectory} beside {SettingsFile.FileName}).");
        var baseUrl = BaseUrlOption("The site's absolute address, for canonical links, the sitemap and the feeds (default: the settings' site.baseUrl).");
        var timezone = CommandLine.TimeZoneOption();
        var templates = CommandLine.TemplatesOption();
        var force = ForceOption();
        var prune = PruneOption();
        var command = new Command("site", "Build the HTML site (pages, feeds, sitemap) of every digest from the records.")
        {
            config, records, output, baseUrl, timezone, templates, force, prune,
        };
        command.SetAction(parse => CommandLine.Guard(stderr, () => CommandLine.Interruptible(stderr, cancellationToken =>
        {
            var settings = new SettingsOverrides
            {
                ConfigFile = parse.GetValue(config),
                TimeZone = parse.GetValue(timezone),
                RecordsPath = parse.GetValue(records),
                TemplatesDirectory = parse.GetValue(templates),
            }.Resolve();
            var result = new SiteGenerator(settings, new SiteOptions(parse.GetValue(output), parse.GetValue(baseUrl), parse.GetValue(force), parse.GetValue(prune))).Generate(cancellationToken);
            foreach (var warning in result.Warnings) stderr.WriteLine($"warning: {warning}");
            foreach (var warning in SetupWarnings.ForSite(settings)) stderr.WriteLine($"warning: {warning}");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"site: {result.Digests} digest(s), {result.Files} file(s) in {result.OutputDirectory} ({result.Files - result.Unchanged} written, {result.Unchanged} unchanged), {result.Removed} old file(s) removed"));
            return ExitCodes.Success;
        })));
        return command;
    }

    /// <summary>--force, as site and serve take it.</summary>
    internal static Option<bool> ForceOption() => new("--force")
    {
        Description = "Replace files in the output folder that hotpapers did not write (a blog's own public/ folder, say).",
    };

    /// <summary>--prune, as site and serve take it.</summary>
    internal static Option<bool> PruneOption() => new("--prune")
    {
        Description = "Remove the pages of an earlier site's digests whose records files are gone (without it, the site stops instead, "
            + "so that an empty, wrong or partial records folder costs no page).",
    };

    internal static Option<Uri?> BaseUrlOption(string description) => new("--base-url")
    {
        Description = description,
        HelpName = "URL",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (BaseUrls.TryParse(text, out var url)) return url;
            result.AddError($"--base-url expects {BaseUrls.Expected(text)}, found \"{text}\"");
            return null;
        },
    };
}
