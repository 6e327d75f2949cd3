using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HotPapers.Scaffolding;

/// <summary>
/// The repository's local tool manifest (<c>.config/dotnet-tools.json</c>), where <c>init</c> pins the
/// hotpapers version that wrote the workflow: the workflow installs exactly that one with
/// <c>dotnet tool restore</c>, so a new release never changes what a blog's nightly run does until the
/// blog runs <c>init --update</c>, which moves the workflow and the pin together.
/// </summary>
internal static class ToolManifest
{
    public static readonly string File = Path.Combine(".config", "dotnet-tools.json");

    /// <summary>The package's id as the manifest keys it (the SDK writes ids in lower case).</summary>
    public const string PackageId = "hotpapers.cli";

    public const string Command = "hotpapers";

    /// <summary>This tool's version, as its package is numbered (the informational version without its <c>+commit</c> part).</summary>
    public static string Version { get; } = RunningVersion();

    /// <summary>Whether this build is a release, packed by the release workflow and so on nuget.org; a build from a clone is not.</summary>
    public static bool IsRelease { get; } = typeof(ToolManifest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Any(a => a.Key == "HotPapersRelease" && a.Value == "true");

    /// <summary>A new manifest that holds hotpapers alone, as <c>dotnet new tool-manifest</c> and <c>dotnet tool install</c> would write it.</summary>
    public static string Text(string version) => Serialize(new JsonObject
    {
        ["version"] = 1,
        ["isRoot"] = true,
        ["tools"] = new JsonObject { [PackageId] = Entry(version) },
    });

    /// <summary>
    /// How <paramref name="version"/> is pinned in the manifest at <paramref name="path"/>, and the manifest's
    /// new text (null: left as it is): a new one, hotpapers added to one that lacks it (keeping the other
    /// tools), and, when <paramref name="repin"/> (<c>--force</c>, <c>--update</c>), a pin to another
    /// version moved to this one. Nothing is written: init decides every file's fate before it writes one.
    /// </summary>
    public static (ScaffoldOutcome Outcome, string? Text) Pin(string path, string version, bool repin)
    {
        if (!InputFile.Exists(path, "a .NET tool manifest file (or none)", InputProblem.WholeFile)) return (ScaffoldOutcome.Written, Text(version));
        var manifest = Read(path);
        if (manifest["tools"] is not JsonObject tools)
            throw Problem(path, "$.tools", "an object with a key per tool", manifest["tools"] is null ? "no tools" : manifest["tools"]!.GetValueKind().ToString().ToLowerInvariant());
        // The SDK compares package ids without regard to case.
        var key = tools.Select(t => t.Key).FirstOrDefault(k => string.Equals(k, PackageId, StringComparison.OrdinalIgnoreCase));
        ScaffoldOutcome outcome;
        if (key is null)
        {
            tools[PackageId] = Entry(version);
            outcome = ScaffoldOutcome.Extended;
        }
        else if (tools[key] is JsonObject entry && entry["version"] is JsonValue pinned && pinned.GetValueKind() == JsonValueKind.String && pinned.GetValue<string>() == version)
        {
            return (ScaffoldOutcome.UpToDate, null);
        }
        else if (!repin)
        {
            return (ScaffoldOutcome.Skipped, null);
        }
        else
        {
            tools[key] = Entry(version);
            outcome = ScaffoldOutcome.Updated;
        }
        return (outcome, Serialize(manifest));
    }

    private static JsonObject Entry(string version) => new()
    {
        ["version"] = version,
        ["commands"] = new JsonArray(Command),
        ["rollForward"] = false,
    };

    private static JsonObject Read(string path)
    {
        try
        {
            return JsonNode.Parse(InputFile.Read(path, "a .NET tool manifest", () => System.IO.File.ReadAllBytes(path)), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw Problem(path, InputProblem.WholeFile, "a .NET tool manifest (a JSON object)", "another JSON value");
        }
        catch (JsonException e)
        {
            throw Problem(path, $"line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}", "a .NET tool manifest (JSON)", "malformed JSON");
        }
    }

    private static InputException Problem(string path, string location, string expected, string found) => new([new InputProblem(path, location, expected, found)]);

    private static string Serialize(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" })) node.WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string RunningVersion()
    {
        var version = typeof(ToolManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(ToolManifest).Assembly.GetName().Version!.ToString(3);
        var metadata = version.IndexOf('+', StringComparison.Ordinal);
        return metadata < 0 ? version : version[..metadata];
    }
}
