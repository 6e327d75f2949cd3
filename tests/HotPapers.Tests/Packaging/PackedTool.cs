namespace HotPapers.Tests.Packaging;

/// <summary>
/// The tool as <c>dotnet pack src/HotPapers.Cli</c> makes it (Release, so as not to write over the Debug
/// build these tests run from), packed once per test run: packing takes seconds, and the package's
/// contents and the nightly workflow's install both use it.
/// </summary>
internal static class PackedTool
{
    private static readonly Lazy<string> Package = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The tool's top package (HotPapers.Cli.VERSION.nupkg), which names the per-runtime ones beside it.</summary>
    public static string Nupkg => Package.Value;

    /// <summary>
    /// The packages (runtime packs, compilers) the pack's restore asked NuGet to download: what a machine
    /// whose NuGet cache is new gets, where this one's cache may hold more from earlier work.
    /// </summary>
    public static IReadOnlyList<string> Downloads
    {
        get { _ = Package.Value; return PackDownloads; }
    }

    private static string[] PackDownloads = [];

    /// <summary>Its folder: a package source for <c>dotnet tool restore</c>, through a nuget.config.</summary>
    public static string Folder => Path.GetDirectoryName(Nupkg)!;

    private static string Pack()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hotpapers-pack-" + Guid.NewGuid().ToString("N"));
        var (code, stdout, stderr) = Processes.Run(Fixture.RepoRoot(), Processes.Dotnet,
            ["pack", Path.Combine("src", "HotPapers.Cli"), "-c", "Release", "-o", folder, "--nologo", "-v", "q"]);
        if (code != 0) throw new InvalidOperationException($"dotnet pack failed ({code}):\n{stdout}\n{stderr}");
        // What the pack's restore asked NuGet to download beside the packages, read before anything restores again.
        using (var assets = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Fixture.RepoRoot(), "src", "HotPapers.Cli", "obj", "project.assets.json"))))
        {
            PackDownloads = [.. assets.RootElement.GetProperty("project").GetProperty("frameworks").EnumerateObject()
                .SelectMany(f => f.Value.TryGetProperty("downloadDependencies", out var d) ? d.EnumerateArray() : [])
                .Select(d => d.GetProperty("name").GetString()!)];
        }
        // One package per runtime (HotPapers.Cli.linux-x64.VERSION.nupkg, ...) and the top one, whose
        // name goes straight from the id to the version.
        return Directory.GetFiles(folder, "HotPapers.Cli.*.nupkg").Single(f => char.IsAsciiDigit(Path.GetFileName(f)["HotPapers.Cli.".Length]));
    }
}
