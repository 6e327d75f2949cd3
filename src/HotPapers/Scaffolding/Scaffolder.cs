using System.Security.Cryptography;
using HotPapers.Rendering;
using HotPapers.Settings;
using HotPapers.Output;

namespace HotPapers.Scaffolding;

/// <summary>
/// <c>hotpapers init</c>: the files a blog repository needs to run HotPapers nightly. The files are
/// embedded in the assembly (<c>Scaffolding/files/</c>, and the settings schema); an existing file is
/// never replaced unless asked to, and the files are written all or none, each whole (temporary files, then renames).
/// </summary>
public static class Scaffolder
{
    internal static readonly string WorkflowFile = Path.Combine(".github", "workflows", "hotpapers.yml");

    /// <summary>The site's workflow: nightly collect, <c>hotpapers site</c>, and a deployment to GitHub Pages.</summary>
    internal static readonly string SiteWorkflowFile = Path.Combine(".github", "workflows", "hotpapers-site.yml");

    /// <summary>Where <c>hotpapers site</c> writes the site unless told otherwise, and the Pages workflow uploads it from.</summary>
    internal const string SiteFolder = "public";

    /// <summary>
    /// Hugo's records folder: outside <c>content/</c>, which Hugo publishes, and <c>data/</c>, which it
    /// parses on every build (one bad file there fails the site).
    /// </summary>
    internal static readonly string HugoRecordsFolder = Path.Combine("hotpapers", "records");

    internal const string SchemaFile = "hotpapers-settings.schema.json";
    internal const string GitIgnoreFile = ".gitignore";
    internal const string TemplatesFolder = "templates";

    /// <summary>
    /// What <c>.gitignore</c> needs: the build's lock stays in the posts folder, a killed build's temporary
    /// files too, and collect's response cache beside hotpapers.yml. The cache is left out on purpose: it
    /// grows every night and only <c>collect --offline</c> reads it; a nightly run starts from a clean
    /// checkout, so a blog that wants it kept uses the workflow's cache step or deletes this line.
    /// </summary>
    internal static IReadOnlyList<string> GitIgnoreLines { get; } = [OutputLock.FileName, "*" + PostWriter.TempSuffix, CacheFolder + "/"];

    /// <summary>collect's response cache, beside hotpapers.yml (its default place).</summary>
    internal const string CacheFolder = ".hotpapers/cache";

    /// <summary>What a site's <c>.gitignore</c> needs besides: the built site (the workflow builds it afresh each night).</summary>
    internal static IReadOnlyList<string> SiteGitIgnoreLines { get; } = [SiteFolder + "/"];

    /// <summary>The records folder <c>init</c> makes for a flavor, relative to the site's root.</summary>
    internal static string RecordsFolder(InitFlavor flavor) => flavor switch
    {
        InitFlavor.Hugo => HugoRecordsFolder,
        InitFlavor.Site => "records",
        _ => Path.Combine("content", "records"),
    };

    /// <summary>The empty file that keeps the flavor's records folder in git before it has a records file.</summary>
    private static string RecordsKeepFile(InitFlavor flavor) => Path.Combine(RecordsFolder(flavor), ".gitkeep");

