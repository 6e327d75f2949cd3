using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using HotPapers.Scaffolding;
using HotPapers.Settings;
using HotPapers.Site;

namespace HotPapers.Cli;

/// <summary><c>hotpapers serve</c>: the site built, served on this machine, and rebuilt as its sources change.</summary>
internal static class ServeCommand
{
    public const int DefaultPort = 8080;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var config = CommandLine.ConfigOption();
        var records = CommandLine.RecordsOption();
        var templates = CommandLine.TemplatesOption();
        var output = CommandLine.OutputOption("Folder the site is built into and served from (default: a temporary folder, removed when serve stops).");
        var baseUrl = SiteCommand.BaseUrlOption("The address the pages' canonical links, sitemap and feeds name (default: the preview's own, http://127.0.0.1:PORT/).");
        var timezone = CommandLine.TimeZoneOption();
        var port = new Option<int>("--port")
        {
            Description = "The port on 127.0.0.1 (0 for any free one).",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultPort,
            // One message for a word that is no number and a number out of range, as every option says what it
            // expects and what it found. int.TryParse as System.CommandLine parses an int (the culture is the
            // invariant one, InvariantGlobalization).
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 65535) return number;
                result.AddError($"--port expects a number from 0 to 65535, found \"{text}\"");
                return 0;
            },
        };
        var force = SiteCommand.ForceOption();
        var prune = SiteCommand.PruneOption();
        var command = new Command("serve", "Build the HTML site, serve it on this machine, and rebuild it when the records, templates or settings change.")
        {
            config, records, templates, output, baseUrl, timezone, port, force, prune,
        };
        command.SetAction(async (parse, token) =>
        {
            SitePreview? preview = null;
            var overrides = new SettingsOverrides
            {
                ConfigFile = parse.GetValue(config),
                TimeZone = parse.GetValue(timezone),
                RecordsPath = parse.GetValue(records),
                TemplatesDirectory = parse.GetValue(templates),
            };
            var code = CommandLine.Guard(stderr, () =>
            {
                try
                {
                    preview = SitePreview.Start(overrides, new SiteOptions(parse.GetValue(output), parse.GetValue(baseUrl), parse.GetValue(force), parse.GetValue(prune)), parse.GetValue(port));
                }
                catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
                {
                    stderr.WriteLine($"error: port {parse.GetValue(port)} on 127.0.0.1 is in use: pass --port with another (0 for any free one)");
                    return ExitCodes.BadInput;
                }
                return ExitCodes.Success;
            });
            if (preview is null) return code;
            using (preview)
            {
                // Ctrl+C and SIGTERM stop the wait, not the process: the server stops and its folder is removed first.
                // Taken before the address is printed: a Ctrl+C the moment it shows (CI's test sends one at once)
                // otherwise ended the process by the signal, exit 130, its folder left behind.
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
                using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
                using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
                void Stop(PosixSignalContext context)
                {
                    context.Cancel = true;
                    stop.Cancel();
                }
                Report(preview.First, stdout, stderr);
                // As site warns (files an earlier init wrote), once: the settings the first build read, where it read them.
                if (preview.First.Result is not null) WarnAboutSetup(overrides, stderr);
                preview.Rebuilt += build => Report(build, stdout, stderr);
                stdout.WriteLine($"Serving {preview.Folder} at {preview.Address}");
                stdout.WriteLine(Watching(preview.Watched));
                stdout.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
            stdout.WriteLine("Stopped.");
            // The folder is left as the preview built it: a site to publish is built with its own address.
            if (preview.LeavesPreviewLinks)
                stdout.WriteLine($"{preview.Folder} keeps the preview's pages, whose canonical links, sitemap and feeds name {preview.Address}: "
                    + $"run hotpapers site --output {preview.Folder} before publishing them.");
            stdout.Flush();
            return ExitCodes.Success;
        });
        return command;
    }

    // Found by review: site said it, serve did not. Settings changed since the first build read them are that build's to
    // report, not this warning's.
    private static void WarnAboutSetup(SettingsOverrides overrides, TextWriter stderr)
    {
        try
        {
            foreach (var warning in SetupWarnings.ForSite(overrides.Resolve())) stderr.WriteLine($"warning: {warning}");
        }
        catch (InputException)
        {
        }
    }

    private static string Watching(IEnumerable<string> paths) => $"Watching {string.Join(", ", paths)}; Ctrl+C stops.";

    private static void Report(PreviewBuild build, TextWriter stdout, TextWriter stderr)
    {
        var at = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        lock (stdout)
        {
            if (build.Result is { } result)
            {
                foreach (var warning in result.Warnings) stderr.WriteLine($"warning: {warning}");
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{at} build {build.Number}: {result.Digests} digest(s), {result.Files} file(s)"));
            }
            else
            {
                foreach (var line in CommandLine.ErrorLines(build.Error!) ?? [$"error: {build.Error!.GetType().Name}: {build.Error.Message}"]) stderr.WriteLine(line);
                stderr.WriteLine($"{at} build {build.Number} failed: still serving the last good build");
            }
            // What the settings name since this build (a templates folder added to hotpapers.yml), said as at the start.
            if (build.NewlyWatched.Count > 0) stdout.WriteLine(Watching(build.NewlyWatched));
            stdout.Flush();
            stderr.Flush();
        }
    }
}
