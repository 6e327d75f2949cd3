using HotPapers.Site;

namespace HotPapers.Tests.Site;

/// <summary>The site's feeds: golden bytes, read back by feed parsers, well-formed, deterministic.</summary>
public sealed class FeedWriterTests
{
    [Fact]
    public void The_sample_entries_give_the_golden_atom_feed() =>
        Golden.AssertBytes(FeedWriter.Atom(FeedSamples.Site, FeedSamples.Self, FeedSamples.Entries), "site", "feeds", "atom.xml");

    [Fact]
    public void The_sample_entries_give_the_golden_rss_feed() =>
        Golden.AssertBytes(FeedWriter.Rss(FeedSamples.Site, FeedSamples.Self, FeedSamples.Entries), "site", "feeds", "rss.xml");

    [Fact]
    public void The_sample_entries_give_the_golden_json_feed() =>
        Golden.AssertBytes(FeedWriter.JsonFeed(FeedSamples.Site, FeedSamples.Self, FeedSamples.Entries), "site", "feeds", "feed.json");
}
