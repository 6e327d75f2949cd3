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
public sealed class PostBuilder
{
    private readonly BuildSettings _settings;
    private readonly DigestSource _digests;
    private readonly TemplateSet _templates;
    private readonly PostRenderer _renderer;
    private readonly IReadOnlyList<string> _notices;

    public PostBuilder(BuildSettings settings)
    {
        _settings = settings;
        _digests = new DigestSource(settings);
        _templates = TemplateSet.For(settings.TemplatesDirectory, [Flavors.PostTemplate(settings.Flavor)]);
        _notices = _templates.Notices;
        _renderer = new PostRenderer(_templates, settings.FrontMatter, Flavors.PostTemplate(settings.Flavor),
            new TemplateSettings(settings.Flavor, settings.TimeZone.Id, settings.Ranking, settings.StaticEmbeds));
    }

    /// <summary>What became of one records file: its post, or its problems.</summary>
    private sealed record Slot(BuiltPost? Post, IReadOnlyList<InputProblem> Problems, IReadOnlyList<string> Warnings);

    /// <param name="cancellationToken">
    /// Stops the build before it commits (Ctrl+C): it throws <see cref="OperationCanceledException"/>, the
    /// posts it staged are removed, and every post is as it was. Once the commit has begun it is not stopped.
    /// </param>
    public BuildResult Build(BuildRequest request, CancellationToken cancellationToken = default)
    {
        OutputFolder.RefuseRecordsFolder(_settings.OutputDirectory, _settings.RecordsPath, _settings.FileNamePattern);
        RefuseTemplatesFolder();
        _renderer.Prepare();
        var files = _digests.Find(request, out var skipped);
        // What a killed import left in the records folder (a build that checks writes nothing).
        if (!request.CheckOnly) PostNaming.RemoveRecordsLeftovers(_settings.RecordsPath);
        using var output = GuardedOutput.Open(_settings.OutputDirectory, request.CheckOnly, request.Force);
        List<(string Key, DateOnly Date, DateOnly End)> unbuildable = [];
        if (request is BuildRequest.All && Directory.Exists(_settings.RecordsPath))
        {
            var (ranges, cannot) = RangesOfDailyFiles(output, files);
            (files, unbuildable) = ([.. files, .. ranges], cannot);
        }
        var slots = new Slot[files.Count];
        ParallelOrFirstError.Run(files.Count, i =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            slots[i] = BuildOne(files[i], output);
        });

