using System.Text;
using HotPapers.Cli;

namespace HotPapers.Tests.Importing;

/// <summary>Runs the real command line in-process and compares posts the way the round trip promises.</summary>
internal static class ImportHarness
{
    public static (int Exit, string Out, string Err) Cli(params string[] args) => InProcessCli.Run(args);

    public static string PostsDir => Fixture.Path("importing", "posts");

    public static IEnumerable<object[]> Posts() =>
        Directory.EnumerateFiles(PostsDir, "*.md").Order(StringComparer.Ordinal).Select(p => new object[] { Path.GetFileName(p) });

    /// <summary>The lines of a post with the front matter's date line taken out, and that line.</summary>
    public static (string DateLine, string Remainder) SplitDateLine(byte[] bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
        var index = lines.FindIndex(l => l.StartsWith("date: ", StringComparison.Ordinal));
        Assert.True(index > 0, "the post has a date line");
        var dateLine = lines[index];
        lines.RemoveAt(index);
        return (dateLine, string.Join('\n', lines));
    }

    /// <summary>
    /// Compares <paramref name="actual"/> with the golden file under Fixtures (by its path relative to
    /// Fixtures); with HOTPAPERS_UPDATE_GOLDEN=1 the golden in the source tree is rewritten instead.
    /// </summary>
    public static void AssertGolden(byte[] actual, params string[] relative)
    {
        if (Environment.GetEnvironmentVariable("HOTPAPERS_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine([Fixture.RepoRoot(), "tests", "HotPapers.Tests", "Fixtures", .. relative]);
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllBytes(source, actual);
            return;
        }
        var golden = Fixture.Path(relative);
        Assert.True(File.Exists(golden), $"golden file {string.Join('/', relative)} is missing (HOTPAPERS_UPDATE_GOLDEN=1 writes it)");
        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(golden)), Encoding.UTF8.GetString(actual));
    }
}
