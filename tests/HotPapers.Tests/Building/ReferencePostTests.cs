using HotPapers.Building;
using HotPapers.Settings;

namespace HotPapers.Tests.Building;

/// <summary>The shipped sample builds the old generator's real post, byte for byte but for the date line.</summary>
public sealed class ReferencePostTests
{
    [Fact]
    public void Sample_records_build_the_reference_post_except_the_date_line()
    {
        using var temp = Fixture.TempDir();
        var settings = BuildSettings.Default with
        {
            RecordsPath = Path.Combine(Fixture.RepoRoot(), "content", "records"),
            OutputDirectory = temp.Path,
        };
        new PostBuilder(settings).Build(new BuildRequest.Day(new DateOnly(2021, 4, 30)));

        var built = File.ReadAllBytes(temp["2021-04-30---Hot-Papers.md"]);
        var reference = File.ReadAllBytes(Fixture.Path("reference", "hot-papers-2021-04-30.md"));
        var (builtDate, builtRest) = SplitDateLine(built);
        var (referenceDate, referenceRest) = SplitDateLine(reference);

        Assert.Equal("date: 2021-05-01T18:50:48.Z", referenceDate);
        // The documented difference: a valid RFC 3339 timestamp with the same wall-clock digits.
        Assert.Equal("date: 2021-05-01T18:50:48+09:00", builtDate);
        Assert.Equal(referenceRest, builtRest);
    }

    private static (string DateLine, byte[] Remainder) SplitDateLine(byte[] bytes)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n').ToList();
        var index = lines.FindIndex(l => l.StartsWith("date: ", StringComparison.Ordinal));
        var dateLine = lines[index];
        lines.RemoveAt(index);
        return (dateLine, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));
    }
}
