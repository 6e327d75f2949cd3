using BenchmarkDotNet.Attributes;
using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.TestData;

namespace HotPapers.Benchmarks.Micro;

/// <summary>Choosing and ordering one day's papers and tweets.</summary>
[MemoryDiagnoser]
public class RankBenchmarks
{
    private readonly Ranker _ranker = new(RankingSettings.Default);
    private DigestRecords _records = null!;

    [Params(CatalogFormat.Records, CatalogFormat.Legacy)]
    public CatalogFormat Format { get; set; }

    [GlobalSetup]
    public void Setup() => _records = MicroInputs.Records(Format);

    [Benchmark]
    public object Rank() => _ranker.Rank(_records);
}
