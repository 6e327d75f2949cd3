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

    /// <param name="templatesDirectory">The templates folder, or null for the built-in templates (no static files).</param>
    public SiteStaticFiles(string? templatesDirectory)
    {
        _folder = templatesDirectory is null ? null : Path.Combine(templatesDirectory, Folder);
        if (_folder is null || InputFile.KindOf(_folder) is not FileKind.Folder) return;
        // Hidden files (.DS_Store, an editor's swap file) and everything in hidden folders stay out, as serve does
        // not serve them; links are not followed (a link to a folder above would make the walk endless).
        var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };
        Paths = [.. Directory.EnumerateFiles(_folder, "*", walk)
            .Select(f => Path.GetRelativePath(_folder, f).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The files, as paths from the site's root with <c>/</c>, in order.</summary>
    public IReadOnlyList<string> Paths { get; } = [];

    /// <summary>The favicon the pages link to (a path from the root), or null when the folder has none.</summary>
    public string? Icon => Icons.FirstOrDefault(i => Paths.Contains(i, StringComparer.Ordinal));

    /// <summary>
    /// Stages every file, after the site's own: one at a path the site writes (index.html, style.css, a
    /// feed) is an error, not a quiet replacement of either, and leaves the site as it was.
    /// </summary>
    public void Copy(SiteOutput output)
    {
        if (_folder is null) return;
        var taken = Paths.Where(output.Has).Select(p => new InputProblem(Path.Combine(_folder, p), InputProblem.WholeFile,
            "a file at a path the site does not write itself (the site's pages, style.css, feeds, sitemap.xml and robots.txt come from templates)",
            $"{p}, which the site writes")).ToList();
        if (taken.Count > 0) throw new InputException(taken);
        foreach (var path in Paths) output.Write(path, File.ReadAllBytes(Path.Combine(_folder, path)));
    }
}
