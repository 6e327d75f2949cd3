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

    /// <summary>The line (from 1) on which <paramref name="needle"/> first appears in <paramref name="text"/>.</summary>
    public static int LineOf(string text, string needle)
    {
        var at = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{needle} is not in the text");
        return text.AsSpan(0, at).Count('\n') + 1;
    }

    /// <summary>Writes records as a records folder holds them (<c>2021-04-30.json</c>, a range's name for a range), making the folder; returns the file's path.</summary>
    public static string WriteRecords(string folder, HotPapers.Records.DigestRecords records)
    {
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, HotPapers.Output.PostNaming.RecordsFileName(records.Date, records.EndDate));
        File.WriteAllBytes(path, HotPapers.Records.RecordsWriter.Write(records));
        return path;
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
