using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using HotPapers.Output;
using HotPapers.Records;
using HotPapers.Rendering;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HotPapers.Settings;

/// <summary>
/// Reads <c>hotpapers.yml</c> through YamlDotNet's representation model (no reflection, so Native AOT
/// stays clean). Scalars are typed as YAML 1.2's core schema types them, as editors checking the JSON
/// Schema do: <c>50</c> is an integer, <c>"50"</c> and <c>yes</c> are strings. Every unknown key and
/// wrong type is reported with file, line and column; paths are relative to the file's folder.
/// </summary>
public static partial class SettingsFile
{
    public const string FileName = "hotpapers.yml";

    /// <summary>
    /// What a command that needs a blog says after "found no such file or folder" when there is no settings file either:
    /// most often it was run outside the blog.
    /// </summary>
    internal static string NoneHereEither(string init = "hotpapers init") =>
        $"no {FileName} here either: run hotpapers in the blog's folder (cd there), or run {init} to set one up here";

    /// <summary>Files larger than this are refused: a settings file is a few hundred bytes.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>The built-in defaults, with paths relative to <paramref name="baseDirectory"/> ("" for the current one).</summary>
    public static BuildSettings Defaults(string baseDirectory) => BuildSettings.Default with
    {
        RecordsPath = Path.Combine(baseDirectory, BuildSettings.Default.RecordsPath),
        OutputDirectory = Path.Combine(baseDirectory, BuildSettings.Default.OutputDirectory),
        Site = SiteSettings.Default with { OutputDirectory = Path.Combine(baseDirectory, SiteSettings.Default.OutputDirectory) },
        Collect = BuildSettings.Default.Collect with { CachePath = Path.Combine(baseDirectory, CollectSettings.DefaultCachePath) },
    };

    public static BuildSettings Load(string path)
    {
        var length = InputFile.Length(path, "a settings file", "$");
        if (length > MaxFileBytes) throw Fail(path, "$", $"a settings file of at most {MaxFileBytes / 1024} KB", $"{length / 1024} KB");
        var text = TextFile.Decode(InputFile.Read(path, "a settings file", () => File.ReadAllBytes(path)), out var line)
            ?? throw Fail(path, $"line {line}", "UTF-8 text", "bytes that are not UTF-8 (save the file as UTF-8)");
        return Parse(path, text, Path.GetDirectoryName(path) ?? "") with { SourceFile = path };
    }