        // Distinct: a broken earlier day is a problem of every digest that looked back at it.
        var problems = slots.SelectMany(s => s.Problems).Distinct().ToList();
        if (problems.Count > 0) throw new InputException(problems);
        RecordsFiles.CheckDistinct(slots.Select(s => (s.Post!.RecordsFile, s.Post.PostPath)));
        var built = Built(files, slots);
        var (stale, pruned) = request is BuildRequest.All all
            ? Stale(output, unbuildable.Select(u => u.Key).ToHashSet(StringComparer.Ordinal), all.Prune, request.CheckOnly, built) : ([], []);
        cancellationToken.ThrowIfCancellationRequested();
        var afterCommit = Writing(output.Commit);
        return new BuildResult([.. slots.Select(s => s.Post!)], request.CheckOnly)
        {
            Warnings = [.. _notices, .. FolderWarnings(), .. skipped, .. slots.SelectMany(s => s.Warnings), .. RangesNotBuilt(output, unbuildable), .. stale, .. _digests.RankingNotApplied(), .. _digests.RepeatsNotLookedFor(), .. afterCommit],
            Pruned = request.CheckOnly ? pruned : output.Deleted,
        };
    }

    // Found by a new user's trial: after the fileName setting changed, every post of the old name stayed beside its
    // new one, Hugo listed each digest twice, and build --all --check called the folder current. The posts the
    // manifest lists that this build did not make (not a range's, which RangesNotBuilt names), still there, are of
    // two kinds. A post of an earlier fileName: its name holds the day (or range) of a digest this build wrote under
    // the current one. With checkOnly it is listed (--check's "stale"), with prune deleted when it is as hotpapers
    // wrote it, else named. Any other (its records file gone) is only named: found by new users' trials and a review,
    // an empty, wrong or partial records folder made the blog's posts look stale, and --prune deleted them.
    // Not over --records naming one file, whose --all is that file alone.
    /// <param name="built">This build's posts, by the key of their digest (2021-04-30, or a range's).</param>
    /// <returns>The warnings, and the posts deleted at the commit (with checkOnly, those --prune would delete).</returns>
    private (List<string> Warnings, List<string> Stale) Stale(GuardedOutput output, HashSet<string> ranges, bool prune, bool checkOnly, Dictionary<string, string> built)
    {
        if (!Directory.Exists(_settings.RecordsPath))
            return (prune ? [$"--prune: {_settings.RecordsPath} is one records file, not the folder, so no other post was looked at"] : [], []);
        var warnings = new List<string>();
        var renamed = new List<string>();
        var gone = new List<string>();
        foreach (var (path, asWritten) in output.StillThere(output.NotOffered().Where(k => !ranges.Contains(k))))
        {
            var now = PostNaming.KeysIn(output.Key(path)).Select(k => built.GetValueOrDefault(k)).FirstOrDefault(p => p is not null);
            if (asWritten) (now is null ? gone : renamed).Add(path);
            else if (now is not null)
                warnings.Add($"{path}: a post of an earlier fileName, changed since hotpapers wrote it (edited by hand), so it is left as it is; "
                    + $"this build wrote its digest as {now} from the records, without those edits: carry them over, then delete it");
            else
                warnings.Add($"{path}: an earlier build wrote it and no records file makes it now, but it was changed since (edited by hand), so it is left as it is; delete it if it should go");
        }
        warnings.InsertRange(0, Named(gone, "an earlier build wrote it, but no records file makes it now (its records file was removed?); delete it if it should go",
            "posts an earlier build wrote are made by no records file now (their records files were removed?); delete them if they should go"));
        if (checkOnly) return (warnings, renamed);
        if (prune)
        {
            output.Prune(renamed);
            return (warnings, []);
        }
        warnings.InsertRange(0, Named(renamed, "a post of an earlier fileName, whose digest this build wrote under the current one; build --all --prune deletes it",
            "posts of an earlier fileName, whose digests this build wrote under the current one; build --all --prune deletes them"));
        return (warnings, []);
    }

    // Up to three posts a line each, more in one line.
    private static IEnumerable<string> Named(List<string> posts, string one, string many) => posts.Count <= 3
        ? posts.Select(p => $"{p}: {one}")
        : [$"{posts.Count} {many}: {string.Join(", ", posts.Take(3))} and {posts.Count - 3} more"];

    /// <summary>This build's posts by the key of their digest (<see cref="PostNaming.Key"/>).</summary>
    private static Dictionary<string, string> Built(IReadOnlyList<RecordsFile> files, Slot[] slots)
    {
        var built = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
            if (files[i] is { Date: { } date, EndDate: { } end }) built[PostNaming.Key(date, end)] = slots[i].Post!.PostPath;
        return built;
    }

    // Found by new users' trials: a range's post merged from daily files has no records file of its own, so --all (a
    // post per records file) neither rebuilt nor checked it: after a change of templates or settings it kept its old
    // look while --all --check called the folder current, and after a change of fileName --prune took it for a post no
    // records file makes. Each such post the output has, under any fileName (its name holds its range), is built again
    // from its days' files, under the current name, when they are all there.
    /// <returns>The ranges' records files, and the posts (by manifest key) of the ranges a day's records file of is gone.</returns>
    private (List<RecordsFile> Found, List<(string Key, DateOnly Date, DateOnly End)> Unbuildable) RangesOfDailyFiles(GuardedOutput output, IReadOnlyList<RecordsFile> files)
    {
        var have = files.Where(f => f.Date is not null).Select(f => (f.Date!.Value, f.EndDate!.Value)).ToHashSet();
        var posts = new SortedDictionary<(DateOnly, DateOnly), List<string>>();
        // Before any post is offered: every post the manifest lists.
        foreach (var key in output.NotOffered())
        {
            // The name first: a stat per post of a rebuild of years would be thousands of system calls for the few ranges.
            var (date, end) = PostNaming.RangesIn(key).FirstOrDefault();
            if (date == default || have.Contains((date, end))) continue;
            if (!File.Exists(Path.Combine(_settings.OutputDirectory, key.Replace('/', Path.DirectorySeparatorChar)))) continue;
            if (!posts.TryGetValue((date, end), out var keys)) posts[(date, end)] = keys = [];
            keys.Add(key);
        }
        var found = new List<RecordsFile>();
        var unbuildable = new List<(string, DateOnly, DateOnly)>();
        foreach (var ((date, end), keys) in posts)
        {
            try
            {
                found.AddRange(_digests.Find(new BuildRequest.Range(date, end), out _));
            }
            catch (InputException)
            {
                // A day's records file is gone: the post is named, and left (RangesNotBuilt).
                unbuildable.AddRange(keys.Select(k => (k, date, end)));
            }
        }
        return (found, unbuildable);
    }

    // The range posts RangesOfDailyFiles could not build again, named; Stale leaves them out: --all cannot make them again.
    private IEnumerable<string> RangesNotBuilt(GuardedOutput output, List<(string Key, DateOnly Date, DateOnly End)> unbuildable)
    {
        foreach (var (key, date, end) in unbuildable)
        {
            // Said as this build names it, where that is its name (./ and // spellings of the pattern).
            var named = Path.Combine(_settings.OutputDirectory, PostNaming.PostFileName(date, end, _settings.FileNamePattern));
            var path = output.Key(named) == key ? named : Path.Combine(_settings.OutputDirectory, key.Replace('/', Path.DirectorySeparatorChar));
            var (from, until) = (Rfc3339.FormatDate(date), Rfc3339.FormatDate(end));
            yield return $"{path}: a digest of {from} to {until}, with no records file of its own ({PostNaming.RecordsFileName(date, end)}) nor one "
                + "of each of its days, so --all cannot build it again; it is left as it is";
        }
    }

    private Slot BuildOne(RecordsFile file, GuardedOutput output)
    {
        try
        {
            var digest = _digests.Rank(file);
            var warnings = new List<string>();
            if (_digests.NoneShown(digest) is { } none) warnings.Add(none + ", so its post has no papers");
            using var bytes = new PostBytes();
            var postPath = Path.Combine(_settings.OutputDirectory, PostNaming.PostFileName(digest.Records, _settings.FileNamePattern));
            _renderer.Render(digest, bytes, warnings, postPath);
            var post = Writing(() => output.Offer(file.Path, postPath, bytes.Span));
            return new Slot(post, [], [.. warnings.Select(w => $"{file.Path}: {w}")]);
        }
        catch (InputException e)
        {
            return new Slot(null, e.Problems, []);
        }
    }

    /// <summary>
    /// A templates folder whose post template would not be used: misnamed (<see cref="TemplateSet.RefuseMisnamed"/>),
    /// or the other flavor's alone. Found by a user's trial: every customised post rewritten in the built-in look,
    /// with a warning that a nightly job shows nobody.
    /// </summary>
    private void RefuseTemplatesFolder()
    {
        var postTemplate = Flavors.PostTemplate(_settings.Flavor);
        _templates.RefuseMisnamed();
        var other = _settings.Flavor is Flavor.Hugo ? Flavor.Gatsby : Flavor.Hugo;
        if (_settings.TemplatesDirectory is { } templates && BuiltIn(postTemplate) && !BuiltIn(Flavors.PostTemplate(other)))
        {
            throw new InputException([new InputProblem(templates, InputProblem.WholeFile,
                $"a {postTemplate}, the {Flavors.Name(_settings.Flavor)} post template, where the folder has the {Flavors.Name(other)} one ({Flavors.PostTemplate(other)})",
                $"the {Flavors.Name(other)} one alone, so the built-in {Flavors.Name(_settings.Flavor)} template would be used: make the folder's {postTemplate} (hotpapers init --flavor {Flavors.Name(_settings.Flavor)} --templates writes the built-in one), or build with --flavor {Flavors.Name(other)}")]);
        }
    }

    private bool BuiltIn(string template) => _templates.Describe(template).StartsWith("built-in:", StringComparison.Ordinal);

    /// <summary>What the build notices about its folders: a templates folder that overrides nothing, posts going into a blog of the other flavor.</summary>
    private IEnumerable<string> FolderWarnings()
    {
        var postTemplate = Flavors.PostTemplate(_settings.Flavor);
        if (_settings.UnreadTemplatesFolder([postTemplate]) is { } unread) yield return unread;
        if (_settings.TemplatesDirectory is { } templates && BuiltIn(postTemplate))
            yield return $"{templates}: has no {postTemplate}, so the built-in {Flavors.Name(_settings.Flavor)} template is used (a templates folder overrides the built-in templates by file name: {TemplateSet.PostTemplate} for gatsby, {Flavors.PostTemplate(Flavor.Hugo)} for hugo)";
        if (BlogDetector.Enclosing(_settings.OutputDirectory) is { } blog && blog.Flavor != _settings.Flavor)
        {
            var other = Flavors.Name(blog.Flavor);
            yield return $"{_settings.OutputDirectory}: is in a {Flavors.Title(blog.Flavor)} site ({Path.Combine(blog.Root, blog.Evidence)}), but the posts are built for {Flavors.Name(_settings.Flavor)}; set flavor: {other} in {SettingsFile.FileName} or pass --flavor {other}";
        }
    }

    // The output folder refusing a write is the user's to fix, and says which folder: not .NET's message about a file in it.
    private T Writing<T>(Func<T> write)
    {
        try
        {
            return write();
        }
        catch (UnauthorizedAccessException e)
        {
            throw OutputFolder.Refusal(_settings.OutputDirectory, e)!;
        }
    }

    private void Writing(Action write) => Writing(() =>
    {
        write();
        return true;
    });
}
