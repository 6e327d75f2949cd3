using HotPapers.Rendering;

namespace HotPapers.Settings;

/// <summary>
/// What the command line says: which settings file, and values that win over the file's. Paths here
/// are as the user typed them, relative to the current folder.
/// </summary>
public sealed record SettingsOverrides
{
    public string? ConfigFile { get; init; }
    public Flavor? Flavor { get; init; }
    public TimeZoneInfo? TimeZone { get; init; }
    public string? RecordsPath { get; init; }
    public string? OutputDirectory { get; init; }
    public string? TemplatesDirectory { get; init; }

    public static SettingsOverrides None { get; } = new();

    /// <summary>
    /// The build's settings: the built-in defaults, then the settings file (<see cref="ConfigFile"/>, or
    /// <c>hotpapers.yml</c> in <paramref name="directory"/> when there is one), then these values.
    /// </summary>
    public BuildSettings Resolve(string directory = "")
    {
        var found = ConfigFile ?? Path.Combine(directory, SettingsFile.FileName);
        var settings = ConfigFile is not null || InputFile.Exists(found, "a settings file", "$") ? SettingsFile.Load(found) : SettingsFile.Defaults(directory);
        return settings with
        {
            Flavor = Flavor ?? settings.Flavor,
            TimeZone = TimeZone ?? settings.TimeZone,
            RecordsPath = RecordsPath ?? settings.RecordsPath,
            OutputDirectory = OutputDirectory ?? settings.OutputDirectory,
            TemplatesDirectory = TemplatesDirectory ?? settings.TemplatesDirectory,
        };
    }
}
