using BenchmarkDotNet.Attributes;
using HotPapers.Ranking;
using HotPapers.Rendering;
using HotPapers.TestData;

namespace HotPapers.Benchmarks.Micro;

/// <summary>
/// Rendering one day's ranked digest to Markdown with the built-in template (embed checks included): as
/// builds do, in code, and through Scriban, as a user's edited copy of the template renders.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private readonly PostRenderer _renderer = new(TemplateSet.BuiltIn, FrontMatterSettings.Default);
    private PostRenderer _scriban = null!;
    private string _templates = null!;
    private Digest _digest = null!;

    [Params(CatalogFormat.Records, CatalogFormat.Legacy)]
    public CatalogFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _digest = MicroInputs.Digest(Format);
        // A copy that writes the same post but is not the built-in text: Scriban renders it.
        _templates = Directory.CreateTempSubdirectory("hotpapers-bench-templates-").FullName;
        File.WriteAllText(Path.Combine(_templates, TemplateSet.PostTemplate), TemplateSet.BuiltIn.Read(TemplateSet.PostTemplate).Text + "{{ \"\" }}");
        _scriban = new PostRenderer(new TemplateSet(_templates), FrontMatterSettings.Default);
        // The template is parsed once per process; that is start-up cost, not this stage's.
        if (_renderer.Render(_digest) != _scriban.Render(_digest)) throw new InvalidOperationException("the two ways wrote different posts");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_templates, recursive: true);

    /// <summary>What a build does: the post's UTF-8 bytes.</summary>
    [Benchmark]
    public int Render()
    {
        using var post = new PostBytes();
        _renderer.Render(_digest, post);
        return post.Span.Length;
    }

    /// <summary>The same post through Scriban's interpreter and the model objects it reads.</summary>
    [Benchmark]
    public int RenderThroughScriban()
    {
        using var post = new PostBytes();
        _scriban.Render(_digest, post);
        return post.Span.Length;
    }
}
