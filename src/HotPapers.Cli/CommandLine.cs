using System.CommandLine;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;
using HotPapers.Output;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.Safety;
using HotPapers.Settings;

namespace HotPapers.Cli;

/// <summary>The <c>hotpapers</c> command line: parsing and printing only; the work is the library's.</summary>
public static class CommandLine
{
    /// <param name="terminal">The terminal collect shows its progress on, rewriting one line; null (output redirected, or CI) for plain lines on <paramref name="stderr"/>.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextWriter? terminal = null)
    {
        stdout = new ControlEscapingWriter(stdout);
        stderr = new ControlEscapingWriter(stderr);
        var root = new RootCommand("hotpapers: a daily \"hot papers\" digest of the arXiv papers people talked about (Twitter, Bluesky, Mastodon, Hacker News, Hugging Face, Reddit), as Markdown posts for a blog or an HTML site of its own.");
        root.Subcommands.Add(BuildCommand.Create(stdout, stderr));
        root.Subcommands.Add(ImportCommand.Create(stdout, stderr));
        root.Subcommands.Add(InitCommand.Create(stdout, stderr));
        root.Subcommands.Add(SiteCommand.Create(stdout, stderr));
        root.Subcommands.Add(CollectCommand.Create(stdout, stderr, terminal is null ? new ProgressLine(null, stderr) : new ProgressLine(terminal, null)));
        root.Subcommands.Add(ServeCommand.Create(stdout, stderr));
        HelpText.AddExamplesAndExitCodes(root);
        var parsed = root.Parse(args);
        // Found by a docs audit: "hotpapers biuld --help" showed the list of commands, exit 0, and said nothing
        // of the misspelt one: --help (or --version) wins over the parse's errors. A word that is no command is
        // said. Only then: a directive ([suggest] bu, for shell completion) leaves words unmatched on purpose.
        var winners = root.Options.Where(o => o is System.CommandLine.Help.HelpOption or VersionOption).SelectMany(o => o.Aliases.Prepend(o.Name)).ToHashSet(StringComparer.Ordinal);
        var misspeltCommand = parsed.CommandResult.Command is RootCommand && parsed.UnmatchedTokens.Count > 0
            && parsed.Tokens.Any(t => t.Type == System.CommandLine.Parsing.TokenType.Option && winners.Contains(t.Value));
        if (parsed.Errors.Count > 0 || misspeltCommand)
        {
            foreach (var error in Errors(parsed)) stderr.WriteLine($"hotpapers: {error}");
            // The help of the command that was given: its options and examples, not the list of commands.
            var command = parsed.CommandResult.Command is RootCommand ? "hotpapers" : $"hotpapers {parsed.CommandResult.Command.Name}";
            stderr.WriteLine($"Run '{command} --help' for usage.");
            return ExitCodes.Usage;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>
    /// The parse's errors, with a misspelt command (<c>hotpapers biuld --date ...</c>) or option (<c>build --dtae
    /// ...</c>) said in one line with System.CommandLine's guess at the name it was meant to be. Found by a new
    /// user's trial: its errors said the command was missing, then that each word after the misspelt one was
    /// unknown, then the guess, in six lines. Those words' own "Unrecognized" errors are left out (and, for a
    /// misspelt command, the missing command); the others, which may be the user's next mistake, stay.
    /// </summary>
    private static IEnumerable<string> Errors(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        static bool IsOption(string word) => word.Length > 1 && word[0] == '-';
        List<string> misspelt = command is RootCommand ? [.. parsed.UnmatchedTokens.Take(1)] : [.. parsed.UnmatchedTokens.Where(IsOption)];
        if (misspelt.Count == 0) return parsed.Errors.Select(e => e.Message);
        var guesses = Guesses(parsed);
        // The root command is named after the process (testhost under the tests).
        var name = command is RootCommand ? "hotpapers" : command.Name;
        var said = misspelt.Select(word => (IsOption(word) ? $"{word} is not an option of {name}" : $"{(word.Length == 0 ? "\"\"" : word)} is not a command")
            + (Guess(parsed, guesses, word) is { } meant ? $" (did you mean {meant}?)" : ""));
        if (command is RootCommand) return said;
        var unrecognized = parsed.UnmatchedTokens.Select(t => $"Unrecognized command or argument '{t}'.").ToHashSet(StringComparer.Ordinal);
        return said.Concat(parsed.Errors.Select(e => e.Message).Where(m => !unrecognized.Contains(m)));
    }

    /// <summary>
    /// System.CommandLine's guess at what a word it did not know was meant to be. Where it made none, it is
    /// asked again: for a command beside --help (which left no parse error to guess in), with the word
    /// alone; for an option given with its value (<c>--dtae=2021-04-30</c>, which it compares whole and
    /// finds near nothing), with the option's name. Both found by a new user's trial and a docs audit.
    /// </summary>
    private static string? Guess(ParseResult parsed, Dictionary<string, string> guesses, string word)
    {
        // An empty word ("") is near every short name: no guess.
        if (word.Length == 0) return null;
        if (guesses.TryGetValue(word, out var meant)) return meant;
        var root = parsed.RootCommandResult.Command;
        if (word[0] != '-') return parsed.Errors.Count == 0 ? Guesses(root.Parse([word])).GetValueOrDefault(word) : null;
        // A name after the dashes: "--=x" names no option, and any guess at "--" would be a guess at nothing.
        if (word.IndexOf('=') is not (var eq and > 1) || word[..eq].TrimStart('-').Length == 0) return null;
        var named = parsed.Tokens.Select(t => t.Value == word ? word[..eq] : t.Value).ToArray();
        return Guesses(root.Parse(named)).GetValueOrDefault(word[..eq]);
    }

    /// <summary>System.CommandLine's "did you mean" for each word it did not know, as its parse error action prints them.</summary>
    private static Dictionary<string, string> Guesses(ParseResult parsed)
    {
        var guesses = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parsed.Action is not ParseErrorAction action) return guesses;
        action.ShowHelp = false;
        action.ShowTypoCorrections = true;
        var text = new StringWriter();
        parsed.Invoke(new InvocationConfiguration { Output = text, Error = TextWriter.Null });
        // "'biuld' was not matched. Did you mean one of the following?", then a guess a line: the first is the nearest.
        string? word = null;
        foreach (var line in text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.EndsWith(" was not matched. Did you mean one of the following?", StringComparison.Ordinal)) word = line[1..line.LastIndexOf('\'')];
            else if (word is not null) guesses.TryAdd(word, line);
        }
        return guesses;
    }

    /// <summary>
    /// Refuses a path argument that looks like an option: System.CommandLine takes a word it does not know
    /// for the argument, so a misspelt option (init --flavr) would otherwise become a folder of that name.
    /// </summary>
    internal static void RefuseOptionLikePaths(Command command, Argument argument) => argument.Validators.Add(result =>
    {
        foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
        {
            result.AddError($"{token.Value} is not an option of {command.Name} (its options are {string.Join(", ", command.Options.Select(o => o.Name))}); "
                + $"a path that starts with '-' is written ./{token.Value}");
        }
    });

    internal static Option<DateOnly?> DateOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Rfc3339.TryParseDate(text, out var date)) return date;
            result.AddError(Rfc3339.NoSuchDay(text) is { } why
                ? $"{name} {text}: there is no such day ({why})"
                : $"{name} expects a date as YYYY-MM-DD, found \"{text}\"");
            return null;
        },
    };

    /// <summary>The date given to <paramref name="option"/>, read from the words given: a value that does not parse has its own error, and throws when read.</summary>
    internal static DateOnly? Given(System.CommandLine.Parsing.CommandResult result, Option<DateOnly?> option) =>
        result.GetResult(option)?.Tokens is [{ Value: var text }] && Rfc3339.TryParseDate(text, out var day) ? day : null;

    internal static Option<Flavor?> FlavorOption(string description) => ChoiceOption<Flavor>("--flavor", description, Flavors.Names, Flavors.TryParse);

    internal delegate bool TryParseChoice<T>(string? text, out T value);

    /// <summary>An option that takes one of <paramref name="names"/> (build's and init's --flavor), with one message for any other word.</summary>
    internal static Option<T?> ChoiceOption<T>(string name, string description, IReadOnlyList<string> names, TryParseChoice<T> tryParse) where T : struct => new(name)
    {
        Description = description,
        HelpName = string.Join("|", names),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (tryParse(text, out var value)) return value;
            result.AddError($"{name} expects {OneOf(names)}, found \"{text}\"");
            return null;
        },
    };

    /// <summary>"a or b", "a, b or c".</summary>
    internal static string OneOf(IReadOnlyList<string> names) =>
        names.Count < 2 ? string.Join("", names) : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

    internal static Option<TimeZoneInfo?> TimeZoneOption(string description = "The site's zone (default: the settings' timezone, else UTC).") => new("--timezone")
    {
        Description = description,
        HelpName = "ZONE",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (TimeZones.TryParse(text, out var zone)) return zone;
            result.AddError($"--timezone expects {TimeZones.Expected}, found \"{text}\"{TimeZones.Meant(text)}");
            return null;
        },
    };

    /// <summary>--config, as every command that reads the settings takes it.</summary>
    internal static Option<string?> ConfigOption() =>
        PathOption("--config", $"The settings file (default: {SettingsFile.FileName} in the current folder, when there is one).", "FILE");

    /// <summary>--templates, as every command that renders takes it.</summary>
    internal static Option<string?> TemplatesOption() => PathOption("--templates", "Folder of templates that override the built-in ones by file name.", "DIR");

    /// <summary>--records, for the commands that read records: a file or a folder.</summary>
    internal static Option<string?> RecordsOption() => PathOption("--records",
        $"A records file, or a folder of YYYY-MM-DD.json files (default: the settings' records, else {BuildSettings.Default.RecordsPath}).", "PATH");

    /// <summary>--records, for the commands that write records files (collect, import): a folder.</summary>
    internal static Option<string?> RecordsFolderOption() => PathOption("--records",
        $"Folder the records files are written to (default: the settings' records, else {BuildSettings.Default.RecordsPath}).", "DIR");

    /// <summary>--output, a folder.</summary>
    internal static Option<string?> OutputOption(string description) => PathOption("--output", description, "DIR");

    // Found by a new user's trial: --records "" was taken for a path, and the error named an empty one ("error: : expected ...").
    private static Option<string?> PathOption(string name, string description, string helpName)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = helpName };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && string.IsNullOrWhiteSpace(result.Tokens[0].Value))
                result.AddError($"{name} expects a path, found \"{result.Tokens[0].Value}\"");
        });
        return option;
    }

    /// <summary>Turns the library's input errors into messages and exit code 1, never a stack trace.</summary>
    internal static int Guard(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (ErrorLines(e) is { } lines)
        {
            foreach (var line in lines) stderr.WriteLine(line);
            // Bad input is found before anything is written; an IO error is not known to have left everything as it was.
            if (e is not (IOException or UnauthorizedAccessException)) stderr.WriteLine("Nothing was written.");
            return ExitCodes.BadInput;
        }
    }

    private const string NothingWritten = "interrupted before anything was written; every file is as it was";

    /// <summary>
    /// Runs a command's work with Ctrl+C (SIGINT) and SIGTERM (a cancelled CI job) cancelling it rather than killing
    /// the process: the work stops before it commits, the files it staged are removed, and the user is told so.
    /// A second signal ends the process at once, as usual.
    /// </summary>
    /// <param name="said">The line printed when the work stops so; null when the work says it itself.</param>
    internal static int Interruptible(TextWriter stderr, Func<CancellationToken, int> work, string? said = NothingWritten)
    {
        // Not disposed: a signal handled while the registrations are being disposed may still cancel it, and a
        // source without a timer holds nothing to free.
        var cancel = new CancellationTokenSource();
        var code = ExitCodes.Interrupted;
        void Stop(PosixSignalContext context)
        {
            if (cancel.IsCancellationRequested) return;
            context.Cancel = true;
            if (context.Signal == PosixSignal.SIGTERM) code = ExitCodes.Terminated;
            cancel.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            return work(cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            if (said is not null) stderr.WriteLine($"hotpapers: {said}");
            return code;
        }
    }

    /// <summary>What the user is told of a failure caused by the input or the filesystem; null for any other (a bug).</summary>
    internal static IReadOnlyList<string>? ErrorLines(Exception e) => e switch
    {
        InputException input => [.. input.Problems.Select(p => $"error: {p}")],
        PostsEditedException edited => [.. edited.Paths.Select(p => $"error: {PostsEditedException.Describe(p)}")],
        TemplateException template => [$"error: template {template.Message}"],
        IOException or UnauthorizedAccessException => [$"error: {e.Message}"],
        _ => null,
    };
}
