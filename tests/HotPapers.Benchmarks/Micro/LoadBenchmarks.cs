using BenchmarkDotNet.Attributes;
using HotPapers.Records;
using HotPapers.TestData;

namespace HotPapers.Benchmarks.Micro;

/// <summary>Parsing and validating one day's records file, from bytes already in memory.</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private readonly RecordsLoader _loader = new(TimeZoneInfo.Utc);
    private byte[] _bytes = [];

    [Params(CatalogFormat.Records, CatalogFormat.Legacy, CatalogFormat.Lean)]
    public CatalogFormat Format { get; set; }

    [GlobalSetup]
    public void Setup() => _bytes = MicroInputs.Bytes(Format);

    [Benchmark]
    public object Load() => _loader.Parse(MicroInputs.FileName, _bytes);

    /// <summary>A JsonDocument of the file alone: for scale, what a reader over a document pays before it reads a value.</summary>
    [Benchmark]
    public int ParseJsonOnly()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(_bytes);
        return doc.RootElement.GetPropertyCount();
    }

    /// <summary>A Utf8JsonReader over every token: the floor under <see cref="Load"/>, which reads the file once with one.</summary>
    [Benchmark]
    public int TokenizeOnly()
    {
        var r = new System.Text.Json.Utf8JsonReader(_bytes);
        var n = 0;
        while (r.Read()) n++;
        return n;
    }

    /// <summary>The UTF-8 check the loader makes before it reads the file.</summary>
    [Benchmark]
    public int ValidateUtf8() => System.Text.Unicode.Utf8.IsValid(_bytes) ? 1 : 0;
}
