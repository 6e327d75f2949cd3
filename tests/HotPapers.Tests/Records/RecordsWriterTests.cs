using System.Collections.Immutable;
using System.Text;
using HotPapers.Records;

namespace HotPapers.Tests.Records;

/// <summary>What the records writer writes loads back to equal data, in the documented layout.</summary>
public sealed class RecordsWriterTests
{
    private static DigestRecords Everything() => new(
        new DateOnly(2021, 9, 4), new DateOnly(2021, 9, 5), new DateTimeOffset(2021, 9, 6, 8, 0, 1, TimeSpan.FromHours(9)), false,
        [
            new PaperRecord(new ArxivId("2109.01001v2"), "Quotes \" and \\ back\\slash\tand a tab", ["Zhang Wei (张伟)", "محمد علي"], "Line\nbreak, NUL-free \u0001 control, \u2028 separator",
                ["cs.AI"], "https://arxiv.org/abs/2109.01001v2", null, new DateTimeOffset(2021, 9, 6, 8, 0, 2, TimeSpan.FromHours(-5)), [new EngagementTotals(1, 2)],
                [new MentionRecord("https://twitter.com/a/status/1", "Emoji 🚀", "a_b", "👩🏾‍💻 text", TweetTime.FromInstant(new DateTimeOffset(2021, 9, 5, 1, 2, 3, TimeSpan.Zero)),
                    "ja", 3, 4, "<blockquote>x</blockquote>", "99")]),
            new PaperRecord(new ArxivId("2109.01002"), "Plain", [], "", [], "https://arxiv.org/abs/2109.01002", "https://arxiv.org/pdf/2109.01002", null, [], []),
        ],
        new PostOverrides("T", "other", true, "s", "c", ["x", "y"], "d", "/i.jpg", true),
        RecordsFormat.Records);

    // Version 2: mentions of every network, with all their counts, and totals per network.
    private static DigestRecords EverythingOfVersion2()
    {
        var records = Everything();
        var first = records.Papers[0];
        MentionRecord[] others =
        [
            new("https://bsky.app/profile/ada.bsky.social/post/3kq2x", "Ada 🦋", "ada.bsky.social", "Posted\non Bluesky", TweetTime.FromDay(new DateOnly(2021, 9, 5)),
                "en", 21, 130, "<blockquote class=\"bluesky-embed\">x</blockquote>", null, Network.Bluesky, 4, 2),
            new("https://mastodon.social/@ada/1", "Ada", "ada@mastodon.social", "boosted", null, null, 1, null, null, "https://mastodon.social/@bob/2", Network.Mastodon, 0),
            new("https://news.ycombinator.com/item?id=26950000", "someuser", "someuser", "A title", null, null, null, 181, null, null, Network.HackerNews, 57),
            new("https://huggingface.co/papers/2109.01001", "Ada", "ada", "t", null, null, null, 12, null, null, Network.HuggingFace, 3),
            new("https://www.reddit.com/r/MachineLearning/comments/abc/x/", "u", "u_1", "t", null, null, null, 40, null, null, Network.Reddit, 9),
        ];
        return records with
        {
            Papers = records.Papers.SetItem(0, first with
            {
                Totals = [new EngagementTotals(1, 2), new EngagementTotals(3, 4, Network.Bluesky), new EngagementTotals(0, 181, Network.HackerNews)],
                Mentions = [.. first.Mentions, .. others],
            }),
            Unanswered = [Network.Bluesky, Network.HackerNews],
        };
    }

    [Fact]
    public void Everything_the_format_holds_loads_back_the_same() => AssertLoadsBack(Everything(), RecordsReader.FormatName);

    [Fact]
    public void Everything_of_version_2_loads_back_the_same() => AssertLoadsBack(EverythingOfVersion2(), RecordsReader.FormatName2);

    [Fact]
    public void A_tweet_with_replies_or_quotes_needs_version_2()
    {
        var records = Everything();
        var withReplies = records with { Papers = records.Papers.SetItem(0, records.Papers[0] with { Mentions = [records.Papers[0].Mentions[0] with { Replies = 1 }] }) };
        Assert.Contains($"\"format\": \"{RecordsReader.FormatName2}\"", Encoding.UTF8.GetString(RecordsWriter.Write(withReplies)), StringComparison.Ordinal);
        Assert.Contains($"\"format\": \"{RecordsReader.FormatName}\"", Encoding.UTF8.GetString(RecordsWriter.Write(records)), StringComparison.Ordinal);
        // Which networks did not answer is version 2's to say, whatever the mentions are.
        Assert.Contains($"\"format\": \"{RecordsReader.FormatName2}\"", Encoding.UTF8.GetString(RecordsWriter.Write(records with { Unanswered = [Network.Twitter] })), StringComparison.Ordinal);
    }

