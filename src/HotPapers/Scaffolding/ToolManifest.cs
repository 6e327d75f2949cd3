using System.Reflection;
using System.Text.Json;

namespace HotPapers.Scaffolding;

/// <summary>
/// The local tool manifest (<c>.config/dotnet-tools.json</c>) that pins the hotpapers version a workflow runs
/// to the one that wrote it: the workflow's <c>dotnet tool restore</c> installs exactly that version, so a
/// new release never changes a repository's nightly build until <c>init --update</c> is run there.
/// </summary>
public static class ToolManifest
{
    public static readonly string FileName = Path.Combine(".config", "dotnet-tools.json");

    /// <summary>The tool's package id as <c>dotnet tool install</c> writes it in a manifest (lower case).</summary>
    public const string PackageId = "hotpapers.cli";

    /// <summary>This hotpapers' version, without the build metadata (<c>+commit</c>) a package version does not carry.</summary>
    public static string RunningVersion { get; } =
        (typeof(ToolManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
         ?? typeof(ToolManifest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0").Split('+')[0];

    /// <summary>The manifest as init writes it for <paramref name="version"/>.</summary>
    public static string Text(string version) => SiteScaffolder.Resource("dotnet-tools.json").Replace("{version}", version);

    /// <summary>
    /// The version a manifest pins, when it is exactly what init wrote for that version (so <c>--update</c>
    /// may replace it); null when it is not (the user added tools or changed it), or is not JSON.
    /// </summary>
    public static string? WrittenByInit(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Object
                && tools.TryGetProperty(PackageId, out var tool) && tool.ValueKind == JsonValueKind.Object
                && tool.TryGetProperty("version", out var version) && version.GetString() is { } v
                && Text(v) == text.Replace("\r\n", "\n"))
            {
                return v;
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }
}
