using HotPapers.Output;
using HotPapers.Rendering;
using HotPapers.Settings;

namespace HotPapers.Scaffolding;

/// <summary>
/// What <c>init</c> tells the user after writing the files: the notes (what the blog still lacks or should change)
/// and the next steps (the commands to run, in order), read from the folder and the settings init left.
/// </summary>
internal static class InitAdvice
{
    internal static IReadOnlyList<string> Notes(InitRequest request, InitFlavor flavor, List<ScaffoldedFile> done, BuildSettings settings)
    {
        var notes = new List<string>();
        // Only for a Hugo site: in another folder, the warning about the flavor says what matters.
        if (flavor == InitFlavor.Hugo && BlogDetector.Detect(request.Directory).Any(b => b.Flavor == Flavor.Hugo) && !BlogDetector.HugoHasTheme(request.Directory))
        {
            var config = BlogDetector.Detect(request.Directory).FirstOrDefault(b => b.Flavor == Flavor.Hugo)?.Evidence is { } e && e.Contains('.') ? e : "hugo.toml";
            notes.Add("This Hugo site has no theme (nor layouts of its own), so Hugo makes no pages. Add one the way its instructions say, e.g. Hugo's quick-start theme:\n"
                // Found by a user's trial: hugo new site makes no git repository, and git submodule add needs one.
                + (InGitRepository(request.Directory) ? "" : "  git init    # this folder is in no git repository yet, and a submodule needs one\n")
                + "  git submodule add https://github.com/theNewDynamic/gohugo-theme-ananke.git themes/ananke\n"
                + ThemeLine(config));
        }
        // Found by a new user's trial: the README says what to do about it, and init, which read the config, said nothing.
        // Found by a user's trial: gatsby-source-filesystem ignores only a few dot files, so the posts' manifest is loaded too.
        if (flavor == InitFlavor.Gatsby && BlogDetector.GatsbyLoadsJson(request.Directory) is { } gatsbyConfig)
        {
            var content = Path.Combine(request.Directory, "content");
            var records = PathBelow.Relative(content, settings.RecordsPath) is not null;
            var manifest = PathBelow.Relative(content, settings.OutputDirectory) is not null;
            var loaded = new List<(string What, string Ignore)>();
            if (records) loaded.Add(($"the records in {Shown(request.Directory, settings.RecordsPath)}/", "'**/records/**'"));
            if (manifest) loaded.Add(($"the posts' manifest {Shown(request.Directory, Path.Combine(settings.OutputDirectory, PostManifest.FileName))}", "'**/.hotpapers*'"));
            if (loaded.Count > 0)
                notes.Add($"{gatsbyConfig} uses gatsby-transformer-json, which loads every JSON file under content/ as data, {string.Join(" and ", loaded.Select(l => l.What))} too: "
                    + $"add ignore: [{string.Join(", ", loaded.Select(l => l.Ignore))}] to the gatsby-source-filesystem options of content/"
                    + (records ? $" (or set \"records: hotpapers/records\" in {SettingsFile.FileName} and move the records there)." : "."));
        }
        // Found by a red-team review: MDX runs {...} in a mention's text as JavaScript, in the build and on the page.
        if (flavor == InitFlavor.Gatsby && BlogDetector.GatsbyCompilesMarkdownAsMdx(request.Directory) is { } mdxConfig)
            notes.Add($"{mdxConfig} has gatsby-plugin-mdx compile .md files: MDX reads {{...}} as JavaScript and <Tag as JSX, and the posts hold text "
                + "anyone can write (paper titles, abstracts, posts on the networks), so a mention could run code in your build and on your pages, or break the build. "
                + "Take '.md' out of its extensions and let gatsby-transformer-remark read the posts: they are CommonMark.");
        // Not where the kept file names the folder already (found by a user's trial: init --templates run again said to add the line it had).
        if (request.Templates && done.Any(f => f.Path == Path.Combine(request.Directory, SettingsFile.FileName) && f.Outcome == ScaffoldOutcome.Skipped)
            && (settings.TemplatesDirectory is not { } named || Path.GetFullPath(named).TrimEnd(Path.DirectorySeparatorChar) != Path.GetFullPath(Path.Combine(request.Directory, Scaffolder.TemplatesFolder))))
            notes.Add($"{Path.Combine(request.Directory, SettingsFile.FileName)} was there already: add the line \"templates: templates\" to it, or build with --templates templates, to use the copied templates.");
        return notes;
    }

