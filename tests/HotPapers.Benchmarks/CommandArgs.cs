using System.Globalization;

namespace HotPapers.Benchmarks;

/// <summary><c>--name value</c> pairs of one subcommand; a name not in its list is an error, not ignored.</summary>
internal sealed class CommandArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public CommandArgs(IReadOnlyList<string> args, params string[] names)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=');
            var (name, value) = eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, i + 1 < args.Count ? args[++i] : null);
            if (!name.StartsWith("--", StringComparison.Ordinal) || !names.Contains(name[2..]))
                throw new UsageException($"unknown argument '{arg}' (expected {string.Join(", ", names.Select(n => "--" + n))})");
            _values[name[2..]] = value ?? throw new UsageException($"{name} needs a value");
        }
    }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) => Value(name) ?? throw new UsageException($"--{name} is required");

    public int Int(string name, int fallback) => Value(name) is { } s ? ParseInt(name, s) : fallback;

    public DateOnly Date(string name, DateOnly fallback) =>
        Value(name) is not { } s ? fallback
        : DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new UsageException($"--{name} needs a date as YYYY-MM-DD, not '{s}'");

    public IReadOnlyList<string> List(string name, string fallback) =>
        (Value(name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static int ParseInt(string name, string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw new UsageException($"--{name} needs a whole number above 0, not '{s}'");
}
