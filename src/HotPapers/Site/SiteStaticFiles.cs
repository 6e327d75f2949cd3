namespace HotPapers.Site;

/// <summary>
/// The site's own files, copied as they are: every file below the templates folder's <c>static/</c> (a
/// favicon, a logo, a CNAME) goes to the same path in the site. Found by a new user's trial: a logo put in
/// the templates folder was ignored without a word, and the output folder is built afresh each night, so
/// a file put there by hand does not last. The look of the site stays in one folder.
/// </summary>
internal sealed class SiteStaticFiles
{
    public const string Folder = "static";

    // The icon a page links to, the first of these the folder has at its top: browsers look for /favicon.ico
    // at the host's root, which is not the site's on a project's GitHub Pages (/repo/).
    private static readonly string[] Icons = ["favicon.svg", "favicon.png", "favicon.ico"];

    private readonly string? _folder;
    private readonly List<string> _paths = [];
    private readonly List<string> _notices = [];

    /// <param name="templatesDirectory">The templates folder, or null for the built-in templates (no static files).</param>
    public SiteStaticFiles(string? templatesDirectory)
    {
        // The templates folder is there: TemplateSet, made first, refuses one that is not.
        if (templatesDirectory is null) return;
        _folder = Path.Combine(templatesDirectory, Folder);
        if (InputFile.KindOf(_folder, followLinks: false) is FileKind.Folder)
        {
            Walk(_folder, "");
            _paths.Sort(StringComparer.Ordinal);
        }
        // Found in review: a Static/ folder was skipped without a word, as a misnamed template is not.
        foreach (var other in Directory.EnumerateDirectories(templatesDirectory))
        {
            var name = Path.GetFileName(other);
            if (name != Folder && name.Equals(Folder, StringComparison.OrdinalIgnoreCase))
                _notices.Add($"{other}: not copied into the site (did you mean {Folder}/?)");
        }
    }

    // Every regular file below the folder, through links to files. Hidden files (.DS_Store, an editor's swap file)
    // and hidden folders stay out, as serve does not serve them, and say nothing; a link to a folder (which could
    // lead back up, endlessly), to nothing, and a FIFO, device or socket (reading one blocks) are named and left.
    private void Walk(string folder, string prefix)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.')) continue;
            var kind = InputFile.KindOf(entry, followLinks: false);
            if (kind is FileKind.Link) kind = InputFile.KindOf(entry) is FileKind.File ? FileKind.File : FileKind.Link;
            switch (kind)
            {
                case FileKind.File:
                    _paths.Add(prefix + name);
                    break;
                case FileKind.Folder:
                    Walk(entry, prefix + name + "/");
                    break;
                default:
                    _notices.Add($"{entry}: not copied into the site: {(kind is FileKind.Link ? "a symbolic link to a folder, or to nothing" : InputFile.Describe(kind))}, not a file");
                    break;
            }
        }
    }

    /// <summary>The files, as paths from the site's root with <c>/</c>, in order.</summary>
    public IReadOnlyList<string> Paths => _paths;

    /// <summary>What of the templates folder is not copied, and why, for the site's warnings.</summary>
    public IReadOnlyList<string> Notices => _notices;

    /// <summary>The favicon the pages link to (a path from the root), or null when the folder has none.</summary>
    public string? Icon => Icons.FirstOrDefault(i => _paths.Contains(i, StringComparer.Ordinal));

    /// <summary>
    /// Stages every file, after the site's own. One at a path the site
    /// writes (index.html, style.css, a feed), in a folder the site writes as a file, or where the site has a
    /// folder, is an error, and leaves the site as it was: compared without case, as the site may be served
    /// from a file system that has none (macOS's, Windows').
    /// </summary>
    public void Copy(SiteOutput output)
    {
        if (_folder is null || _paths.Count == 0) return;
        var written = output.StagedPaths();
        var files = written.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var folders = written.SelectMany(FoldersOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var taken = new List<InputProblem>();
        foreach (var path in _paths)
        {
            var clash = files.TryGetValue(path, out var file) ? $"{file}, which the site writes"
                : folders.Contains(path) ? $"{path}/, a folder of the site's pages"
                : FoldersOf(path).FirstOrDefault(files.Contains) is { } parent ? $"{parent}, which the site writes as a file"
                : null;
            if (clash is not null)
                taken.Add(new InputProblem(Path.Combine(_folder, path), InputProblem.WholeFile,
                    "a file at a path the site does not write itself (the site's pages, style.css, feeds, sitemap.xml and robots.txt come from templates)", clash));
        }
        if (taken.Count > 0) throw new InputException(taken);
        foreach (var path in _paths) output.Write(path, File.ReadAllBytes(Path.Combine(_folder, path)));
    }

    // "a/b/c.png": "a", "a/b".
    private static IEnumerable<string> FoldersOf(string path)
    {
        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1)) yield return path[..slash];
    }
}
