using System.Security.Cryptography;
using System.Text;
using HotPapers.Rendering;
using HotPapers.Scaffolding;

namespace HotPapers.Tests.Scaffolding;

/// <summary>
/// Found in review: three versions of the workflows and three of the settings schema that main once held,
/// and so that an init built from it wrote, were missing from <c>earlier-versions.txt</c>, so
/// <c>init --update</c> took them for the user's own. Every version in the history is listed, whoever changes
/// a kept file next.
/// </summary>
[Trait(Speed.Key, Speed.Slow)]
public sealed class EarlierVersionsTests
{
    // Each file init keeps: where its source is in the repository, and where init writes it; and each built-in
    // template, which init --templates copies into templates/ and init --update updates where unchanged.
    private static readonly (string Source, string Written)[] Kept =
    [
        ("src/HotPapers/Scaffolding/files/workflow.yml", Scaffolder.WorkflowFile),
        ("src/HotPapers/Scaffolding/files/site-workflow.yml", Scaffolder.SiteWorkflowFile),
        ("src/HotPapers/Scaffolding/files/hotpapers-tweet.html", HugoShortcode.TweetFile),
        ("src/HotPapers/Settings/hotpapers-settings.schema.json", Scaffolder.SchemaFile),
        .. TemplateSet.BuiltInNames.Select(n => (TemplateSet.SiteNames.Contains(n) ? $"templates/site/{n}" : $"templates/{n}", $"{Scaffolder.TemplatesFolder}/{n}")),
    ];

    [SkippableFact]
    public void Every_earlier_version_of_a_file_init_keeps_is_listed_for_update()
    {
        var git = ExternalTool.Require("git", "the files' earlier versions are read from the repository's history");
        var root = Fixture.RepoRoot();
        ExternalTool.RequireThat(Processes.Run(root, git, ["rev-parse", "--git-dir"]).Code == 0, $"{root} is not a git checkout");
        var listed = Scaffolder.Resource("earlier-versions.txt").Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(' ', 2)).Select(p => (Hash: p[0], Path: p[1])).ToHashSet();

        var missing = new List<string>();
        var versions = 0;
        foreach (var (source, written) in Kept)
        {
            var current = File.ReadAllBytes(Path.Combine(root, source));
            var commits = Processes.Run(root, git, ["log", "--format=%h", "--", source]).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var commit in commits)
            {
                var bytes = Encoding.UTF8.GetBytes(Processes.Run(root, git, ["show", $"{commit}:{source}"]).Stdout);
                if (bytes.AsSpan().SequenceEqual(current)) continue;
                versions++;
                var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
                if (!listed.Contains((hash, written.Replace('\\', '/')))) missing.Add($"{hash} {written} (as of {commit})");
            }
        }
        Assert.True(missing.Count == 0, "not in earlier-versions.txt:\n" + string.Join("\n", missing));
        // The history is there (not a shallow clone of one commit): the workflows have changed before.
        Assert.True(versions >= 2, $"{versions} earlier versions found in the history: a shallow clone? (git fetch --unshallow)");
    }
}
