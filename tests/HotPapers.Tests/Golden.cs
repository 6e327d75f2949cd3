using System.Text;

namespace HotPapers.Tests;

/// <summary>
/// Golden files under <c>Fixtures/</c>, compared byte for byte. With <c>HOTPAPERS_UPDATE_GOLDEN=1</c> a
/// test rewrites its golden in the source tree instead (review the diff before committing it).
/// </summary>
internal static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("HOTPAPERS_UPDATE_GOLDEN") == "1";

    public static void AssertBytes(byte[] actual, params string[] fixtureParts)
    {
        if (Updating)
        {
            var source = System.IO.Path.Combine([Fixture.RepoRoot(), "tests", "HotPapers.Tests", "Fixtures", .. fixtureParts]);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(source)!);
            File.WriteAllBytes(source, actual);
            return;
        }
        var path = Fixture.Path(fixtureParts);
        Assert.True(File.Exists(path), $"no golden file {path}; run the tests with HOTPAPERS_UPDATE_GOLDEN=1 to make it");
        var expected = File.ReadAllBytes(path);
        if (expected.AsSpan().SequenceEqual(actual)) return;
        Assert.Fail($"{string.Join('/', fixtureParts)} differs from the built bytes: {FirstDifference(expected, actual)}");
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var e = Encoding.UTF8.GetString(expected).Split('\n');
        var a = Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "(end of file)";
            var al = i < a.Length ? a[i] : "(end of file)";
            if (el != al) return $"line {i + 1}: expected\n  {el}\nbut built\n  {al}";
        }
        return $"same lines, {expected.Length} bytes expected, {actual.Length} built";
    }
}
