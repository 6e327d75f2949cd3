using System.Globalization;
using HotPapers.Building;
using HotPapers.Output;
using HotPapers.Ranking;
using HotPapers.Rendering;
using HotPapers.Settings;
using Scriban.Runtime;

namespace HotPapers.Site;

/// <summary>
/// Writes the HTML site from the records: every digest by the build's own loading, ranking and safety
/// rules (<see cref="DigestSource"/>, <see cref="PostModel"/>'s embeds), each page through its Scriban
/// template (<see cref="SitePages"/>), all of it staged and then put in place at once (<see cref="SiteOutput"/>).
/// The digest pages render in parallel and leave only a summary behind (<see cref="DigestSummary"/>), so
/// a catalog of years is never in memory at once. What the <c>site</c> command and <c>serve</c> call.
/// </summary>
public sealed class SiteGenerator
{
    private readonly BuildSettings _settings;
    private readonly SiteSettings _site;
    private readonly DigestSource _digests;
    private readonly bool _force;
    private readonly bool _prune;
    private readonly TemplateSet _templates;
    private readonly SitePages _pages;
    private readonly SiteStaticFiles _static;

    public SiteGenerator(BuildSettings settings, SiteOptions? options = null)
    {
        options ??= SiteOptions.None;
        _settings = settings;
        _force = options.Force;
        _prune = options.Prune;
        _site = settings.Site with
        {
            OutputDirectory = options.OutputDirectory ?? settings.Site.OutputDirectory,
            BaseUrl = options.BaseUrl ?? settings.Site.BaseUrl,
        };
        _digests = new DigestSource(settings);
        _templates = TemplateSet.For(settings.TemplatesDirectory, TemplateSet.SiteNames);
        _static = new SiteStaticFiles(settings.TemplatesDirectory);
        _pages = new SitePages(_templates, _site, settings.FrontMatter, _static.Icon);
    }

    /// <summary>The folder the site is written to.</summary>
    public string OutputDirectory => _site.OutputDirectory;

    /// <summary>What a digest's page left, or its problems.</summary>
    private sealed record Slot(DigestSummary? Summary, IReadOnlyList<InputProblem> Problems, IReadOnlyList<string> Warnings);

    /// <summary>
    /// Renders the whole site into <see cref="OutputDirectory"/>. Bad records, settings or templates are an
    /// <see cref="InputException"/> or <see cref="TemplateException"/>, and leave the folder as it was; so are
    /// records that lack digests whose pages an earlier site wrote there, unless <see cref="SiteOptions.Prune"/>.
    /// </summary>
    public SiteResult Generate(CancellationToken cancellationToken = default)
    {
        OutputFolder.RefuseRecordsFolder(_site.OutputDirectory, _settings.RecordsPath);
        if (!_force && BlogOutput() is { } blog) throw new InputException([blog]);
        _templates.RefuseMisnamed();
        var files = _digests.Find(new BuildRequest.All(), out var skipped, reader: "site");
        var order = DigestOrder.NewestFirst(files);
        using var output = SiteOutput.Open(_site.OutputDirectory, _force);
        var slots = new Slot[order.Length];
        ParallelOrFirstError.Run(order.Length, k =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            slots[k] = DigestPage(files, order, k, output);
        });
        var problems = slots.SelectMany(s => s.Problems).Distinct().ToList();
        if (problems.Count > 0) throw new InputException(problems);
        var digests = slots.Select(s => s.Summary!).ToList();
        var warnings = new List<string>([.. _pages.Notices, .. _static.Notices, .. skipped, .. slots.SelectMany(s => s.Warnings), .. _digests.RankingNotApplied(), .. _digests.RepeatsNotLookedFor()]);
        if (_settings.UnreadTemplatesFolder(TemplateSet.SiteNames, staticFolder: true) is { } unread) warnings.Add(unread);
        if (_site.BaseUrl is null)
            warnings.Add((_settings.SourceFile is { } file ? file + ": " : "")
                + "no site.baseUrl (nor --base-url), so the pages have no canonical links, and no sitemap.xml or feeds are written");

