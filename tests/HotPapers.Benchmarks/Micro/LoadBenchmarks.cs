using BenchmarkDotNet.Attributes;
using HotPapers.Benchmarks.Generation;
using HotPapers.Records;

namespace HotPapers.Benchmarks.Micro;

/// <summary>Parsing and validating one day's records file, from bytes already in memory.</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private readonly RecordsLoader _loader = new(TimeZoneInfo.Utc);
    private byte[] _bytes = [];

    [Params(CatalogFormat.Records, CatalogFormat.Legacy)]
    public CatalogFormat Format { get; set; }

    [GlobalSetup]
    public void Setup() => _bytes = MicroInputs.Bytes(Format);

    [Benchmark]
    public DigestRecords Load() => _loader.Parse(MicroInputs.FileName, _bytes);
}
