using System.Text.RegularExpressions;
using HotPapers.Rendering;

namespace HotPapers.Settings;

/// <summary>What kind of blog a folder holds, and the file that shows it.</summary>
/// <param name="Evidence">The file or folder that shows it, relative to <paramref name="Root"/>: <c>hugo.toml</c>, <c>gatsby-config.js</c>.</param>
/// <param name="Root">The blog's folder.</param>
internal sealed record DetectedBlog(Flavor Flavor, string Evidence, string Root);

/// <summary>
/// Tells a Hugo site from a Gatsby one by the files each keeps at its root: Hugo's configuration
/// (<c>hugo.toml</c>, or a <c>config.*</c> with Hugo's keys, or <c>config/_default/</c>) or its
/// <c>archetypes/</c>; Gatsby's <c>gatsby-config.*</c>. <c>init</c> picks the flavor by it, and
/// <c>build</c> warns when the posts go into a blog of the other flavor.
/// </summary>
internal static partial class BlogDetector
{
    private static readonly string[] HugoConfigs = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"];
    private static readonly string[] OldHugoConfigs = ["config.toml", "config.yaml", "config.yml", "config.json"];

    // Every name of a Hugo configuration file, in the order Hugo looks for them.
    private static readonly string[] AllHugoConfigs = [.. HugoConfigs, .. OldHugoConfigs];
    private static readonly string[] GatsbyConfigs = ["gatsby-config.js", "gatsby-config.ts", "gatsby-config.mjs", "gatsby-config.cjs", "gatsby-config.tsx"];

    /// <summary>The blogs <paramref name="folder"/> itself looks like: none, one, or (for an odd folder) both.</summary>
    public static IReadOnlyList<DetectedBlog> Detect(string folder)
    {
        var found = new List<DetectedBlog>();
        if (HugoEvidence(folder) is { } hugo) found.Add(new(Flavor.Hugo, hugo, folder));
        if (GatsbyConfigs.FirstOrDefault(f => File.Exists(Path.Combine(folder, f))) is { } gatsby) found.Add(new(Flavor.Gatsby, gatsby, folder));
        return found;
    }