    private static void AssertLoadsBack(DigestRecords records, string format)
    {
        var bytes = RecordsWriter.Write(records);
        Assert.Contains($"\"format\": \"{format}\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        var back = new RecordsLoader(TimeZoneInfo.Utc).Parse("w.json", bytes);

        Assert.Equal(records.Date, back.Date);
        Assert.Equal(records.EndDate, back.EndDate);
        Assert.Equal(records.CollectedAt, back.CollectedAt);
        Assert.Equal(records.CollectedAt.Offset, back.CollectedAt.Offset);
        Assert.Equal(records.Unanswered.ToArray(), back.Unanswered.ToArray());
        Assert.Equal(records.Ranked, back.Ranked);
        Assert.Equal(records.Post with { Tags = null }, back.Post with { Tags = null });
        Assert.Equal(records.Post.Tags!.Value.ToArray(), back.Post.Tags!.Value.ToArray());
        for (var i = 0; i < records.Papers.Length; i++)
        {
            var (a, b) = (records.Papers[i], back.Papers[i]);
            Assert.Equal(a with { Authors = [], Categories = [], Totals = [], Mentions = [] }, b with { Authors = [], Categories = [], Totals = [], Mentions = [] });
            Assert.Equal(a.Totals.ToArray(), b.Totals.ToArray());
            Assert.Equal(a.Authors.ToArray(), b.Authors.ToArray());
            Assert.Equal(a.Categories.ToArray(), b.Categories.ToArray());
            Assert.Equal(a.Mentions.ToArray(), b.Mentions.ToArray());
            Assert.Equal(a.CollectedAt?.Offset, b.CollectedAt?.Offset);
        }
        Assert.Equal(bytes, RecordsWriter.Write(back));
    }

    [Fact]
    public void Layout_is_two_space_lf_documented_key_order_readable_text_and_a_final_newline()
    {
        var text = Encoding.UTF8.GetString(RecordsWriter.Write(Everything()));
        Assert.DoesNotContain("\r", text);
        Assert.EndsWith("}\n", text);
        Assert.StartsWith("{\n  \"format\": \"hotpapers-records/1\",\n  \"date\": \"2021-09-04\",\n  \"endDate\": \"2021-09-05\",\n  \"collectedAt\": \"2021-09-06T08:00:01+09:00\",\n  \"ranked\": false,\n  \"post\": {\n    \"title\": \"T\",", text);
        Assert.Contains("\"authors\": [\n        \"Zhang Wei (张伟)\",\n        \"محمد علي\"\n      ],", text);
        Assert.Contains("\"name\": \"Emoji 🚀\"", text);
        Assert.Contains("\"text\": \"👩🏾‍💻 text\"", text);
        Assert.Contains("\"title\": \"Quotes \\\" and \\\\ back\\\\slash\\tand a tab\"", text);
        Assert.Contains("Line\\nbreak, NUL-free \\u0001 control, \\u2028 separator", text);
        Assert.Contains("\"authors\": [],", text);
        AssertKeyOrder(text[text.IndexOf("\"papers\"", StringComparison.Ordinal)..],
            "id", "title", "authors", "abstract", "categories", "links", "collectedAt", "totals", "tweets");
        AssertKeyOrder(text[text.IndexOf("\"tweets\"", StringComparison.Ordinal)..],
            "url", "author", "text", "created", "lang", "retweets", "favorites", "embedHtml", "retweetOf");
    }

    private static void AssertKeyOrder(string json, params string[] keys)
    {
        var positions = keys.Select(k => json.IndexOf($"\"{k}\":", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order().ToList(), positions);
    }

    [Fact]
    public void Records_read_from_the_old_crawler_format_write_and_load_back()
    {
        const string legacy = """
            { "meta": { "since": "2021/04/30", "until": "2021/05/01" },
              "papers": [ { "title": "T", "authors": ["A"], "links": { "Abstract": "https://arxiv.org/abs/2104.14421", "Download PDF": "https://arxiv.org/pdf/2104.14421" },
                "subjects": ["Machine Learning (cs.LG)"], "summary": "S",
                "tweets": [ { "link": "https://twitter.com/u/status/1", "name": "N", "username": "u", "tweet": "t", "datestamp": "2021-04-30",
                              "timestamp": "12:34:56", "retweets_count": "10", "likes_count": 78 } ] } ] }
            """;
        var loader = new RecordsLoader(TimeZones.Parse("Asia/Tokyo", "t"));
        var records = loader.Parse("legacy.json", Encoding.UTF8.GetBytes(legacy));
        var bytes = RecordsWriter.Write(records);
        var back = loader.Parse("records.json", bytes);
        Assert.Equal(records.Papers[0].Mentions.ToArray(), back.Papers[0].Mentions.ToArray());
        Assert.Equal(RecordsFormat.Records, back.Format);
        Assert.Contains("\"created\": \"2021-04-30T12:34:56+09:00\"", Encoding.UTF8.GetString(bytes));
    }
}
