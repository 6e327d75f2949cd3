using HotPapers.Records;
using System.Text;
using System.Text.RegularExpressions;

namespace HotPapers.Tests.Records;

/// <summary>
/// Each generated malformed records file, run through the real command line: exit 1, a message naming
/// the file and a JSON path or line and column, no stack trace, and the output folder byte for byte as it was.
/// </summary>
public sealed partial class MalformedRecordsTests
{
    private static readonly Dictionary<string, Func<byte[]>> Cases = MalformedRecords.All().ToDictionary(c => c.Name, c => c.Bytes);

    public static TheoryData<string> Names() => [.. Cases.Keys];

    [Fact]
    public void There_are_at_least_200_distinct_cases() => Assert.True(Cases.Count >= 200, $"{Cases.Count} cases");

    /// <summary>Every problem of every case, word for word and in order, as the golden file has them.</summary>
    [Fact]
    public void Each_case_is_refused_with_the_problems_on_record()
    {
        var loader = new RecordsLoader(TimeZoneInfo.Utc);
        var text = new StringBuilder();
        foreach (var (name, bytes) in Cases)
        {
            text.Append("## ").Append(name).Append('\n');
            IReadOnlyList<InputProblem> problems;
            try
            {
                loader.Parse("records.json", bytes());
                // Refused later: by size before it is read, or for a date other than the one asked for.
                text.Append("(loads)\n");
                continue;
            }
            catch (InputException e)
            {
                problems = e.Problems;
            }
            foreach (var p in problems) text.Append(p.Location).Append(": expected ").Append(p.Expected).Append(", found ").Append(p.Found).Append('\n');
        }
        Golden.AssertBytes(Encoding.UTF8.GetBytes(text.ToString()), "records", "malformed-problems.txt");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_malformed_records_file_is_refused_with_its_location_and_nothing_changes(string name)
    {
        using var temp = Fixture.TempDir();
        var records = temp["2021-04-30.json"];
        File.WriteAllBytes(records, Cases[name]());
        var output = temp["posts"];
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "2021-04-30---Hot-Papers.md"), "an older post\n");
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
        var before = FolderSnapshot.Of(output);

        var (code, stdout, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--records", records, "--output", output);

        Assert.True(code == 1, $"{name}: exit {code}\n{stdout}\n{stderr}");
        Assert.Matches(Located(), stderr);
        Assert.Contains(records + ": ", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Exception", stderr);
        Assert.Equal(before, FolderSnapshot.Of(output));
    }

    [Theory]
    [InlineData("CRLF line ends")]
    [InlineData("UTF-8 BOM")]
    [InlineData("UTF-8 BOM and CRLF")]
    public void A_BOM_and_CRLF_line_ends_are_accepted(string how)
    {
        using var temp = Fixture.TempDir();
        var text = MalformedRecords.ValidRecords().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        if (how.Contains("CRLF")) text = text.Replace("\n", "\r\n");
        var bytes = Encoding.UTF8.GetBytes(text);
        if (how.Contains("BOM")) bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        File.WriteAllBytes(temp["2021-04-30.json"], bytes);
        var (code, _, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--records", temp.Path, "--output", temp["posts"]);
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(temp["posts/2021-04-30---Hot-Papers.md"]));
    }

    [GeneratedRegex(@"error: .+\.json: (?:(?:\$\S+ \(line \d+\)|line \d+, column \d+): )?expected .+, found .+")]
    private static partial Regex Located();
}
