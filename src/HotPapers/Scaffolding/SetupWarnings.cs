using HotPapers.Rendering;
using HotPapers.Settings;

namespace HotPapers.Scaffolding;

/// <summary>
/// What <c>build</c> and <c>site</c> warn about in the repository <c>init</c> set up: its files as an earlier
/// version wrote them, a Hugo blog without the shortcode its posts call, posts that no blog reads.
/// </summary>
public static class SetupWarnings
{
    /// <summary>
    /// What <c>build</c> warns about the blog of <paramref name="settings"/>' <c>hotpapers.yml</c> (nothing without
    /// one): its files (workflow, shortcode, schema, template copies) as an earlier init wrote them, which
    /// <c>init --update</c> replaces; the Hugo shortcode the posts call, where no init wrote it (flavor: hugo set by
    /// hand); and, unless the build only checks, posts written where no blog reads them.
    /// </summary>
    public static IEnumerable<string> ForBuild(BuildSettings settings, bool checkOnly)
    {
        if (settings.SourceFile is not { } file) yield break;
        var root = Path.GetDirectoryName(file) ?? "";
        foreach (var old in Outdated(root, InitFlavors.Of(settings.Flavor), settings.TemplatesDirectory)) yield return old;
        if (MissingShortcode(root, settings) is { } shortcode) yield return shortcode;
        if (!checkOnly && SiteOnly(root, settings.OutputDirectory) is { } nowhere) yield return nowhere;
    }

    /// <summary>
    /// What <c>site</c> warns about the repository of <paramref name="settings"/>' <c>hotpapers.yml</c> (nothing without
    /// one): the site's workflow, schema and template copies as an earlier init wrote them, which <c>init --update</c> replaces.
    /// </summary>
    public static IEnumerable<string> ForSite(BuildSettings settings) =>
        settings.SourceFile is { } file ? Outdated(Path.GetDirectoryName(file) ?? "", InitFlavor.Site, settings.TemplatesDirectory) : [];

    /// <summary>
    /// Why <c>build</c>'s posts go nowhere, when they do: <paramref name="root"/> (the settings' folder) was set up
    /// by <c>init --flavor site</c> (it has the site's workflow and not the blog's) and the posts' folder is in no
    /// Gatsby or Hugo blog. Found by a new user's trial: build wrote Markdown posts there without a word.
    /// </summary>
    internal static string? SiteOnly(string root, string postsFolder) =>
        File.Exists(Path.Combine(root, Scaffolder.SiteWorkflowFile)) && !File.Exists(Path.Combine(root, Scaffolder.WorkflowFile)) && BlogDetector.Enclosing(postsFolder) is null
            ? $"{postsFolder}: this repository is set up for hotpapers' own HTML site ({Scaffolder.SiteWorkflowFile.Replace('\\', '/')}), and no Gatsby or Hugo blog reads these Markdown posts; hotpapers site builds the site"
            : null;

    /// <summary>
    /// The warnings about the files in the blog at <paramref name="root"/> that are exactly what an earlier <c>init</c>
    /// wrote, so older than this version's: <c>build</c> and <c>site</c> warn about them, <c>init --update</c> replaces
    /// them. Among them the copies of built-in templates in <paramref name="templatesDirectory"/> that <c>init
    /// --templates</c> made and nobody changed since (found by a user's trial: such copies kept an earlier version's
    /// look for good, without a word).
    /// </summary>
    internal static IReadOnlyList<string> Outdated(string root, InitFlavor flavor, string? templatesDirectory) =>
    [
        .. Scaffolder.Kept(flavor).Select(f => f.Path).Append(Scaffolder.SchemaFile).Select(p => Path.Combine(root, p)).Where(Scaffolder.IsEarlierVersion)
            .Select(p => $"{p}: an earlier hotpapers init wrote it, and this version writes it otherwise; run hotpapers init --update to bring it up to date"),
        .. Scaffolder.TemplateCopies(flavor, templatesDirectory).Select(c => $"{c.Path}: a copy of an earlier version's built-in template, unchanged since, "
            + "and this version's differs; run hotpapers init --update to bring it up to date, or delete it to use the built-in one"),
    ];

    /// <summary>
    /// Found by a user's trial: with flavor: hugo set by hand, build said nothing, and hugo then failed on the posts
    /// ("template for shortcode "hotpapers-tweet" not found"). Every mention of a Hugo post, a tweet's embed or a static
    /// card (embeds: script or static), goes through the shortcode: the warning when the blog at <paramref name="root"/>
    /// builds Hugo posts and neither its layouts nor a theme's under <c>themes/</c> has it. A post template of the user's
    /// own that does not name it (nor <c>hugo_tweet</c>) needs none; one that calls it from a partial is not looked into.
    /// </summary>
    internal static string? MissingShortcode(string root, BuildSettings settings)
    {
        if (settings.Flavor != Flavor.Hugo) return null;
        var file = Path.Combine(root, HugoShortcode.TweetFile);
        var themes = Path.Combine(root, "themes");
        // Hugo 0.146 and later also read layouts/_shortcodes/ (found by review).
        var newer = Path.Combine("layouts", "_shortcodes", Path.GetFileName(HugoShortcode.TweetFile));
        bool Has(string folder) => File.Exists(Path.Combine(folder, HugoShortcode.TweetFile)) || File.Exists(Path.Combine(folder, newer));
        if (Has(root) || (Directory.Exists(themes) && Directory.EnumerateDirectories(themes).Any(Has)))
            return null;
        var (path, text) = TemplateSet.For(settings.TemplatesDirectory, [Flavors.PostTemplate(Flavor.Hugo)]).Read(Flavors.PostTemplate(Flavor.Hugo));
        if (!path.StartsWith("built-in:", StringComparison.Ordinal) && !text.Contains("hugo_tweet", StringComparison.Ordinal) && !text.Contains(HugoShortcode.TweetName, StringComparison.Ordinal))
            return null;
        return $"{file}: no such file, nor in a theme under themes/; the Hugo posts show each mention through this shortcode, so hugo stops on them "
            + $"(template for shortcode \"{HugoShortcode.TweetName}\" not found); run hotpapers init --update to write it (a theme of Hugo modules that has it needs none)";
    }
}
