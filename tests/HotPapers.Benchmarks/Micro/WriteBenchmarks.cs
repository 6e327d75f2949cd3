using BenchmarkDotNet.Attributes;
using HotPapers.Building;
using HotPapers.Safety;
using HotPapers.TestData;
using HotPapers.Output;

namespace HotPapers.Benchmarks.Micro;

/// <summary>
/// The build's write stage for one post: encoding it, then offering it to a <see cref="GuardedOutput"/>
/// session as a build does: a changed post (compared, staged to a temporary file, then the commit:
/// manifest twice, syncfs twice, rename), and a post whose file already holds the same bytes (compared
/// and left alone). A build commits once for all its posts; here each post pays a whole commit, which
/// is what a nightly one-post build pays.
/// </summary>
[MemoryDiagnoser]
public class WriteBenchmarks
{
    private string _post = "";
    private byte[] _bytes = [];
    private byte[] _other = [];
    private string _directory = "";
    private string _unchangedPath = "";
    private string _changedPath = "";
    private int _next;

    [Params(CatalogFormat.Records, CatalogFormat.Legacy)]
    public CatalogFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _post = MicroInputs.Post(Format);
        _bytes = PostWriter.Encode(_post);
        _other = PostWriter.Encode(_post + "\n");
        _directory = Directory.CreateTempSubdirectory("hotpapers-micro-").FullName;
        _unchangedPath = Path.Combine(_directory, "unchanged---Hot-Papers.md");
        _changedPath = Path.Combine(_directory, "changed---Hot-Papers.md");
        Offer(_unchangedPath, _bytes);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    private BuiltPost Offer(string path, byte[] bytes)
    {
        using var session = GuardedOutput.Open(_directory, checkOnly: false, force: false);
        var post = session.Offer("day.json", path, bytes);
        session.Commit();
        return post;
    }

    [Benchmark]
    public byte[] Encode() => PostWriter.Encode(_post);

    [Benchmark]
    public BuiltPost WriteChanged() => Offer(_changedPath, _next++ % 2 == 0 ? _bytes : _other);

    [Benchmark]
    public BuiltPost WriteUnchanged() => Offer(_unchangedPath, _bytes);
}
