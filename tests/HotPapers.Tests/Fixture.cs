namespace HotPapers.Tests;

/// <summary>Paths to the fixtures beside the tests and to the repository's own files.</summary>
internal static class Fixture
{
    public static string Dir => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Dir, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    /// <summary>
    /// The repository root (the folder with HotPapers.sln above the test binaries), so tests can read
    /// content/ and templates/. Not [CallerFilePath]: CI builds map source paths away.
    /// </summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "HotPapers.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("HotPapers.sln not found above " + AppContext.BaseDirectory);
    }

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
