using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HotPapers.Rendering;

/// <summary>
/// The Scriban templates: the user's folder first, then the built-in ones embedded in the assembly,
/// matched by file name. Each template is read and parsed once and shared by every render, includes
/// too, which is safe because a parsed <see cref="Template"/> is immutable.
/// </summary>
internal sealed class TemplateSet : ITemplateLoader
{
    public const string PostTemplate = "post.md.sbn";

    private readonly string? _overrideDirectory;
    private readonly ConcurrentDictionary<string, Template> _parsed = new(StringComparer.Ordinal);

    /// <param name="used">
    /// The templates the command renders: a misnamed one of them stops it (<see cref="RefuseMisnamed"/>), and of two
    /// built-in templates a misnamed one is near alike, the one it renders is meant (post.sbn, in a Gatsby build, is
    /// post.md.sbn; in a Hugo one, post.hugo.md.sbn).
    /// </param>
    public TemplateSet(string? overrideDirectory = null, IReadOnlyCollection<string>? used = null)
    {
        if (overrideDirectory is not null && !Directory.Exists(overrideDirectory))
        {
            throw new InputException([new InputProblem(overrideDirectory, InputProblem.WholeFile, "a folder of templates",
                File.Exists(overrideDirectory) ? "a file" : "no such folder")]);
        }
        _overrideDirectory = overrideDirectory;
        _used = used ?? [];
        Notices = overrideDirectory is null ? [] : Ignored(overrideDirectory, _used, _misnamed);
    }

    /// <summary>Files of the templates folder that are not read, each naming the file and why, for the build's warnings.</summary>
    public IReadOnlyList<string> Notices { get; }

    // The folder's files named near a built-in template that the folder does not have: the user's template,
    // misnamed, which nothing would use.
    private readonly List<(string Path, string Meant)> _misnamed = [];

    private readonly IReadOnlyCollection<string> _used;

    /// <summary>
    /// Refuses a file of the templates folder named near one of the templates the command renders (the constructor's
    /// <c>used</c>) that the folder does not have. Found by a user's trial: a post template renamed
    /// <c>post.hugo.sbn</c> was only a warning, and <c>build --all</c> rewrote every customised post in the built-in
    /// look; in a nightly job nobody reads the warning. Misnamed templates the command does not render stay notices.
    /// </summary>
    public void RefuseMisnamed()
    {
        var problems = _misnamed.Where(m => _used.Contains(m.Meant, StringComparer.Ordinal))
            .Select(m => new InputProblem(m.Path, InputProblem.WholeFile, $"a template named as the built-in one it replaces ({m.Meant}?)",
                $"a name no built-in template has, so the built-in {m.Meant} would be used: rename it {m.Meant}, or move it out of the templates folder for the built-in one"))
            .ToList();
        if (problems.Count > 0) throw new InputException(problems);
    }

    // An editor's lock file (Emacs makes ".#post.md.sbn", a link to nothing), backup or swap file sits
    // beside the template being edited: it is none of ours, and must not fail the build.
    private static List<string> Ignored(string directory, IReadOnlyCollection<string> used, List<(string Path, string Meant)> misnamed)
    {
        var notices = new List<string>();
        var entries = InputFile.Read(directory, "a templates folder", () => Directory.GetFileSystemEntries(directory)).Order(StringComparer.Ordinal).ToList();
        // Read only where a name is near a built-in one, and then once for all such names.
        var texts = new Lazy<List<(string Path, string Text)>>(() => Texts(entries));
        foreach (var path in entries)
        {
            if (EditorFile(Path.GetFileName(path)) is { } what)
                notices.Add($"{path}: ignored: an editor's {what} file, not a template");
            else if (InputFile.KindOf(path, followLinks: false) is FileKind.Link && InputFile.KindOf(path) is FileKind.Missing or FileKind.LinkLoop)
                notices.Add($"{path}: ignored: a symbolic link to nothing ({new FileInfo(path).LinkTarget})"
                    + (typeof(TemplateSet).Assembly.GetManifestResourceInfo("templates/" + Path.GetFileName(path)) is null ? "" : "; the built-in template of that name is used"));
            // A folder is no template (the site's static/ holds files it copies as they are).
            else if (InputFile.KindOf(path) is not FileKind.Folder && Misnamed(Path.GetFileName(path), used) is { } meant && !IncludedBy(texts.Value, path))
            {
                var own = File.Exists(Path.Combine(directory, meant));
                notices.Add($"{path}: overrides no built-in template (did you mean {meant}?); the " + (own ? $"folder's own {meant}" : $"built-in {meant}") + " is used");
                if (!own && Surely(Path.GetFileName(path), meant)) misnamed.Add((path, meant));
            }
        }
        return notices;
    }

