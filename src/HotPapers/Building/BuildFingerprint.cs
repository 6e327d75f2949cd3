using System.Security.Cryptography;
using System.Text;

namespace HotPapers.Building;

/// <summary>
/// Everything besides a records file that decides its post's bytes: this build of hotpapers (its
/// module id changes with any change to the code or the built-in templates), the settings, and the
/// text of every template in the user's templates folder. Two builds with the same fingerprint render
/// the same records into the same bytes.
/// </summary>
public static class BuildFingerprint
{
    public static string Of(BuildSettings settings)
    {
        var text = new StringBuilder()
            .AppendLine(typeof(BuildFingerprint).Assembly.ManifestModule.ModuleVersionId.ToString())
            .AppendLine(settings.Flavor.ToString())
            .AppendLine(settings.TimeZone.Id)
            .AppendLine(settings.Ranking.ToString())
            .AppendLine(settings.FrontMatter.ToString())
            .AppendLine(string.Join('\u001f', settings.FrontMatter.Tags))
            .AppendLine(settings.FileNamePattern)
            .AppendLine(Path.GetFullPath(settings.OutputDirectory));
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
