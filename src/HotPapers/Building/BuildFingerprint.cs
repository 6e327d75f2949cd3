using System.Security.Cryptography;
using System.Text;

namespace HotPapers.Building;

/// <summary>
/// Everything besides a records file that decides its post's bytes: this build of hotpapers and of the
/// libraries it renders with (module ids change with any change to the code or the built-in
/// templates), the settings, and the text of every template in the user's templates folder. Two
/// builds with the same fingerprint render the same records into the same bytes.
/// </summary>
public static class BuildFingerprint
{
    public static string Of(BuildSettings settings)
    {
        var text = new StringBuilder();
        // This library's and those of the libraries and runtime that shape a post: a patch release of one
        // of them may keep its assembly version and still render differently.
        foreach (var type in (ReadOnlySpan<Type>)[typeof(BuildFingerprint), typeof(Scriban.Template), typeof(Markdig.Markdown),
            typeof(YamlDotNet.Serialization.ISerializer), typeof(AngleSharp.Html.Parser.HtmlParser), typeof(object), typeof(Uri),
            typeof(System.Text.Json.JsonDocument)])
            text.AppendLine(type.Assembly.ManifestModule.ModuleVersionId.ToString());
        text
            .AppendLine(settings.Flavor.ToString())
            .AppendLine(settings.TimeZone.Id)
            .AppendLine(settings.Ranking.ToString())
            .AppendLine(settings.FrontMatter.ToString())
            .AppendLine(string.Join('\u001f', settings.FrontMatter.Tags))
            .AppendLine(settings.FileNamePattern);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
        if (settings.TemplatesDirectory is { } templates && Directory.Exists(templates))
        {
            foreach (var file in Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"\n{Path.GetRelativePath(templates, file)}\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
