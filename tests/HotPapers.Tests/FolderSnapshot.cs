namespace HotPapers.Tests;

/// <summary>What must not change below a folder, for the tests that say a failed or stopped run left every file as it was.</summary>
internal static class FolderSnapshot
{
    /// <summary>Every file and folder below <paramref name="folder"/>, dot files too, by relative path, each file with its bytes; empty when there is no folder.</summary>
    public static SortedDictionary<string, string> Of(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return files;
        foreach (var path in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(folder, path)] = File.Exists(path) ? Bytes(File.ReadAllBytes(path)) : AFolder;
        return files;
    }

    /// <summary>What <see cref="Of"/> holds for a folder.</summary>
    public const string AFolder = "(folder)";

    /// <summary>What <see cref="Of"/> holds for a file of these bytes.</summary>
    public static string Bytes(byte[] bytes) => Convert.ToBase64String(bytes);
}