    /// <summary>The files of a flavor, relative to the site's root, with their text (not <c>.gitignore</c>, which is extended rather than written).</summary>
    internal static IReadOnlyList<(string Path, string Text)> Files(InitFlavor flavor, bool templates = false)
    {
        var records = flavor switch
        {
            InitFlavor.Hugo => "# Where the records are, and where the posts go.  (--records, --output)\n"
                + "# Outside content/ (Hugo would publish the records) and data/ (Hugo would parse them).\nrecords: hotpapers/records\n# output: content/posts",
            InitFlavor.Site => "# Where the records are (collect writes them, site reads them), and where build's posts would go.  (--records, --output)\n"
                + "records: records\n# output: content/posts",
            _ => "# Where the records are, and where the posts go.  (--records, --output)\n# records: content/records\n# output: content/posts",
        };
        var flavorLine = InitFlavors.Posts(flavor) is { } posts
            ? "# The kind of blog: gatsby (the old blog's format) or hugo.  (--flavor)\nflavor: " + Flavors.Name(posts)
            : "# The kind of blog hotpapers build writes posts for: gatsby (the old blog's format) or hugo. This\n"
                + "# repository's HTML site is made by hotpapers site, which writes no posts.  (--flavor)\n# flavor: gatsby";
        var files = new List<(string, string)>
        {
            (SettingsFile.FileName, Resource("hotpapers.yml").Replace("{flavor}", flavorLine)
                .Replace("{records}", records).Replace("{templates}", templates ? "templates: templates" : "# templates: templates")
                // Found by a new user's trial: the built-in thresholds are the old blog's, for Twitter's counts; a new site
                // collects from Hugging Face and Hacker News until it has X's or Bluesky's keys, whose counts seldom reach them.
                .Replace("{ranking}", flavor == InitFlavor.Site
                    ? "ranking:\n  minPaperScore: 10     # a paper is shown when its score reaches this (built in: 50, for Twitter's counts; Hugging Face's and Hacker News' are lower)\n"
                        + "  minMentionScore: 5    # a mention is shown when its score reaches this (built in: 25)"
                    : "# ranking:\n#   minPaperScore: 50     # a paper is shown when its score reaches this\n"
                        + "#   minMentionScore: 25   # a mention is shown when its score reaches this (old name: minTweetScore)")
                // Found by a new user's trial: a new Hugo site's posts named the old blog's image, a file it does not have.
                .Replace("{post}", flavor == InitFlavor.Hugo ? "post:" : "# post:")
                .Replace("{socialImage}", flavor == InitFlavor.Hugo
                    ? "  socialImage: \"\"    # none (the built-in default, /media/flying-marine.jpg, is the old blog's image): a path under static/ for one"
                    : "#   socialImage: \"/media/flying-marine.jpg\"")),
            (SchemaFile, Resource(SchemaFile)),
            (RecordsKeepFile(flavor), ""),
        };
        files.AddRange(Kept(flavor));
        if (templates) files.AddRange(TemplatesOf(flavor).Select(n => (Path.Combine(TemplatesFolder, n), TemplateSet.BuiltIn.Read(n).Text)));
        return files;
    }

    /// <summary>
    /// The built-in templates a flavor renders through, which <c>--templates</c> copies out: a blog's post
    /// template, or the site's pages and stylesheet (every built-in template but the posts').
    /// </summary>
    internal static IEnumerable<string> TemplatesOf(InitFlavor flavor) => InitFlavors.Posts(flavor) is { } posts
        ? [Flavors.PostTemplate(posts)]
        : TemplateSet.SiteNames;

    /// <summary>The files <c>--update</c> keeps at this version's: the workflow, the schema and, for Hugo, the shortcode.</summary>
    internal static IEnumerable<(string Path, string Text)> Kept(InitFlavor flavor)
    {
        yield return flavor == InitFlavor.Site ? (SiteWorkflowFile, Resource("site-workflow.yml")) : (WorkflowFile, Resource("workflow.yml"));
        if (flavor == InitFlavor.Hugo) yield return (HugoShortcode.TweetFile, Resource("hotpapers-tweet.html"));
    }

    /// <summary><c>init</c> for a blog of <paramref name="flavor"/>, as <see cref="Init"/> does it.</summary>
    internal static IReadOnlyList<ScaffoldedFile> Scaffold(string directory, Flavor flavor, bool force) => Init(new InitRequest(directory, InitFlavors.Of(flavor), force)).Files;