    /// <summary><paramref name="path"/> as init's notes and steps show it: from <paramref name="directory"/>, with <c>/</c>.</summary>
    internal static string Shown(string directory, string path) =>
        Path.GetRelativePath(Path.GetFullPath(directory), Path.GetFullPath(path)).Replace('\\', '/');

    /// <summary>Whether <paramref name="directory"/> is in a git repository: it or a folder above it has <c>.git</c> (a folder, or a worktree's file).</summary>
    private static bool InGitRepository(string directory)
    {
        for (var folder = Path.GetFullPath(directory); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git"))) return true;
        }
        return false;
    }

    /// <summary>The line that names the theme, in the syntax of the site's configuration file.</summary>
    private static string ThemeLine(string config) => Path.GetExtension(config).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => $"  echo \"theme: ananke\" >> {config}",
        ".json" => $"  and add \"theme\": \"ananke\" to the object in {config}",
        _ => $"  echo \"theme = 'ananke'\" >> {config}",
    };

    /// <param name="settings">Where they put the records and the posts, said as paths from the blog's folder.</param>
    /// <param name="keptFlavor">The flavor of the kept hotpapers.yml, where it is not <paramref name="flavor"/>.</param>
    internal static IReadOnlyList<string> NextSteps(string directory, InitFlavor flavor, BuildSettings settings, Flavor? keptFlavor)
    {
        var steps = new List<string>();
        if (Path.GetFullPath(directory) != Path.GetFullPath(".")) steps.Add($"cd {directory}");
        var records = Shown(directory, settings.RecordsPath) + "/";
        // Found by a user's trial: the build step below made the kept file's flavor's posts, not the flavor init was given.
        if (keptFlavor is { } builds && InitFlavors.Posts(flavor) is { } wanted)
            steps.Add($"set flavor: {Flavors.Name(wanted)} in {SettingsFile.FileName}    # it says flavor: {Flavors.Name(builds)}, and build reads it (init kept the file)");
        // Found by a new user's trial: nothing said to set it, and collect ran without it.
        if (settings.Collect.Contact is null)
            steps.Add($"set collect.contact in {SettingsFile.FileName} to your e-mail address    # collect names it in its User-Agent, as arXiv asks");
        if (flavor == InitFlavor.Site)
        {
            steps.Add($"hotpapers collect --yesterday    # yesterday's records into {records} (or copy a day's records file there: docs/records-format.md)");
            steps.Add("hotpapers serve    # builds the site and shows it at the address it prints, rebuilding as records, templates or settings change");
            if (UnpublishedTool(directory) is { } carry) steps.Add(carry);
            steps.Add("git add --all && git commit -m \"hotpapers\" && git push");
            steps.Add("on GitHub: Settings > Pages > Source: GitHub Actions    # the workflow then collects each night, builds the site and publishes it, " + ToolSource(directory));
            return steps;
        }
        string Post(DateOnly day) => Shown(directory, Path.Combine(settings.OutputDirectory, PostNaming.PostFileName(day, day, settings.FileNamePattern)));
        if (OldPosts(settings.OutputDirectory) is > 0 and var old)
        {
            // Found by a new user's trial: import's --timezone was saved nowhere, and the crawler files' posts, built in
            // the settings' UTC, then changed when the zone was set. One setting that import, build and collect read.
            if (settings.TimeZone.HasSameRules(TimeZoneInfo.Utc))
                steps.Add($"set timezone in {SettingsFile.FileName} to the zone the old posts' times are in (an IANA name such as Asia/Tokyo)    # import, build and collect read them in it");
            // A blog's posts folder often has other pages: without the option, import fails on each (and says so).
            var others = Directory.EnumerateFiles(settings.OutputDirectory, "*.md").Count() > old ? " --skip-foreign" : "";
            steps.Add($"hotpapers import {Shown(directory, settings.OutputDirectory)}{others}    # the {old} post(s) there that hotpapers did not write, back into records (docs/import.md)");
            steps.Add("hotpapers build --all --force    # rebuilds them from those records; --force this once, as hotpapers did not write them");
        }
        else if (LatestDay(settings.RecordsPath) is { } day)
        {
            // Found by a new user's trial: init run again (for --templates, say) still asked for a day's records to be copied in.
            steps.Add($"hotpapers build --date {PostNaming.Key(day, day)}    # writes {Post(day)} from the latest day in {records}");
        }
        else
        {
            steps.Add($"cp PATH/TO/2021-04-30.json {records}    # a day's records (docs/records-format.md); hotpapers collect --yesterday makes yesterday's");
            steps.Add($"hotpapers build --date 2021-04-30    # writes {Post(new DateOnly(2021, 4, 30))}");
        }
        steps.Add(flavor == InitFlavor.Hugo ? "hugo server    # shows the post at http://localhost:1313/" : "gatsby develop    # shows the post at http://localhost:8000/");
        if (UnpublishedTool(directory) is { } unpublished) steps.Add(unpublished);
        steps.Add("git add --all && git commit -m \"hotpapers\" && git push    # the workflow then collects each night's records and builds its digest, " + ToolSource(directory));
        return steps;
    }

    /// <summary>
    /// Found by a new user's trial: a hotpapers built from a clone is on no feed, so the workflow's first
    /// <c>dotnet tool restore</c> failed, and nothing had said so. The step that carries the package in the
    /// repository, unless this is a release or the repository names a feed of its own (a nuget.config).
    /// </summary>
    private static string? UnpublishedTool(string directory) =>
        ToolManifest.IsRelease || NuGetConfig(directory) is not null
            ? null
            : $"copy HotPapers.Cli.{ToolManifest.Version}.nupkg and HotPapers.Cli.linux-x64.{ToolManifest.Version}.nupkg into .hotpapers/packages/ and add a nuget.config that names that folder (README, Install)    "
              + $"# this hotpapers ({ToolManifest.Version}) was built from a clone and is not on nuget.org, where the workflow's dotnet tool restore looks";

    /// <summary>
    /// Where the workflow's <c>dotnet tool restore</c> takes this version from, for the last step. Found by a user's
    /// trial: it said nuget.org right after the step that says this version is not there.
    /// </summary>
    private static string ToolSource(string directory) => NuGetConfig(directory) is { } config
        ? $"with this version of hotpapers from the package sources {config} names (dotnet tool restore)"
        : ToolManifest.IsRelease
            ? "with this version of hotpapers from nuget.org (dotnet tool restore)"
            : "with this version of hotpapers from .hotpapers/packages/, through the nuget.config of the step above (dotnet tool restore)";

    /// <summary>The name of the repository's NuGet configuration file (<c>nuget.config</c> in any case), if it has one.</summary>
    private static string? NuGetConfig(string directory) =>
        Directory.EnumerateFiles(directory, "nuget.config", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive }).Select(Path.GetFileName).FirstOrDefault();

    // The latest day the records folder has a day's records file of, as its name says; null when it has none.
    private static DateOnly? LatestDay(string records)
    {
        if (!Directory.Exists(records)) return null;
        return PostNaming.DaysIn(records).Select(d => (DateOnly?)d).Max();
    }

    // A blog that already has digests (the old generator's, named as it named them) and no manifest of hotpapers':
    // its owner's first step is taking them over, not copying in a day's records.
    private static int OldPosts(string posts)
    {
        if (!Directory.Exists(posts) || File.Exists(Path.Combine(posts, PostManifest.FileName))) return 0;
        return Directory.EnumerateFiles(posts, PostNaming.AnyDate()).Count();
    }
}