    // Found by a new user's trial: styles.css and days.html.sbn in a templates folder were ignored without a
    // word, and the built-in stylesheet used. A name near a built-in one, and not one itself, is most likely
    // a typo of it; a name near none may be an include of the user's own, and is left alone.
    // Found by a user's trial: about.sbn, the page's name without its middle extension, was ignored without a word:
    // the one built-in name of that first word and last extension is meant. Found by another: style.css.sbn (a
    // built-in name and ".sbn"), post.md.sbn.txt (and an extension after it, as an editor adds), post.sbn and
    // post.gatsby.md.sbn were ignored without a word, and every post was rewritten in the built-in look.
    private static string? Misnamed(string name, IReadOnlyCollection<string> used) =>
        BuiltInNames.Contains(name, StringComparer.Ordinal) ? null
        : BuiltInNames.Contains(name + ".sbn", StringComparer.Ordinal) ? name + ".sbn"
        : BuiltInNames.FirstOrDefault(b => name.StartsWith(b + ".", StringComparison.OrdinalIgnoreCase)) is { } before ? before
        : BuiltInNames.Where(b => FirstWord(b).Equals(FirstWord(name), StringComparison.OrdinalIgnoreCase)
            && Path.GetExtension(b).Equals(Path.GetExtension(name), StringComparison.OrdinalIgnoreCase)).ToList() is { Count: > 0 } alike
            ? alike is [var only] ? only : OneOf(name, alike, used)
        : NearestName.Of(name, BuiltInNames);

    /// <summary>
    /// Which of several built-in names of the same first word and extension <paramref name="name"/> means: the one whose
    /// own words it has (post.hugo.sbn: post.hugo.md.sbn, whatever the flavor), else the one the command renders
    /// (post.sbn and post.gatsby.md.sbn: a Gatsby build's post.md.sbn, a Hugo build's post.hugo.md.sbn), where the name
    /// has no word but theirs and a flavor's. Found by review: post.draft.sbn, post.header.sbn (a draft, a partial not yet
    /// included) were taken for the rendered template and stopped the build; they are judged by nearness, as before.
    /// </summary>
    private static string? OneOf(string name, List<string> alike, IReadOnlyCollection<string> used)
    {
        var words = Words(name);
        var common = alike.Select(Words).Aggregate((a, b) => [.. a.Intersect(b)]);
        return alike.Where(b => Words(b).Except(common).ToList() is { Count: > 0 } own && own.All(words.Contains)).ToList() is [var marked] ? marked
            : words.Except(common).All(Flavors.Names.Contains) && alike.Where(used.Contains).ToList() is [var rendered] ? rendered
            : NearestName.Of(name, alike);
    }

    private static HashSet<string> Words(string name) => [.. name.ToLowerInvariant().Split(['.', '-', '_'], StringSplitOptions.RemoveEmptyEntries)];

    // Refused (RefuseMisnamed) only where the name is surely the template's: its name but for case or ".sbn" (left out
    // or added), its name and ".txt" (an editor's, hidden where a system hides extensions), or the same extension and a
    // first word a letter off (post.hugo.sbn, post-hugo.md.sbn, days.html.sbn, styles.css). Found by review: a name
    // merely near one (page.md.sbn, post.md.bak, a sample post.md.old, post.md.sbn.bak) would stop a nightly job.
    private static bool Surely(string name, string meant) =>
        name.Equals(meant, StringComparison.OrdinalIgnoreCase) || name + ".sbn" == meant || name == meant + ".sbn"
        || name.Equals(meant + ".txt", StringComparison.OrdinalIgnoreCase)
        || (Path.GetExtension(name).Equals(Path.GetExtension(meant), StringComparison.OrdinalIgnoreCase)
            && NearestName.Distance(FirstWord(name).ToLowerInvariant(), FirstWord(meant)) <= 1);

    private static string FirstWord(string name) => name[..(name.IndexOfAny(['.', '-', '_']) is var end and >= 0 ? end : name.Length)];

    // Found by a new user's trial: header.html.sbn and nav.html.sbn, partials the user's own templates include,
    // were said to be typos of head.html.sbn and day.html.sbn. A file that another template of the folder
    // includes by name is a partial, whatever it is named near; one only named (a link to styles.css, which
    // the site does not copy) is not. Only for a warning: a file it cannot read (or one too big to be a
    // template, an image) is not looked in.
    private static bool IncludedBy(List<(string Path, string Text)> texts, string partial)
    {
        // include 'x', include("x"), and 'x' | include; in any of Scriban's quotes.
        var name = Regex.Escape(Path.GetFileName(partial));
        var include = new Regex($@"\binclude\s*\(?\s*([""'`]){name}\1|([""'`]){name}\2\s*\|\s*include\b", RegexOptions.CultureInvariant);
        return texts.Any(t => t.Path != partial && include.IsMatch(t.Text));
    }

