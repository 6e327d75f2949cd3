namespace HotPapers.Tests.Specs;

/// <summary>
/// The escaping, YAML and embed rules as spec files (<c>Fixtures/specs/*.md</c>): one test per example, its
/// output checked byte for byte. <c>HOTPAPERS_UPDATE_GOLDEN=1</c> rewrites the expected outputs in the source
/// tree instead (review the diff: it is the change in behaviour).
/// </summary>
public sealed class SpecTests
{
    private static readonly string[] Files = ["markdown.md", "hugo.md", "yaml.md", "embeds.md"];

    public static TheoryData<string, int, string> Examples()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in Files)
        foreach (var example in SpecFile.Read(Fixture.Path("specs", file)))
            data.Add(file, example.Number, example.Rule);
        return data;
    }

    [Fact]
    public void Each_spec_file_has_examples_and_each_rule_one_at_least()
    {
        foreach (var file in Files)
        {
            var text = File.ReadAllText(Fixture.Path("specs", file));
            var rules = text.Split('\n').Count(l => l.StartsWith("## ", StringComparison.Ordinal));
            var examples = SpecFile.Read(Fixture.Path("specs", file));
            Assert.True(rules > 0, $"{file} states no rule");
            Assert.Equal(rules, examples.Select(e => e.Rule).Distinct().Count());
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_gives_the_output_the_spec_says(string file, int number, string rule)
    {
        if (Golden.Updating)
        {
            var source = Path.Combine(Fixture.RepoRoot(), "tests", "HotPapers.Tests", "Fixtures", "specs", file);
            File.WriteAllText(source, SpecFile.Rewrite(source, e => SpecFunctions.Apply(e.Function, e.Input)));
            return;
        }
        var example = SpecFile.Read(Fixture.Path("specs", file)).Single(e => e.Number == number);
        var actual = SpecFunctions.Apply(example.Function, example.Input);
        Assert.True(example.Output == actual,
            $"{file} example {number} ({rule}), {example.Function} of\n  {example.Input}\nexpected\n  {example.Output}\nbut gave\n  {actual}");
    }
}
