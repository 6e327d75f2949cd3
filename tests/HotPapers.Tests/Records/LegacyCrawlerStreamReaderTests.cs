using System.Text;
using System.Text.Json.Nodes;
using HotPapers.Benchmarks.Generation;
using HotPapers.Records;

namespace HotPapers.Tests.Records;

/// <summary>
/// The one-pass reader of old crawler files against the careful reader: on any file, loading gives the
/// same records or the same problems with it as without it, and it reads (does not give up on) the files
/// the crawler and the generator write.
/// </summary>
public sealed class LegacyCrawlerStreamReaderTests
{
    private static readonly TimeZoneInfo[] Zones = [TimeZoneInfo.Utc, TimeZones.Parse("America/New_York", "test"), TimeZones.Parse("+09:00", "test")];

    public static TheoryData<int> ZoneIndexes => [0, 1, 2];

    [Theory]
    [MemberData(nameof(ZoneIndexes))]
    public void Generated_days_are_read_in_one_pass_into_the_records_the_careful_reader_makes(int zone)
    {
        using var temp = Fixture.TempDir();
        CatalogGenerator.Generate(temp["a"], CatalogFormat.Legacy, 30, 42, new DateOnly(2021, 1, 1));
        CatalogGenerator.Generate(temp["b"], CatalogFormat.Legacy, 30, 7, new DateOnly(2024, 3, 1));
        var files = Directory.GetFiles(temp["a"]).Concat(Directory.GetFiles(temp["b"])).ToArray();
        Assert.Equal(60, files.Length);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var streamed = LegacyCrawlerStreamReader.TryRead(bytes, Zones[zone]);
            Assert.True(streamed is not null, $"{file}: the one-pass reader gave up");
            Assert.Equal(RecordsDump.Of(Careful(bytes, Zones[zone])), RecordsDump.Of(streamed));
        }
    }

    [Theory]
    [InlineData("2021-05-01-2021-05-02.json")]
    [InlineData("2021-05-03.json")]
    [InlineData("2021-05-05.json")]
    public void The_old_crawlers_own_files_are_read_in_one_pass_into_the_same_records(string name)
    {
        var bytes = File.ReadAllBytes(Fixture.Path("legacy", name));
        foreach (var zone in Zones)
        {
            var streamed = LegacyCrawlerStreamReader.TryRead(bytes, zone);
            Assert.True(streamed is not null, $"{name}: the one-pass reader gave up");
            Assert.Equal(RecordsDump.Of(Careful(bytes, zone)), RecordsDump.Of(streamed));
        }
    }

    [Fact]
    public void Every_malformed_case_gets_the_same_problems_with_the_one_pass_reader_as_without()
    {
        var loader = new RecordsLoader(TimeZoneInfo.Utc);
        foreach (var (name, make) in MalformedRecords.All())
        {
            var bytes = make();
            Assert.True(Outcome(loader, bytes, streamLegacy: false) == Outcome(loader, bytes, streamLegacy: true), name);
        }
    }

    /// <summary>
    /// Thousands of small changes to valid files (values of other types and shapes, keys removed, repeated
    /// or escaped, cuts): whatever the careful reader makes of each, loading makes the same of it, and the
    /// one-pass reader reads a good share of those that are still valid itself.
    /// </summary>
    [Fact]
    public void Mutated_files_load_to_the_same_records_or_the_same_problems()
    {
        using var temp = Fixture.TempDir();
        CatalogGenerator.Generate(temp["day"], CatalogFormat.Legacy, 1, 42, new DateOnly(2021, 1, 1));
        var generated = JsonNode.Parse(File.ReadAllBytes(Directory.GetFiles(temp["day"])[0]))!.AsObject();
        var sources = new[] { MalformedRecords.ValidLegacy(), generated };
        var random = new Random(20211203);
        var zone = Zones[1];
        var loader = new RecordsLoader(zone);
        int valid = 0, streamed = 0;
        for (var i = 0; i < 3000; i++)
        {
            var bytes = LegacyMutations.Mutate(sources[i % sources.Length], random);
            var careful = Outcome(loader, bytes, streamLegacy: false);
            Assert.True(careful == Outcome(loader, bytes, streamLegacy: true), $"mutant {i}:\n{Encoding.UTF8.GetString(bytes)}");
            if (careful.StartsWith("records", StringComparison.Ordinal)) valid++;
            if (System.Text.Unicode.Utf8.IsValid(bytes) && LegacyCrawlerStreamReader.TryRead(bytes, zone) is not null) streamed++;
        }
        // The changes are meant to break files about half of the time; the one-pass reader takes most of the rest.
        Assert.InRange(valid, 600, 2400);
        Assert.InRange(streamed, valid / 2, valid);
    }

    private static DigestRecords Careful(byte[] bytes, TimeZoneInfo zone) => new RecordsLoader(zone).Parse("f.json", bytes, streamLegacy: false);

    private static string Outcome(RecordsLoader loader, byte[] bytes, bool streamLegacy)
    {
        try
        {
            return "records\n" + RecordsDump.Of(loader.Parse("f.json", bytes, streamLegacy));
        }
        catch (RecordsException e)
        {
            return "problems\n" + string.Join('\n', e.Problems.Select(p => p.ToString()));
        }
    }
}
