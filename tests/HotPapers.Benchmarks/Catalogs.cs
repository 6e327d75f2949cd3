using System.Globalization;
using HotPapers.TestData;

namespace HotPapers.Benchmarks;

/// <summary>The bench's catalogs under <c>WORK/catalogs/</c>: generated once, reused while the generator is the same.</summary>
internal static class Catalogs
{
    public static CatalogFormat ParseFormat(string text) =>
        CatalogFormats.TryParse(text, out var format) ? format
        : throw new UsageException($"unknown format '{text}': expected {string.Join(", ", CatalogFormats.All.Select(f => f.Name()))}");

    /// <summary>The catalog's folder, generated (and flushed to disk) unless a complete one is there already.</summary>
    public static string Get(string work, CatalogFormat format, int days, int seed, DateOnly start)
    {
        // The folder name carries the generator's version: a changed generator never reuses an old catalog.
        var name = string.Create(CultureInfo.InvariantCulture, $"{format.Name()}-{days}d-seed{seed}-{start:yyyyMMdd}-g{CatalogGenerator.Version}");
        var dir = Path.Combine(work, "catalogs", name);
        // The marker sits beside the folder, not in it: the build reads every *.json in the folder.
        var done = dir + ".complete";
        if (File.Exists(done) && Directory.Exists(dir)) return dir;
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Console.Error.WriteLine($"generating {name}");
        CatalogGenerator.Generate(dir, format, days, seed, start);
        Libc.Sync();
        File.WriteAllText(done, "");
        return dir;
    }
}
