using BenchmarkDotNet.Attributes;
using HotPapers.Benchmarks.Generation;
using HotPapers.Writing;

namespace HotPapers.Benchmarks.Micro;

/// <summary>
/// Encoding a rendered post and writing it: to a new file each time (temporary file, fsync, rename), and
/// over a file that already holds the same bytes (compared, left alone).
/// </summary>
[MemoryDiagnoser]
public class WriteBenchmarks
{
    private string _post = "";
    private byte[] _bytes = [];
    private string _directory = "";
    private string _unchangedPath = "";
    private int _next;

    [Params(CatalogFormat.Records, CatalogFormat.Legacy)]
    public CatalogFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _post = MicroInputs.Post(Format);
        _bytes = PostWriter.Encode(_post);
        _directory = Directory.CreateTempSubdirectory("hotpapers-micro-").FullName;
        _unchangedPath = Path.Combine(_directory, "unchanged---Hot-Papers.md");
        PostWriter.Write(_unchangedPath, _bytes);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public byte[] Encode() => PostWriter.Encode(_post);

    [Benchmark]
    public WriteOutcome WriteNew() => PostWriter.Write(Path.Combine(_directory, $"{_next++}---Hot-Papers.md"), _bytes);

    [Benchmark]
    public WriteOutcome WriteUnchanged() => PostWriter.Write(_unchangedPath, _bytes);
}
