using System.Collections.Immutable;
using HotPapers.Collecting;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Tests.Collecting;

/// <summary>
/// The three networks' mentions of the recorded day as a records file would hold them (the golden
/// <c>collect/networks-records.json</c>, papers with placeholder metadata: arXiv's is the core's part), and
/// that file loads back, checked, to the same mentions.
/// </summary>
public sealed class NetworkRecordsTests
{
    [Fact]
    public async Task The_days_mentions_write_and_load_back_as_records()
    {
        var found = new List<FoundMention>();
        found.AddRange(await Bluesky().CollectAsync(BlueskySourceTests.Day, BlueskyDay(), CancellationToken.None));
        found.AddRange(await Twitter().CollectAsync(BlueskySourceTests.Day, TwitterDay(), CancellationToken.None));
        found.AddRange(await Mastodon().CollectAsync(BlueskySourceTests.Day, MastodonDay(), CancellationToken.None));
        var papers = found.GroupBy(f => f.Paper)
            .Select(g => new PaperRecord(g.Key, "Paper " + g.Key.Value, ["An Author"], "", ["cs.LG"],
                "https://arxiv.org/abs/" + g.Key.Value, null, null, [], [.. g.Select(f => f.Mention)]))
            .ToImmutableArray();
        var records = new DigestRecords(BlueskySourceTests.Day.Date, BlueskySourceTests.Day.Date, FakeFetcher.FetchedAt, false, papers, PostOverrides.None, RecordsFormat.Records);

        var bytes = RecordsWriter.Write(records);

        Golden.AssertBytes(bytes, "collect", "networks-records.json");
        using var dir = Fixture.TempDir();
        File.WriteAllBytes(dir["2021-04-30.json"], bytes);
        var loaded = new RecordsLoader(TimeZoneInfo.Utc).Load(dir["2021-04-30.json"]);
        Assert.Equal(papers.SelectMany(p => p.Mentions), loaded.Papers.SelectMany(p => p.Mentions));
    }

    private static BlueskySource Bluesky() =>
        new(new SourceSettings(true, new Uri("https://bsky.example"), new Uri("https://embed.bsky.example")),
            name => name == BlueskySource.HandleVariable ? "h.example" : "pw");

    private static TwitterSource Twitter() =>
        new(new SourceSettings(true, new Uri("https://api.x.example"), new Uri("https://publish.x.example")), _ => "token");

    private static MastodonSource Mastodon() => new(new SourceSettings(true, new Uri("https://mastodon.example")), _ => null);

    // The same recorded answers as each source's own tests, every one cached: no login is asked for.
    private static FakeFetcher BlueskyDay() => FakeFetcher.Recorded("bluesky", cached: true);

    private static FakeFetcher TwitterDay() => FakeFetcher.Recorded("twitter", cached: true);

    private static FakeFetcher MastodonDay() => FakeFetcher.Recorded("mastodon", cached: true);
}
