using System.Runtime.CompilerServices;

namespace HotPapers.Tests;

/// <summary>Paths to the fixtures beside the tests and to the repository's own files.</summary>
internal static class Fixture
{
    public static string Dir => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Dir, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    /// <summary>The repository root, found from this source file so tests can read content/ and templates/.</summary>
    public static string RepoRoot() =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(ThisFile())!, "..", ".."));

    private static string ThisFile([CallerFilePath] string path = "") => path;

    /// <summary>A fresh empty folder under the system temp folder, removed when disposed.</summary>
    public static TempDir TempDir() => new();
}

internal sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hotpapers-tests-" + Guid.NewGuid().ToString("N"));

    public TempDir() => Directory.CreateDirectory(Path);

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