    public static InitResult Init(InitRequest request)
    {
        var (flavor, reason, warnings) = PickFlavor(request);
        var settingsFile = Path.Combine(request.Directory, SettingsFile.FileName);
        // The settings of the hotpapers.yml init leaves as it is (there already, and no --force), which build will read;
        // null when there is none, or it does not load (build's to report).
        var kept = request.Force ? null : TryLoad(settingsFile);
        // Found by a user's trial: init --flavor hugo in a Gatsby blog said "flavor hugo" and kept hotpapers.yml, whose
        // flavor: gatsby build went on using without a word. The kept file wins for build: say so, and what to change.
        Flavor? keptFlavor = null;
        if (kept is not null && InitFlavors.Posts(flavor) is { } wanted && kept.Flavor != wanted)
        {
            keptFlavor = kept.Flavor;
            reason = $"the flavor in {settingsFile}, kept; --flavor {InitFlavors.Name(flavor)} chose only the files init writes";
            warnings = [.. warnings, SwitchFlavor(request.Directory, settingsFile, kept.Flavor, wanted, kept)];
        }
        // Every file init reads or extends is read, and every file's fate decided, before one is written:
        // a problem found then leaves the folder as it was.
        var plan = Plan(request, flavor, kept);
        CheckFolders(request.Directory, plan);
        warnings = [.. warnings, .. Commit(plan.Where(s => s.Bytes is not null).ToList())];
        var done = plan.Select(s => s.File).ToList();
        // The settings as init left them (init's, or the owner's when init runs again: those it kept, read before), for the
        // notes and the steps. Settings that do not load are build's to report: the defaults here.
        var settings = kept ?? TryLoad(settingsFile) ?? SettingsFile.Defaults(request.Directory) with { RecordsPath = Path.Combine(request.Directory, RecordsFolder(flavor)) };
        return new InitResult(flavor, reason, warnings, done, InitAdvice.Notes(request, flavor, done, settings), request.Update ? [] : InitAdvice.NextSteps(request.Directory, flavor, settings, keptFlavor))
        {
            KeptFlavor = keptFlavor,
        };
    }

    /// <summary>
    /// What to change in the kept <paramref name="file"/> for build to make <paramref name="wanted"/>'s posts. For Hugo,
    /// records left under <c>content/</c> would be published with the site: where they can go instead.
    /// </summary>
    private static string SwitchFlavor(string directory, string file, Flavor builds, Flavor wanted, BuildSettings kept)
    {
        var switchTo = $"{file} (kept) says flavor: {Flavors.Name(builds)}, and build reads it: set flavor: {Flavors.Name(wanted)} there to build {Flavors.Title(wanted)} posts";
        if (wanted != Flavor.Hugo || PathBelow.Relative(Path.Combine(directory, "content"), kept.RecordsPath) is null) return switchTo;
        var records = InitAdvice.Shown(directory, kept.RecordsPath);
        return switchTo + $"; Hugo publishes every file under content/, so move the records files of {records}/ to {HugoRecordsFolder.Replace('\\', '/')}/ and set "
            + $"records: {HugoRecordsFolder.Replace('\\', '/')} there too, or add ignoreFiles = ['{records}/'] to hugo.toml (or config.toml)";
    }

    /// <summary>What init will do with one file, and the bytes it will write there (null: none).</summary>
    /// <param name="Seen">The file as init found it before reading it (null: none): the one the commit may replace.</param>
    private sealed record Step(ScaffoldedFile File, byte[]? Bytes = null, FileStamp? Seen = null);

    /// <summary>
    /// Writes the steps' files all or none. Found by a new user's trial: with <c>.github/workflows</c> read-only, init
    /// wrote hotpapers.yml, the schema and the records folder, then stopped on the workflow with .NET's words; with
    /// <c>--force</c> it had replaced the user's hotpapers.yml first. Each file is staged beside its place, then all
    /// are renamed into place (<see cref="StagedPosts"/>, as build's posts): a folder that refuses a staged file stops
    /// init before any is in place, a rename refused puts back those already replaced, and the folders made for them
    /// go. A file saved meanwhile where init found none, or changed since init read it, is not replaced either.
    /// Returns warnings about what came after the files were in place (a displaced file that could not be removed).
    /// </summary>
    private static IReadOnlyList<string> Commit(List<Step> steps)
    {
        var staged = new StagedPosts();
        var seen = steps.ToDictionary(s => s.File.Path, s => s.Seen, StringComparer.Ordinal);
        try
        {
            foreach (var step in steps)
            {
                try
                {
                    staged.Add(step.File.Path, step.Bytes!);
                }
                // Told as build, site and serve tell it: the folder, with the system's reason, not the temporary file's name.
                catch (Exception e) when (OutputFolder.Refusal(Folder(step.File.Path), e) is { } refusal)
                {
                    throw refusal;
                }
            }
            try
            {
                staged.Replace(seen);
            }
            catch (IOException e) when (e.InnerException is ReplaceRefusedException refused)
            {
                // Everything is put back (else the exception says what is not, and holds none of these).
                throw seen.GetValueOrDefault(refused.Path) is null
                    ? OutputFolder.Refusal(Folder(refused.Path), refused.InnerException!) ?? (Exception)e
                    : new InputException([new InputProblem(refused.Path, InputProblem.WholeFile, "a file hotpapers may replace", refused.Found)]);
            }
            catch (PostsEditedException e)
            {
                throw new InputException([.. e.Paths.Select(p => new InputProblem(p, InputProblem.WholeFile,
                    seen.GetValueOrDefault(p) is null ? "no file (as init found none)" : "the file as init found it",
                    "one written there while init ran; run init again"))]);
            }
            staged.FlushRenames();
            return staged.Finish(seen);
        }
        finally
        {
            // What was staged and not put in place, and the folders made for it (nothing, once Finish is done).
            staged.Discard();
        }
    }

