using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.TestData;

namespace HotPapers.Benchmarks.Micro;

/// <summary>
/// The one synthetic day every micro-benchmark works on (day 0 of the default catalog), made in memory
/// by the same generator as the bench's catalogs, and carried through the pipeline stage by stage.
/// </summary>
internal static class MicroInputs
{
    public const string FileName = "2021-01-01.json";

    public static byte[] Bytes(CatalogFormat format) =>
        CatalogGenerator.Day(format, CatalogGenerator.DefaultSeed, CatalogGenerator.DefaultStart, 0).Bytes;

    public static DigestRecords Records(CatalogFormat format) => new RecordsLoader(TimeZoneInfo.Utc).Parse(FileName, Bytes(format));

    public static Digest Digest(CatalogFormat format) => new Ranker(RankingSettings.Default).Rank(Records(format));

    public static string Post(CatalogFormat format) => new PostRenderer(TemplateSet.BuiltIn, FrontMatterSettings.Default).Render(Digest(format));
}
