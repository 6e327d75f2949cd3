using System.Text.RegularExpressions;

namespace HotPapers.Tests.Architecture;

/// <summary>
/// The library's folders are the pipeline's stages, one namespace each, and each may use only the stages
/// before it: records are loaded and validated, ranked, judged safe, rendered and written; settings,
/// building, import and init sit on top. A using (or a fully qualified name) of a later stage is a cycle
/// in the making, and fails here.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        ["Records"] = [],
        ["Ranking"] = ["Records"],
        ["Safety"] = ["Records"],
        ["Output"] = ["Records"],
        ["Rendering"] = ["Records", "Ranking", "Safety", "Output"],
        ["Settings"] = ["Records", "Ranking", "Rendering", "Output"],
        ["Building"] = ["Records", "Ranking", "Safety", "Rendering", "Output", "Settings"],
        ["Importing"] = ["Records", "Ranking", "Safety", "Rendering", "Output"],
        ["Scaffolding"] = ["Rendering", "Settings", "Output"],
        ["Collecting"] = ["Records", "Safety", "Output", "Settings"],
        ["Site"] = ["Records", "Ranking", "Safety", "Rendering", "Output", "Settings", "Building"],
    };

    [Fact]
    public void Each_stage_uses_only_the_stages_before_it()
    {
        var source = Path.Combine(Fixture.RepoRoot(), "src", "HotPapers");
        var folders = Directory.GetDirectories(source).Select(Path.GetFileName).Where(d => d is not ("bin" or "obj")).ToList();
        Assert.Equal(MayUse.Keys.Order(), folders.Order());
        var found = new List<string>();
        foreach (var folder in folders)
        foreach (var file in Directory.EnumerateFiles(Path.Combine(source, folder!), "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.Matches($@"(?m)^namespace HotPapers\.{folder};", text);
            foreach (var used in Uses().Matches(text).Select(m => m.Groups[1].Value).Distinct())
            {
                if (used != folder && !MayUse[folder!].Contains(used)) found.Add($"{Path.GetRelativePath(source, file)} uses {used}");
            }
        }
        Assert.Empty(found);
    }

    [GeneratedRegex(@"\bHotPapers\.(Records|Ranking|Safety|Output|Rendering|Settings|Building|Importing|Scaffolding|Collecting|Site)\b")]
    private static partial Regex Uses();
}