    private static string Folder(string path) => Path.GetDirectoryName(path) is { Length: > 0 } folder ? folder : ".";

    /// <param name="kept">The settings of the hotpapers.yml init keeps, if it keeps one.</param>
    private static List<Step> Plan(InitRequest request, InitFlavor flavor, BuildSettings? kept)
    {
        var plan = new List<Step>();
        if (request.Update)
        {
            foreach (var (relative, text) in Kept(flavor).Append((SchemaFile, Resource(SchemaFile))))
                plan.Add(Stamped(Path.Combine(request.Directory, relative), path => Update(path, text)));
            // The copies' paths are the settings' own, the blog's folder in them already (init --update my-blog wrote
            // my-blog/my-blog/templates/post.md.sbn, found by review).
            foreach (var (copy, name) in TemplateCopies(flavor, kept?.TemplatesDirectory)) plan.Add(Stamped(copy, path => Update(path, TemplateSet.BuiltIn.Read(name).Text)));
        }
        else
        {
            // Found by a user's trial: init --flavor hugo made hotpapers/records/ beside a kept hotpapers.yml that reads
            // content/records: a folder nothing reads. The flavor's records folder is made only where the settings read it.
            var unread = kept is not null && Path.GetFullPath(kept.RecordsPath) != Path.GetFullPath(Path.Combine(request.Directory, RecordsFolder(flavor)))
                ? RecordsKeepFile(flavor) : null;
            foreach (var (relative, text) in Files(flavor, request.Templates).Where(f => f.Path != unread))
                plan.Add(Stamped(Path.Combine(request.Directory, relative), path => Write(path, text, request.Force)));
        }
        // The workflow just written or updated installs the version pinned here: they move together.
        plan.Add(Stamped(Path.Combine(request.Directory, ToolManifest.File), manifest =>
        {
            var (outcome, pinned) = ToolManifest.Pin(manifest, ToolManifest.Version, repin: request.Update || request.Force);
            return new(new(manifest, outcome), pinned is null ? null : PostWriter.Encode(pinned));
        }));
        plan.Add(Stamped(Path.Combine(request.Directory, GitIgnoreFile), path => ExtendGitIgnore(path, flavor)));
        return plan;
    }

    /// <summary>The step <paramref name="decide"/> plans for <paramref name="path"/>, with the file as it was before it was read.</summary>
    private static Step Stamped(string path, Func<string, Step> decide)
    {
        var seen = FileStamp.Of(path);
        return decide(path) with { Seen = seen };
    }

