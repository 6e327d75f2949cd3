using HotPapers.Records;
using HotPapers.Output;

namespace HotPapers.TestData;

/// <summary>
/// Writes a synthetic back-catalog: one records file per day, named as the build looks for them. Days
/// are made in parallel, each from its own <see cref="Random"/> seeded from the catalog seed and the
/// day's index, so the bytes do not depend on the thread count or the order the days finish in.
/// </summary>
public static class CatalogGenerator
{
    public static DateOnly DefaultStart { get; } = new(2021, 1, 1);

    public const int DefaultSeed = 42;

    /// <summary>Changes whenever the same seed would give other bytes, so that the bench never reuses a catalog of an older generator.</summary>
    public const int Version = 2;

    /// <summary>Day <paramref name="index"/> of the catalog as a digest, and its file bytes in <paramref name="format"/>.</summary>
    internal static (DigestRecords Records, byte[] Bytes) Day(CatalogFormat format, int seed, DateOnly start, int index)
    {
        var rng = new Random(DayGenerator.DaySeed(seed, index));
        var records = DayGenerator.Generate(rng, start.AddDays(index));
        var bytes = format switch
        {
            CatalogFormat.Records => RecordsWriter.Write(records),
            CatalogFormat.Legacy => LegacyCrawlerWriter.Write(records, rng),
            _ => LegacyCrawlerWriter.Write(records, rng, lean: true),
        };
        return (records, bytes);
    }

    /// <summary>Writes <paramref name="days"/> files into <paramref name="directory"/>; returns the bytes written.</summary>
    public static long Generate(string directory, CatalogFormat format, int days, int seed, DateOnly start)
    {
        Directory.CreateDirectory(directory);
        long total = 0;
        Parallel.For(0, days, index =>
        {
            var (records, bytes) = Day(format, seed, start, index);
            File.WriteAllBytes(Path.Combine(directory, PostNaming.RecordsFileName(records.Date, records.EndDate)), bytes);
            Interlocked.Add(ref total, bytes.Length);
        });
        return total;
    }
}
