using HotPapers.Output;
using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.Safety;
using HotPapers.Settings;

namespace HotPapers.Building;

/// <summary>
/// The pipeline: find the records files, then for each, in parallel, load and validate, rank, render
/// and offer the post to <see cref="GuardedOutput"/>, which stages what changed; nothing is renamed into
/// place until every digest has rendered, so bad input or a broken template leaves every existing post
/// as it was, and no rendered post stays in memory, so a back catalog of years builds in little of it.
/// Every records file is read and rendered each time; the output leaves a post whose bytes did not
/// change untouched.
/// </summary>
public sealed class SiteBuilder
{
    private readonly BuildSettings _settings;
    private readonly RecordsLoader _loader;
    private readonly Ranker _ranker;
    private readonly PostRenderer _renderer;
    private readonly IReadOnlyList<string> _notices;

    public SiteBuilder(BuildSettings settings)
    {
        _settings = settings;
        _loader = new RecordsLoader(settings.TimeZone);
        _ranker = new Ranker(settings.Ranking);
        var templates = settings.TemplatesDirectory is null ? TemplateSet.BuiltIn : new TemplateSet(settings.TemplatesDirectory);
        _notices = templates.Notices;
        _renderer = new PostRenderer(templates, settings.FrontMatter, Flavors.PostTemplate(settings.Flavor),
            new TemplateSettings(settings.Flavor, settings.TimeZone.Id, settings.Ranking));
    }

    /// <summary>What became of one records file: its post, or its problems.</summary>
    private sealed record Slot(BuiltPost? Post, IReadOnlyList<InputProblem> Problems, IReadOnlyList<string> Warnings);

    public BuildResult Build(BuildRequest request)
    {
        _renderer.Prepare();
        var files = RecordsFiles.Find(_settings.RecordsPath, request, out var skipped);
        // What a killed import left in the records folder (a build that checks writes nothing).
        if (!request.CheckOnly) PostNaming.RemoveRecordsLeftovers(_settings.RecordsPath);
        using var output = GuardedOutput.Open(_settings.OutputDirectory, request.CheckOnly, request.Force);
        var slots = new Slot[files.Count];
        ParallelOrFirstError(files.Count, i => slots[i] = BuildOne(files[i], output));

        var problems = slots.SelectMany(s => s.Problems).ToList();
        if (problems.Count > 0) throw new InputException(problems);
        RecordsFiles.CheckDistinct(slots.Select(s => (s.Post!.RecordsFile, s.Post.PostPath)));
        var kept = output.Commit().Select(p =>
            $"{p}: written to while this build replaced it; what was written is kept in place of the new post, and the next build takes it as edited by hand");
        return new BuildResult([.. slots.Select(s => s.Post!)], request.CheckOnly) { Warnings = [.. _notices, .. skipped, .. slots.SelectMany(s => s.Warnings), .. kept] };
    }

    private Slot BuildOne(RecordsFile file, GuardedOutput output)
    {
        try
        {
            var records = _loader.Load(file.Path);
            RecordsFiles.CheckDates(file, records);
            var warnings = new List<string>();
            using var bytes = new PostBytes();
            _renderer.Render(_ranker.Rank(records), bytes, warnings);
            var postPath = Path.Combine(_settings.OutputDirectory, PostNaming.PostFileName(records, _settings.FileNamePattern));
            var post = output.Offer(file.Path, postPath, bytes.Span);
            return new Slot(post, [], [.. warnings.Select(w => $"{file.Path}: {w}")]);
        }
        catch (InputException e)
        {
            return new Slot(null, e.Problems, []);
        }
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
