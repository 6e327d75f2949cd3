using BenchmarkDotNet.Attributes;
using HotPapers.Ranking;
using HotPapers.Rendering;
using HotPapers.TestData;

namespace HotPapers.Benchmarks.Micro;

/// <summary>Rendering one day's ranked digest to Markdown through Scriban with the built-in template, embed checks included.</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private readonly PostRenderer _renderer = new(TemplateSet.BuiltIn, FrontMatterSettings.Default);
    private Digest _digest = null!;

    [Params(CatalogFormat.Records, CatalogFormat.Legacy)]
    public CatalogFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _digest = MicroInputs.Digest(Format);
        // The template is parsed and Scriban's builtins made once per process: start-up cost, not this stage's.
        _renderer.Render(_digest);
    }

    /// <summary>What a build does: the post's UTF-8 bytes.</summary>
    [Benchmark]
    public int Render()
    {
        using var post = new PostBytes();
        _renderer.Render(_digest, post, warnings: null, rendering: null);
        return post.Span.Length;
    }
}
