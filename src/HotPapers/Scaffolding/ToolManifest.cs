using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using HotPapers.Output;

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

    /// <summary>A new manifest that holds hotpapers alone, as <c>dotnet new tool-manifest</c> and <c>dotnet tool install</c> would write it.</summary>
    public static string Text(string version) => Serialize(new JsonObject
    {
        ["version"] = 1,
        ["isRoot"] = true,
        ["tools"] = new JsonObject { [PackageId] = Entry(version) },
    });

    /// <summary>
    /// Pins <paramref name="version"/> in the manifest at <paramref name="path"/>: writes one, adds hotpapers
    /// to one that lacks it (keeping the other tools), and, when <paramref name="repin"/> (<c>--force</c>,
    /// <c>--update</c>), moves a pin to another version to this one.
    /// </summary>
    public static ScaffoldOutcome Pin(string path, string version, bool repin)
    {
        if (!System.IO.File.Exists(path))
        {
            if (Directory.Exists(path)) return ScaffoldOutcome.Skipped;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            PostWriter.Write(path, PostWriter.Encode(Text(version)));
            return ScaffoldOutcome.Written;
        }
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
            return ScaffoldOutcome.UpToDate;
        }
        else if (!repin)
        {
            return ScaffoldOutcome.Skipped;
        }
        else
        {
            tools[key] = Entry(version);
            outcome = ScaffoldOutcome.Updated;
        }
        PostWriter.Write(path, PostWriter.Encode(Serialize(manifest)));
        return outcome;
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
            return JsonNode.Parse(System.IO.File.ReadAllBytes(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
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