    /// <summary>The settings <paramref name="text"/> gives over the defaults; <paramref name="file"/> names it in messages.</summary>
    public static BuildSettings Parse(string file, string text, string baseDirectory)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (Exception error) when (YamlParse.Error(error, parser) is { } e)
        {
            throw Fail(file, YamlParse.TabAt(text, e) is { } tab ? $"line {tab.Line}, column {tab.Column}" : At(e.Start), "well-formed YAML",
                YamlParse.Reason(e) + CommentedSection(text, e));
        }
        var settings = Defaults(baseDirectory);
        if (stream.Documents.Count == 0) return settings;
        if (stream.Documents.Count > 1)
            throw Fail(file, At(stream.Documents[1].RootNode.Start), "one YAML document", $"{stream.Documents.Count} documents");
        var root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Style: ScalarStyle.Plain } s && IsNull(s.Value)) return settings;
        if (root is not YamlMappingNode mapping)
            throw Fail(file, At(root.Start), "a mapping of settings (key: value lines)", Describe(root));

        var problems = new List<InputProblem>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (Key(file, keyNode, "", problems) is not { } key) continue;
            if (SettingKeys.Sections.Contains(key))
            {
                if (value is not YamlMappingNode section)
                {
                    if (!(value is YamlScalarNode { Style: ScalarStyle.Plain } n && IsNull(n.Value)))
                        problems.Add(new(file, Where(value, key), $"a mapping of {key} settings", Describe(value)));
                    continue;
                }
                // A key by its name and by its old name is the same setting given twice.
                var given = new Dictionary<SettingKey, string>();
                foreach (var (innerKey, innerValue) in section.Children)
                {
                    if (Key(file, innerKey, key + ".", problems) is not { } inner) continue;
                    var setting = SettingKeys.Find(key + "." + inner)!;
                    if (given.TryGetValue(setting, out var first))
                    {
                        problems.Add(new(file, Where(innerKey, key + "." + inner), $"one of {setting.Name} and its old name {setting.OldName}", $"both ({key}.{first} too)"));
                        continue;
                    }
                    given[setting] = inner;
                    settings = Apply(file, setting, key + "." + inner, innerValue, baseDirectory, settings, problems);
                }
            }
            else
            {
                settings = Apply(file, SettingKeys.Find(key)!, key, value, baseDirectory, settings, problems);
            }
        }
        if (problems.Count > 0) throw new InputException(problems);
        return settings;
    }

    // The key's name when it is known in this section, else a problem and null.
    private static string? Key(string file, YamlNode node, string prefix, List<InputProblem> problems)
    {
        var known = prefix.Length == 0
            ? SettingKeys.All.Where(k => k.Section.Length == 0).Select(k => k.Name).Concat(SettingKeys.Sections).ToList()
            : SettingKeys.All.Where(k => k.Section + "." == prefix).Select(k => k.Key).ToList();
        // Old names are read, and not offered.
        var old = SettingKeys.All.Where(k => k.Section + "." == prefix && k.OldKey is not null).Select(k => k.OldKey!);
        if (node is YamlScalarNode { Value: { } name } && (known.Contains(name, StringComparer.Ordinal) || old.Contains(name, StringComparer.Ordinal))) return name;
        var found = node is YamlScalarNode { Value: { } n } ? UnknownKey(n, known) : Describe(node);
        problems.Add(new(file, Where(node, prefix + (node is YamlScalarNode { Value: { } v } ? v : "?")),
            $"one of the keys {string.Join(", ", known)}", found));
        return null;
    }

    // A typo'd key is answered as a template's misspelt member is.
    private static string UnknownKey(string name, IEnumerable<string> known) =>
        $"unknown key \"{name}\"" + (NearestName.Of(name, known) is { } nearest ? $" (did you mean \"{nearest}\"?)" : "");

    /// <param name="name">The key as the file names it (an old name, maybe).</param>
    private static BuildSettings Apply(string file, SettingKey key, string name, YamlNode node, string baseDirectory, BuildSettings settings, List<InputProblem> problems)
    {
        if (key.Type == SettingType.NetworkWeights) return Weights(file, key, node, settings, problems);
        if (key.Type == SettingType.Source) return Source(file, key, node, settings, problems);
        if (key.Type is SettingType.FileNamePattern or SettingType.DateText or SettingType.DateSlug
            && Text(node) is { } pattern && DatePattern.Unknown(pattern) is { } word)
        {
            var meant = DatePattern.WordIn(word) is { } inside && NearestName.Of(inside, ["date"]) is not null ? $" (did you mean {DatePattern.Placeholder}?)" : "";
            problems.Add(new(file, Where(node, name), $"a pattern whose only placeholder is {DatePattern.Placeholder}", $"{Describe(node)}, with {word}{meant}"));
            return settings;
        }
        var (value, expected) = Convert(key.Type, node, baseDirectory);
        if (expected is not null)
        {
            var meant = key.Type == SettingType.TimeZone && Text(node) is { } zone ? TimeZones.Meant(zone) : "";
            problems.Add(new(file, Where(node, name), expected, Describe(node) + meant));
            return settings;
        }
        return key.Set(settings, value);
    }

    // The value, or the text of what was expected.
    private static (object? Value, string? Expected) Convert(SettingType type, YamlNode node, string baseDirectory)
    {
        switch (type)
        {
            case SettingType.String or SettingType.DateText:
                return Text(node) is { } s ? (s, null) : (null, "a string");
            case SettingType.DateSlug:
                return Text(node) is { } slug && slug.Contains(DatePattern.Placeholder, StringComparison.Ordinal)
                    ? (slug, null) : (null, $"a slug with {DatePattern.Placeholder} in it (else every post has the same one)");
            case SettingType.OptionalString:
                if (node is YamlScalarNode { Style: ScalarStyle.Plain } none && IsNull(none.Value)) return (null, null);
                return Text(node) is { } o ? (o, null) : (null, "a string, or null for none");
            case SettingType.Contact:
                // Found by a new user's trial: a name such as Jörg in it failed every request (a header is ASCII),
                // each retried as if the network had failed; and a blank one said nothing.
                if (node is YamlScalarNode { Style: ScalarStyle.Plain } nobody && IsNull(nobody.Value)) return (null, null);
                return Text(node) is { } c && c.Any(ch => ch is > ' ' and <= '~') && c.All(ch => ch is >= ' ' and <= '~')
                    ? (c, null) : (null, "a contact address in printable ASCII (an email or a URL: it goes into the User-Agent header), or null for none");
            case SettingType.LanguageTag:
                return Text(node) is { } tag && SiteSettings.IsLanguageTag(tag) ? (tag, null) : (null, "a language tag such as en or pt-BR");
            case SettingType.Duration:
                return Text(node) is { } d && Durations.Parse(d) is { } span ? (span, null) : (null, Durations.Expected);
            case SettingType.FileNamePattern:
                if (Text(node) is { } own && PostNaming.IsOwnName(own))
                    return (null, $"a post file name that is not one hotpapers keeps for itself ({PostManifest.FileName}, {OutputLock.FileName}, *{PostWriter.TempSuffix})");
                // Each part a name: found by a new user's trial, "{date}/" (no file name) failed at the commit, "could not be replaced".
                return Text(node) is { } p && p.Contains(DatePattern.Placeholder, StringComparison.Ordinal) && !Path.IsPathRooted(p) && !p.StartsWith('\\')
                    && p.Split('/', '\\') is var parts && !parts.Any(part => part is "" or "..") && parts[^1] != "." && !p.Contains('\0')
                    ? (p, null) : (null, "a file name pattern with {date}, of a file inside the output folder (no .. and not rooted, no empty part: not ending in /)");
            case SettingType.Path:
                return Text(node) is { Length: > 0 } path && !path.Contains('\0') ? (Path.Combine(baseDirectory, path), null) : (null, "a path");
            case SettingType.OptionalPath:
                if (node is YamlScalarNode { Style: ScalarStyle.Plain } n && IsNull(n.Value)) return (null, null);
                return Text(node) is { Length: > 0 } optional && !optional.Contains('\0') ? (Path.Combine(baseDirectory, optional), null) : (null, "a path, or null for none");
            case SettingType.Integer:
                return node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } i } && IntegerValue(i) is { } number && number is >= 0 and <= int.MaxValue
                    ? (number, null) : (null, $"a whole number from 0 to {int.MaxValue}");
            case SettingType.Boolean:
                return node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } b } && BooleanValue(b) is { } flag
                    ? (flag, null) : (null, "true or false");
            case SettingType.StringList:
                if (node is not YamlSequenceNode list) return (null, "a list of strings");
                var items = ImmutableArray.CreateBuilder<string>();
                foreach (var item in list.Children)
                {
                    if (Text(item) is not { } t) return (null, "a list of strings");
                    items.Add(t);
                }
                return (items.ToImmutable(), null);
            case SettingType.Score:
                return node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } sc } && Number(sc) is { } score && score is >= 0 and <= int.MaxValue
                    ? (score, null) : (null, ScoreExpected);
            case SettingType.PositiveInteger:
                return node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } pi } && IntegerValue(pi) is { } positive && positive is >= 1 and <= int.MaxValue
                    ? (positive, null) : (null, $"a whole number from 1 to {int.MaxValue}");
            case SettingType.SiteEmbedMode:
                return Text(node) switch { "static" => (false, null), "live" => (true, null), _ => (null, "static or live") };
            case SettingType.BaseUrl:
                if (node is YamlScalarNode { Style: ScalarStyle.Plain } noUrl && IsNull(noUrl.Value)) return (null, null);
                return Text(node) is { } url && BaseUrls.TryParse(url, out var baseUrl)
                    ? (baseUrl, null) : (null, BaseUrls.Expected(Text(node) ?? "") + ", or null for none");
            case SettingType.EmbedMode:
                return Text(node) switch { "script" => (false, null), "static" => (true, null), _ => (null, "script or static") };
            case SettingType.Flavor:
                return Text(node) is { } f && Flavors.TryParse(f, out var flavor) ? (flavor, null) : (null, "gatsby or hugo");
            case SettingType.TimeZone:
                return Text(node) is { } z && TimeZones.TryParse(z, out var zone)
                    ? (zone, null) : (null, TimeZones.Expected);
            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    // Found by a user's trial: "a number from 0 to 2147483647" read as whole numbers only.
    private static readonly string ScoreExpected = $"a number from 0 to {int.MaxValue}, whole or decimal (12, 12.5)";

    // A problem per bad network or weight, each where it is.
    private static BuildSettings Weights(string file, SettingKey key, YamlNode node, BuildSettings settings, List<InputProblem> problems)
    {
        if (node is not YamlMappingNode mapping)
        {
            problems.Add(new(file, Where(node, key.Name), "a mapping from network names to weights", Describe(node)));
            return settings;
        }
        var weights = ImmutableSortedDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        var count = problems.Count;
        foreach (var (networkNode, weightNode) in mapping.Children)
        {
            if (networkNode is not YamlScalarNode { Value: { } name } || !Networks.TryParse(name, out _))
            {
                var found = networkNode is YamlScalarNode { Value: { } n } ? UnknownKey(n, Networks.AllNames) : Describe(networkNode);
                problems.Add(new(file, Where(networkNode, $"{key.Name}.{(networkNode as YamlScalarNode)?.Value ?? "?"}"), "one of the keys " + Networks.NameList, found));
                continue;
            }
            if (weightNode is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } w } && Number(w) is { } weight && weight >= 0 && weight <= int.MaxValue)
                weights[name] = weight;
            else
                problems.Add(new(file, Where(weightNode, $"{key.Name}.{name}"), ScoreExpected, Describe(weightNode)));
        }
        return problems.Count > count ? settings : key.Set(settings, weights.ToImmutable());
    }

    // A collect source's mapping, over its defaults: each key it takes once, each value checked where it is.
    private static BuildSettings Source(string file, SettingKey key, YamlNode node, BuildSettings settings, List<InputProblem> problems)
    {
        var source = (SourceSettings)key.Get(settings)!;
        var allowed = CollectSettings.SourceKeys(key.Key);
        if (node is not YamlMappingNode mapping)
        {
            problems.Add(new(file, Where(node, key.Name), $"a mapping of {string.Join(", ", allowed)}", Describe(node)));
            return settings;
        }
        var count = problems.Count;
        foreach (var (nameNode, valueNode) in mapping.Children)
        {
            var name = (nameNode as YamlScalarNode)?.Value;
            if (name is null || !allowed.Contains(name, StringComparer.Ordinal))
            {
                problems.Add(new(file, Where(nameNode, $"{key.Name}.{name ?? "?"}"), $"one of the keys {string.Join(", ", allowed)}",
                    name is null ? Describe(nameNode) : UnknownKey(name, allowed)));
                continue;
            }
            if (name == "enabled")
            {
                // The one rule for a boolean setting, and its words.
                var (flag, expected) = Convert(SettingType.Boolean, valueNode, "");
                if (expected is null) source = source with { Enabled = (bool)flag! };
                else problems.Add(new(file, Where(valueNode, $"{key.Name}.{name}"), expected, Describe(valueNode)));
                continue;
            }
            // A base for the API's own paths: http(s), no query or fragment, which a path put after it would break.
            if (Text(valueNode) is { } text && HttpUrl.IsHttp(text) && new Uri(text) is { Query: "", Fragment: "" } url)
                source = name == "baseUrl" ? source with { BaseUrl = url } : source with { EmbedUrl = url };
            else
                problems.Add(new(file, Where(valueNode, $"{key.Name}.{name}"), "an absolute http or https URL without query or fragment", Describe(valueNode)));
        }
        return problems.Count > count ? settings : key.Set(settings, source);
    }

    // A YAML 1.2 core integer or finite float, as a decimal.
    private static decimal? Number(string plain) =>
        IntegerValue(plain) is { } i ? i
        : FloatPattern().IsMatch(plain) && !plain.Contains("inf", StringComparison.OrdinalIgnoreCase) && !plain.Contains("nan", StringComparison.OrdinalIgnoreCase)
            && decimal.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
        : null;

    /// <summary>The string a scalar holds, when YAML's core schema reads it as a string.</summary>
    private static string? Text(YamlNode node) => node switch
    {
        YamlScalarNode { Style: not ScalarStyle.Plain, Value: { } quoted } => quoted,
        YamlScalarNode { Value: { } plain } when CoreType(plain) == "string" => plain,
        _ => null,
    };

    private static string CoreType(string plain) =>
        IsNull(plain) ? "null"
        : BooleanValue(plain) is not null ? "boolean"
        : IsInteger(plain) ? "integer"
        : FloatPattern().IsMatch(plain) ? "number"
        : "string";

    private static bool IsNull(string? plain) => plain is null or "" or "~" or "null" or "Null" or "NULL";

    private static bool? BooleanValue(string plain) => plain switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    private static bool IsInteger(string plain) => IntegerPattern().IsMatch(plain);

    // YAML 1.2 core integers: decimal, 0o octal, 0x hexadecimal; null when out of range.
    private static long? IntegerValue(string plain)
    {
        if (!IsInteger(plain)) return null;
        try
        {
            if (plain.StartsWith("0x", StringComparison.Ordinal)) return long.Parse(plain[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            if (plain.StartsWith("0o", StringComparison.Ordinal)) return System.Convert.ToInt64(plain[2..], 8);
            return long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Style: not ScalarStyle.Plain } q => $"the string {JsonChecker.Quote(q.Value ?? "")}",
        YamlScalarNode { Value: var v } => CoreType(v ?? "") switch
        {
            "null" => "null (no value)",
            "string" => $"the string {JsonChecker.Quote(v!)}",
            var type => $"{(type == "integer" ? "an" : "a")} {type} ({v})",
        },
        _ => "an alias",
    };

    private static string At(Mark mark) => $"line {mark.Line}, column {mark.Column}";

    /// <summary>
    /// Found by a new user's trial: init writes each section commented out, and a key of it uncommented alone
    /// (<c>  contact: ...</c> under <c># collect:</c>) is indented under nothing, which YAML reports in its own
    /// words. Where the line is indented and the nearest line above it that is not itself indented deeper is
    /// such a commented-out section, the message says so.
    /// </summary>
    private static string CommentedSection(string text, YamlException e)
    {
        var lines = text.Split('\n');
        var at = (int)e.Start.Line - 1;
        if (at < 0 || at >= lines.Length) return "";
        var line = lines[at].TrimEnd('\r');
        var indent = line.Length - line.TrimStart(' ').Length;
        if (indent == 0 || line.TrimStart().StartsWith('#')) return "";
        for (var above = at - 1; above >= 0; above--)
        {
            var previous = lines[above].TrimEnd('\r');
            if (previous.Trim().Length == 0) continue;
            if (CommentedKey().IsMatch(previous)) return $" (line {above + 1}, \"{previous.Trim()}\", is commented out: remove its # too)";
            if (previous.TrimStart().StartsWith('#') || previous.Length - previous.TrimStart(' ').Length >= indent) continue;
            return "";
        }
        return "";
    }

    // A section's line commented out at the start of its line: "# collect:".
    [GeneratedRegex(@"^#\s*[A-Za-z][A-Za-z0-9]*:\s*$")]
    private static partial Regex CommentedKey();

    private static string Where(YamlNode node, string key) => $"{At(node.Start)} ({key})";

    private static InputException Fail(string file, string where, string expected, string found) =>
        new([new InputProblem(file, where, expected, found)]);

    [GeneratedRegex(@"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

}
