using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.Safety;
using HotPapers.Writing;

namespace HotPapers.Building;

/// <summary>
/// The pipeline: find the records files, load and validate them, rank, render, write. Every digest is
/// loaded and rendered before the first file is written, so bad input or a broken template leaves
/// every existing post as it was.
/// </summary>
public sealed class SiteBuilder
{
    private readonly BuildSettings _settings;
    private readonly RecordsLoader _loader;
    private readonly Ranker _ranker;
    private readonly PostRenderer _renderer;

    public SiteBuilder(BuildSettings settings)
    {
        _settings = settings;
        _loader = new RecordsLoader(settings.TimeZone);
        _ranker = new Ranker(settings.Ranking);
        var templates = settings.TemplatesDirectory is null ? TemplateSet.BuiltIn : new TemplateSet(settings.TemplatesDirectory);
        _renderer = new PostRenderer(templates, settings.FrontMatter, Flavors.PostTemplate(settings.Flavor),
            new TemplateSettings(settings.Flavor, settings.TimeZone.Id, settings.Ranking));
    }

    public BuildResult Build(BuildRequest request)
    {
        var files = RecordsFiles.Find(_settings.RecordsPath, request);
        var rendered = new (string File, string PostPath, byte[] Bytes)[files.Count];
        var problems = new List<RecordsProblem>[files.Count];
        var warnings = new List<string>[files.Count];
        ParallelOrFirstError(files.Count, i =>
        {
            var file = files[i];
            try
            {
                var records = _loader.Load(file.Path);
                RecordsFiles.CheckDates(file, records);
                var fileWarnings = new List<string>();
                var text = _renderer.Render(_ranker.Rank(records), fileWarnings);
                warnings[i] = [.. fileWarnings.Select(w => $"{file.Path}: {w}")];
                var postPath = Path.Combine(_settings.OutputDirectory, PostNaming.PostFileName(records, _settings.FileNamePattern));
                rendered[i] = (file.Path, postPath, PostWriter.Encode(text));
            }
            catch (RecordsException e)
            {
                problems[i] = [.. e.Problems];
            }
        });
        var all = problems.Where(p => p is not null).SelectMany(p => p).ToList();
        if (all.Count > 0) throw new RecordsException(all);
        RecordsFiles.CheckDistinct(rendered.Select(r => (r.File, r.PostPath)));

        // Lock, leftovers, hand edits and the manifest: see GuardedOutput.
        var ready = rendered.Select(r => new RenderedPost(r.File, r.PostPath, r.Bytes)).ToList();
        var posts = request.CheckOnly
            ? GuardedOutput.Check(_settings.OutputDirectory, ready, ParallelOrFirstError)
            : GuardedOutput.Write(_settings.OutputDirectory, ready, request.Force, ParallelOrFirstError);
        return new BuildResult(posts, request.CheckOnly) { Warnings = [.. warnings.SelectMany(w => w)] };
    }

    // Parallel.For wraps what a body throws; callers want the template or I/O error itself.
    private static void ParallelOrFirstError(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, body);
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.Flatten().InnerExceptions[0]);
        }
    }
}