    /// <summary>
    /// A file (or anything else but a folder) where a file to write needs a folder (the site's folder
    /// itself, or <c>.github</c>, <c>.config</c>, ...): refused before anything is written.
    /// </summary>
    private static void CheckFolders(string directory, List<Step> plan)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in plan.Where(s => s.Bytes is not null))
        {
            // From the file's folder up to the site's own, each looked at once.
            for (var folder = Path.GetDirectoryName(step.File.Path); !string.IsNullOrEmpty(folder) && seen.Add(folder); folder = Path.GetDirectoryName(folder))
            {
                if (InputFile.KindOf(folder) is not (FileKind.Folder or FileKind.Missing) and var kind)
                    throw InputFile.Refuse(folder, InputProblem.WholeFile, "a folder (or none)", kind);
                if (Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) == root) break;
            }
        }
    }

    private static (InitFlavor, string, IReadOnlyList<string>) PickFlavor(InitRequest request)
    {
        var found = BlogDetector.Detect(request.Directory);
        var settings = Path.Combine(request.Directory, SettingsFile.FileName);
        var siteWorkflow = Path.Combine(request.Directory, SiteWorkflowFile);
        if (request.Flavor is { } given)
        {
            // Found by a user's trial: init --flavor site in a Hugo blog wrote a workflow that built the site into public/,
            // the blog's own, which hotpapers site refuses there, so it failed every night; and GitHub Pages publishes one
            // site per repository. The HTML site is a site of its own, in a folder (a repository) of its own.
            if (given == InitFlavor.Site && found.FirstOrDefault() is { } host)
            {
                var into = InitAdvice.Shown(request.Directory, BlogDetector.BuildsInto(host));
                throw new InputException([new InputProblem(request.Directory, InputProblem.WholeFile,
                    "a folder for the HTML site, a site of its own (GitHub Pages publishes one per repository)",
                    $"the {Flavors.Title(host.Flavor)} site of {Path.Combine(request.Directory, host.Evidence)}, which builds the blog into {into}/: "
                    + "run hotpapers init --flavor site DIR with a new folder outside it; to see the site this blog's records make, run hotpapers serve here")]);
            }
            var other = InitFlavors.Posts(given) is { } posts ? found.FirstOrDefault(b => b.Flavor != posts) : null;
            return (given, "--flavor", other is null || found.Any(b => b.Flavor == InitFlavors.Posts(given)) ? []
                : [$"--flavor {InitFlavors.Name(given)}, but this folder is a {Flavors.Title(other.Flavor)} site ({Path.Combine(request.Directory, other.Evidence)}): the posts will not show as they should there"]);
        }
        // A repository init set up for the site: its workflow says so (its settings name no flavor).
        if (File.Exists(siteWorkflow)) return (InitFlavor.Site, $"found {siteWorkflow}", []);
        // A blog set up already (init again, or --update): the flavor its settings name, which build uses.
        if (File.Exists(settings)) return (InitFlavors.Of(SettingsFile.Load(settings).Flavor), $"the flavor in {settings}", []);
        if (found.Count == 1) return (InitFlavors.Of(found[0].Flavor), $"found {Path.Combine(request.Directory, found[0].Evidence)}", []);
        // A folder inside a blog (its content/posts, say, where a user with old posts may well stand): a second setup
        // there is no build's, and its workflow one GitHub never runs (it reads .github/workflows at the repository's root).
        if (found.Count == 0 && BlogDetector.Enclosing(request.Directory) is { } blog)
            throw new InputException([new InputProblem(request.Directory, InputProblem.WholeFile, "a blog's own folder (or one that is no blog's)",
                $"a folder inside the site at {blog.Root} ({Path.Combine(blog.Root, blog.Evidence)}): run init there, or give --flavor to set this folder up as a blog of its own")]);
        var others = string.Join(", ", InitFlavors.Names.Where(n => n != InitFlavors.Name(InitFlavor.Gatsby)).Select(n => "--flavor " + n));
        if (found.Count > 1)
            return (InitFlavor.Gatsby, $"the default: this folder looks like both ({string.Join(" and ", found.Select(b => b.Evidence))}); for another, {others}", []);
        return (InitFlavor.Gatsby, $"the default: no Hugo or Gatsby site found in {request.Directory}; for another, {others}", []);
    }

    /// <summary>What init writes where a file of its own is to go, but finds something else there.</summary>
    private const string FileOrNone = "a file (or none)";

    private static Step Write(string path, string text, bool force)
    {
        var bytes = PostWriter.Encode(text);
        // Found by a new user's trial: a folder named hotpapers.yml was "skipped (exists; left as it is)", exit 0, and the
        // build init's next steps gave failed on it; a folder named .gitignore was an error. Anything but a file is refused.
        if (!InputFile.Exists(path, FileOrNone)) return new(new(path, ScaffoldOutcome.Written), bytes);
        if (!force) return new(new(path, ScaffoldOutcome.Skipped));
        // The same bytes are left untouched (their time too), as build leaves an unchanged post, and said to be current:
        // "overwrote" for a file init did not touch had a trial's user look for what changed.
        return PostWriter.Compare(path, bytes) == WriteOutcome.Unchanged
            ? new(new(path, ScaffoldOutcome.UpToDate))
            : new(new(path, ScaffoldOutcome.Overwritten), bytes);
    }

    // A file init keeps: replaced only where it is still exactly what an earlier version wrote.
    private static Step Update(string path, string text)
    {
        if (!InputFile.Exists(path, FileOrNone)) return Write(path, text, force: false);
        var bytes = PostWriter.Encode(text);
        var hash = Hash(File.ReadAllBytes(path));
        if (hash == Hash(bytes)) return new(new(path, ScaffoldOutcome.UpToDate));
        if (!EarlierVersions.Contains(hash)) return new(new(path, ScaffoldOutcome.Changed));
        return new(new(path, ScaffoldOutcome.Updated), bytes);
    }

    private static Step ExtendGitIgnore(string path, InitFlavor flavor)
    {
        var text = InputFile.Exists(path, "a .gitignore file (or none)", InputProblem.WholeFile) ? File.ReadAllText(path) : null;
        var lines = text?.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal) ?? [];
        var site = flavor == InitFlavor.Site;
        var missing = GitIgnoreLines.Concat(site ? SiteGitIgnoreLines : []).Where(l => !lines.Contains(l)).ToList();
        if (missing.Count == 0) return new(new(path, ScaffoldOutcome.UpToDate));
        var heading = site ? "# hotpapers: a build's lock, what a killed build left, collect's response cache and the built site\n" : "# hotpapers: a build's lock, what a killed build left, and collect's response cache\n";
        var added = (text is null or "" || text.EndsWith('\n') ? "" : "\n") + heading + string.Join("\n", missing) + "\n";
        return new(new(path, text is null ? ScaffoldOutcome.Written : ScaffoldOutcome.Extended), PostWriter.Encode((text ?? "") + added));
    }

    internal static bool IsEarlierVersion(string path) => File.Exists(path) && EarlierVersions.Contains(Hash(File.ReadAllBytes(path)));

    /// <summary>
    /// The copies of the flavor's built-in templates in <paramref name="templatesDirectory"/> that are exactly an earlier
    /// version's, with the name of the template each is a copy of: <c>init --update</c> replaces them with this
    /// version's. One edited is the owner's, and a copy deleted (to take the built-in one) is not made again.
    /// </summary>
    internal static IEnumerable<(string Path, string Name)> TemplateCopies(InitFlavor flavor, string? templatesDirectory) =>
        templatesDirectory is null ? []
        : TemplatesOf(flavor).Select(n => (Path.Combine(templatesDirectory, n), n)).Where(c => IsEarlierVersion(c.Item1));

    /// <summary>The settings of <paramref name="path"/>; null where there is no such file or it does not load (build's to report).</summary>
    private static BuildSettings? TryLoad(string path)
    {
        try
        {
            return File.Exists(path) ? SettingsFile.Load(path) : null;
        }
        catch (InputException)
        {
            return null;
        }
    }

    private static HashSet<string> EarlierVersions { get; } = [.. Resource("earlier-versions.txt").Split('\n')
        .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(' ')[0])];

    // Line ends as LF: a checkout on Windows may have made them CR LF.
    private static string Hash(byte[] bytes) =>
        Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan().IndexOf((byte)'\r') < 0 ? bytes : PostWriter.Encode(System.Text.Encoding.UTF8.GetString(bytes))));

    internal static string Resource(string name)
    {
        using var stream = typeof(Scaffolder).Assembly.GetManifestResourceStream("scaffold/" + name)
            ?? throw new InvalidOperationException($"scaffold file {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