    /// <summary>
    /// The blog <paramref name="path"/> is in: the nearest of it and its parent folders that looks like
    /// one, not looking above a repository's root (a folder with <c>.git</c>). Null when none does, or
    /// when the nearest looks like both.
    /// </summary>
    public static DetectedBlog? Enclosing(string path)
    {
        for (var folder = Path.GetFullPath(path); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (!Directory.Exists(folder)) continue;
            var found = Detect(folder);
            if (found.Count > 0) return found.Count == 1 ? found[0] : null;
            if (Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git"))) return null;
        }
        return null;
    }

    /// <summary>
    /// The Gatsby config of <paramref name="root"/> when it names <c>gatsby-transformer-json</c>, which loads every JSON
    /// file gatsby-source-filesystem reads, as data (records under <c>content/</c> included); null otherwise.
    /// </summary>
    public static string? GatsbyLoadsJson(string root) => GatsbyConfigWhere(root, config => config.Contains("gatsby-transformer-json", StringComparison.Ordinal));

    /// <summary>
    /// The Gatsby config of <paramref name="root"/> when it has gatsby-plugin-mdx compile <c>.md</c> files (its
    /// <c>extensions</c> name <c>.md</c>; by default it takes <c>.mdx</c> only); null otherwise. MDX is not
    /// Markdown: <c>{...}</c> is JavaScript and <c>&lt;Tag</c> JSX, in a paper's title or a tweet as anywhere.
    /// </summary>
    public static string? GatsbyCompilesMarkdownAsMdx(string root) => GatsbyConfigWhere(root, config =>
        config.Contains("gatsby-plugin-mdx", StringComparison.Ordinal) && MdExtension().IsMatch(config));

    [System.Text.RegularExpressions.GeneratedRegex("""["'`]\.md["'`]""")]
    private static partial System.Text.RegularExpressions.Regex MdExtension();

    // The first Gatsby config there that is small enough to read and says what the test looks for.
    private static string? GatsbyConfigWhere(string root, Func<string, bool> says)
    {
        foreach (var name in GatsbyConfigs)
        {
            var path = Path.Combine(root, name);
            if (!File.Exists(path) || new FileInfo(path).Length > 1024 * 1024) continue;
            try
            {
                if (says(File.ReadAllText(path))) return name;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A config init cannot read tells it nothing.
            }
        }
        return null;
    }

    /// <summary>Whether a Hugo site names a theme, or has layouts of its own besides hotpapers' shortcode: else Hugo makes no pages.</summary>
    public static bool HugoHasTheme(string root)
    {
        if (Directory.Exists(Path.Combine(root, "themes")) && Directory.EnumerateFileSystemEntries(Path.Combine(root, "themes")).Any()) return true;
        var layouts = Path.Combine(root, "layouts");
        // Not through links to folders: a link back up would make the walk endless.
        var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        if (Directory.Exists(layouts) && Directory.EnumerateFiles(layouts, "*.html", walk)
                .Any(f => Path.GetFileName(Path.GetDirectoryName(f)) != "shortcodes")) return true;
        return AllHugoConfigs.Select(f => Path.Combine(root, f)).Any(f => File.Exists(f) && ThemeKey().IsMatch(ReadStart(f)));
    }

    /// <summary>
    /// The folder <paramref name="blog"/>'s own build writes its pages into: Hugo's <c>publishDir</c> where its
    /// configuration sets one (GitHub Pages sites often build into <c>docs</c>), else <c>public</c>, as Gatsby's always is.
    /// A full path, whether the blog's root is or not.
    /// </summary>
    public static string BuildsInto(DetectedBlog blog)
    {
        var root = Path.GetFullPath(blog.Root);
        if (blog.Flavor != Flavor.Hugo) return Path.Combine(root, "public");
        // The one configuration file Hugo reads, in its order: the root's, else config/_default's.
        // (Not the file that showed the blog to be Hugo's: an old config.* counts as that only with Hugo's keys, but Hugo reads it all the same.)
        var config = AllHugoConfigs.Select(f => Path.Combine(root, f)).FirstOrDefault(File.Exists)
            ?? AllHugoConfigs.Select(f => Path.Combine(root, "config", "_default", f)).FirstOrDefault(File.Exists);
        var folder = config is null ? null : RootPublishDir(config);
        return Path.GetFullPath(folder is { Length: > 0 } ? folder : "public", root);
    }

    // publishDir among the file's top-level keys only: a key of that name in a table or map is another setting.
    private static string? RootPublishDir(string config)
    {
        var text = ReadStart(config);
        switch (Path.GetExtension(config))
        {
            case ".json":
                try
                {
                    using var json = System.Text.Json.JsonDocument.Parse(text);
                    return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && json.RootElement.TryGetProperty("publishDir", out var dir)
                        && dir.ValueKind == System.Text.Json.JsonValueKind.String ? dir.GetString() : null;
                }
                catch (System.Text.Json.JsonException)
                {
                    return null;
                }
            case ".toml":
                // The top-level keys come before the first [table].
                var top = TomlTable().Match(text) is { Success: true } table ? text[..table.Index] : text;
                return TomlPublishDir().Match(top) is { Success: true } m ? m.Groups[1].Value : null;
            default:
                return YamlPublishDir().Match(text) is { Success: true } y ? y.Groups[1].Value.Trim().Trim('"', '\'') : null;
        }
    }

    private static string? HugoEvidence(string folder)
    {
        if (HugoConfigs.FirstOrDefault(f => File.Exists(Path.Combine(folder, f))) is { } config) return config;
        if (OldHugoConfigs.FirstOrDefault(f => File.Exists(Path.Combine(folder, f)) && HugoKey().IsMatch(ReadStart(Path.Combine(folder, f)))) is { } old) return old;
        if (Directory.Exists(Path.Combine(folder, "config", "_default"))) return Path.Combine("config", "_default");
        return Directory.Exists(Path.Combine(folder, "archetypes")) ? "archetypes" + Path.DirectorySeparatorChar : null;
    }

    // A configuration file's first 64 KB: the keys are at the top, and a huge file is no configuration. A
    // FIFO or device of that name (which every build looks for, up the folders) is never opened: no blog.
    private static string ReadStart(string path)
    {
        try
        {
            if (InputFile.KindOf(path) != FileKind.File) return "";
            using var reader = new StreamReader(path);
            var buffer = new char[64 * 1024];
            return new string(buffer, 0, reader.ReadBlock(buffer));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    // Keys only Hugo's configuration has, as TOML (key =), YAML (key:) or JSON ("key":) writes them.
    [GeneratedRegex(@"(?im)^\s*""?(?:baseURL|languageCode|defaultContentLanguage|paginate|theme)""?\s*[:=]")]
    private static partial Regex HugoKey();

    [GeneratedRegex(@"(?m)^\s*\[")]
    private static partial Regex TomlTable();

    // publishDir = "docs" or 'docs'.
    [GeneratedRegex(@"(?m)^\s*publishDir\s*=\s*[""']([^""'\r\n]*)[""']")]
    private static partial Regex TomlPublishDir();

    // publishDir: docs, unindented (a top-level key), its value to the end of the line or a comment.
    [GeneratedRegex(@"(?m)^publishDir\s*:[ \t]*([^#\r\n]*)")]
    private static partial Regex YamlPublishDir();

    [GeneratedRegex(@"(?im)^\s*""?theme""?\s*[:=]")]
    private static partial Regex ThemeKey();
}