    // The folder's files that can be templates, as text.
    private static List<(string Path, string Text)> Texts(List<string> entries)
    {
        var texts = new List<(string, string)>();
        foreach (var path in entries)
        {
            if (InputFile.KindOf(path) is not FileKind.File) continue;
            try
            {
                if (new FileInfo(path).Length <= MaxLookedIn) texts.Add((path, File.ReadAllText(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return texts;
    }

    private const long MaxLookedIn = 1024 * 1024;

    private static string? EditorFile(string name) =>
        name.StartsWith(".#", StringComparison.Ordinal) ? "lock"
        : name.EndsWith('~') || (name.Length > 1 && name.StartsWith('#') && name.EndsWith('#')) ? "backup"
        : name.StartsWith('.') && (name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".swo", StringComparison.Ordinal)) ? "swap"
        : null;

    public static TemplateSet BuiltIn { get; } = new();

    /// <summary>The templates a build uses: the built-in ones, overridden by those of <paramref name="overrideDirectory"/> when one is set.</summary>
    /// <param name="used">The templates the command renders (see the constructor).</param>
    public static TemplateSet For(string? overrideDirectory, IReadOnlyCollection<string> used) => overrideDirectory is null ? BuiltIn : new TemplateSet(overrideDirectory, used);

    /// <summary>The built-in templates' file names (<c>init --templates</c> copies out those of its flavor for editing).</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = [.. typeof(TemplateSet).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("templates/", StringComparison.Ordinal)).Select(n => n["templates/".Length..]).Order(StringComparer.Ordinal)];

    /// <summary>The HTML site's built-in templates, its pages, partials and stylesheet: every one but the posts'.</summary>
    public static IReadOnlyList<string> SiteNames { get; } =
        [.. BuiltInNames.Except([Flavors.PostTemplate(Flavor.Gatsby), Flavors.PostTemplate(Flavor.Hugo)], StringComparer.Ordinal)];

    /// <summary>The parsed template; a syntax error is a <see cref="TemplateException"/> naming file, line and column.</summary>
    public Template Get(string name) => _parsed.GetOrAdd(name, n =>
    {
        var (path, text) = Read(n);
        _texts[path] = text;
        return TemplateSyntax.Parse(path, text);
    });

    // Each parsed template's text, by its path (as the spans of its nodes name it), for a message that quotes it.
    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>The text of a template <see cref="Get"/> parsed, by the path its spans name; null for another.</summary>
    public string? TextOf(string path) => _texts.GetValueOrDefault(path);

    /// <summary>Where the template comes from (a path, or <c>built-in:name</c>) and its text.</summary>
    public (string Path, string Text) Read(string name)
    {
        if (name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(name))
            throw new TemplateException(name, 1, 1, $"expected the name of a template inside the templates folder (\"links.sbn\", \"partials/links.sbn\"), found \"{name}\"");
        if (_overrideDirectory is not null)
        {
            var path = Path.Combine(_overrideDirectory, name);
            // A FIFO or a device would never end: refused before it is opened.
            var kind = InputFile.KindOf(path);
            if (kind is FileKind.File)
                return (path, TextFile.Decode(InputFile.Read(path, "a template", () => File.ReadAllBytes(path)), out var line)
                    ?? throw new TemplateException(path, line, 1, "expected UTF-8 text, found bytes that are not UTF-8 (save the file as UTF-8)") { IsSyntax = true });
            if (kind is not FileKind.Missing)
                throw new TemplateException(path, 1, 1, $"expected a template file, found {InputFile.Describe(kind)}");
        }
        using var stream = typeof(TemplateSet).Assembly.GetManifestResourceStream("templates/" + name)
            ?? throw new TemplateException(name, 1, 1, $"no template \"{name}\" in {_overrideDirectory ?? "the templates folder"} nor built in");
        using var reader = new StreamReader(stream);
        return ("built-in:" + name, reader.ReadToEnd());
    }

    /// <summary>Where a template of that name comes from, for messages: its path, or <c>built-in:name</c>.</summary>
    public string Describe(string name)
    {
        if (name.StartsWith("built-in:", StringComparison.Ordinal) || name.Contains(Path.DirectorySeparatorChar)) return name;
        if (_overrideDirectory is not null && !name.Contains("..", StringComparison.Ordinal) && !Path.IsPathRooted(name))
        {
            var path = Path.Combine(_overrideDirectory, name);
            if (InputFile.KindOf(path) is not FileKind.Missing) return path;
        }
        return "built-in:" + name;
    }

    /// <summary>
    /// An include's name is its path; its template, parsed here once per build as every template is (and with the
    /// same syntax checks), is handed to the render's context, which then neither loads nor parses it. A context
    /// is reused from post to post and forgets its includes between them.
    /// </summary>
    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (!context.CachedTemplates.ContainsKey(templateName)) context.CachedTemplates[templateName] = Get(templateName);
        return templateName;
    }

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => Read(templatePath).Text;

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Read(templatePath).Text);
}
