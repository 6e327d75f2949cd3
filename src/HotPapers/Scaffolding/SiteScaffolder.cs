using HotPapers.Rendering;
using HotPapers.Settings;
using HotPapers.Output;

namespace HotPapers.Scaffolding;

/// <summary>What <c>init</c> did with one file.</summary>
public enum ScaffoldOutcome
{
    Written,
    Overwritten,

    /// <summary>The file was there already and <c>--force</c> was not given: left as it was.</summary>
    Skipped,
}

public sealed record ScaffoldedFile(string Path, ScaffoldOutcome Outcome);

/// <summary>
/// <c>hotpapers init</c>: the files a blog repository needs to run HotPapers nightly. The files are
/// embedded in the assembly (<c>Scaffolding/files/</c>); an existing file is never replaced unless
/// asked to, and a replaced one is replaced whole (temporary file and rename).
/// </summary>
public static class SiteScaffolder
{
    public static readonly string WorkflowFile = Path.Combine(".github", "workflows", "hotpapers.yml");
    public static readonly string RecordsKeepFile = Path.Combine("content", "records", ".gitkeep");

    /// <summary>The files of a flavor, relative to the site's root, with their text.</summary>
    public static IReadOnlyList<(string Path, string Text)> Files(Flavor flavor)
    {
        var files = new List<(string, string)>
        {
            (SettingsFile.FileName, Resource("hotpapers.yml").Replace("{flavor}", Flavors.Name(flavor))),
            (RecordsKeepFile, ""),
            (WorkflowFile, Resource("workflow.yml")),
        };
        if (flavor == Flavor.Hugo) files.Add((HugoShortcode.TweetFile, Resource("hotpapers-tweet.html")));
        return files;
    }

    public static IReadOnlyList<ScaffoldedFile> Scaffold(string directory, Flavor flavor, bool force)
    {
        var done = new List<ScaffoldedFile>();
        foreach (var (relative, text) in Files(flavor))
        {
            var path = Path.Combine(directory, relative);
            var bytes = PostWriter.Encode(text);
            if (File.Exists(path) || Directory.Exists(path))
            {
                if (!force || Directory.Exists(path))
                {
                    done.Add(new(path, ScaffoldOutcome.Skipped));
                    continue;
                }
                PostWriter.Write(path, bytes);
                done.Add(new(path, ScaffoldOutcome.Overwritten));
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            // CreateNew: a file that appeared since the check above is not replaced either.
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write)) stream.Write(bytes);
            done.Add(new(path, ScaffoldOutcome.Written));
        }
        return done;
    }

    private static string Resource(string name)
    {
        using var stream = typeof(SiteScaffolder).Assembly.GetManifestResourceStream("scaffold/" + name)
            ?? throw new InvalidOperationException($"scaffold file {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