        cancellationToken.ThrowIfCancellationRequested();
        // The latest digest with papers is on the home page and in every feed: ranked (again) once for both.
        var latest = DigestSummary.Latest(digests);
        var latestRanked = latest is null ? null : _digests.Rank(files[latest.File]);
        Digest Ranked(DigestSummary d) => ReferenceEquals(d, latest) ? latestRanked! : _digests.Rank(files[d.File]);
        var lists = new SiteListings(_pages, output, _site);
        lists.Home(digests, latest, latestRanked);
        lists.Archive(digests);
        lists.Categories(digests);
        lists.About();
        lists.NotFound();
        output.Write(SitePaths.Stylesheet, _pages.Stylesheet());
        if (_site.BaseUrl is { } baseUrl)
        {
            cancellationToken.ThrowIfCancellationRequested();
            new SiteFeeds(_pages, output, _site, baseUrl).Write(digests, Ranked);
            output.Write(SitePaths.Sitemap, SiteMap.Xml(baseUrl, lists.Pages, digests));
        }
        output.Write(SitePaths.Robots, SiteMap.Robots(_site.BaseUrl));
        _static.Copy(output);
        cancellationToken.ThrowIfCancellationRequested();
        // Found by a new user's trial: an empty records folder built an empty site over the one there, exit 0,
        // removing every digest page; a nightly deploy would have published it as a success.
        if (!_prune && RecordsGone.Problem(_settings.RecordsPath, _site.OutputDirectory, output.Leaving(), digests.Count) is { } gone)
            throw new InputException([gone]);
        var written = output.Count;
        var removed = output.Commit();
        return new SiteResult(_site.OutputDirectory, digests.Count, written, removed) { Unchanged = output.Unchanged, Warnings = warnings };
    }

    // Found by a new user's trial: in a Hugo blog's root, the site's default folder (public/) is where hugo
    // builds the blog (unless its publishDir says another). Its files stopped the site one by one, each message suggesting --force, which would
    // have replaced the blog's pages; and where hugo had not built yet, the two would have mixed their pages.
    // A folder inside it is no better (gatsby build empties public/). One that already holds a site of ours
    // was chosen before, with --force.
    private InputProblem? BlogOutput()
    {
        if (BlogDetector.Enclosing(_site.OutputDirectory) is not { } blog) return null;
        // The folder itself (".") or one inside it.
        if (PathBelow.Relative(BlogDetector.BuildsInto(blog), _site.OutputDirectory) is not { } below) return null;
        if (File.Exists(Path.Combine(_site.OutputDirectory, SiteOutput.ManifestFile))) return null;
        var name = Flavors.Title(blog.Flavor);
        return new InputProblem(_site.OutputDirectory, InputProblem.WholeFile,
            $"a folder of the site's own (--output DIR, or site.output in {SettingsFile.FileName}; --force writes into this one all the same)",
            $"{(below == "." ? "the folder" : "a folder inside the one")} the {name} site in {blog.Root} ({blog.Evidence}) builds into");
    }

    // The k-th digest, newest first: its page, with links to the digests before and after it.
    private Slot DigestPage(IReadOnlyList<RecordsFile> files, int[] order, int k, SiteOutput output)
    {
        var file = files[order[k]];
        try
        {
            var digest = _digests.Rank(file);
            var warnings = new List<string>();
            if (_digests.NoneShown(digest) is { } none) warnings.Add(none + ", so its page has no papers");
            var title = _pages.DigestPage(digest, output, warnings, Neighbour(files, order, k - 1), Neighbour(files, order, k + 1));
            return new Slot(DigestSummary.Of(order[k], digest, title), [], [.. warnings.Select(w => $"{file.Path}: {w}")]);
        }
        catch (InputException e)
        {
            return new Slot(null, e.Problems, []);
        }
    }

    private static (string Link, string Text)? Neighbour(IReadOnlyList<RecordsFile> files, int[] order, int k) =>
        k < 0 || k >= order.Length || files[order[k]] is not { Date: { } date, EndDate: { } end }
            ? null
            : (SitePaths.Link(SitePaths.Digest(date, end)), PostModel.DateText(date, end));

    internal static string Count(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? word : word + "s");
}
