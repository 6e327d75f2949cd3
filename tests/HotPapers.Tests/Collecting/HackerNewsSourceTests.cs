using HotPapers.Collecting;
using HotPapers.Settings;

namespace HotPapers.Tests.Collecting;

public sealed class HackerNewsSourceTests
{
    private const string Search = "https://hn.example" + "/api/v1/search_by_date?query=arxiv.org&restrictSearchableAttributes=url&tags=story"
        + "&numericFilters=created_at_i%3E%3D1619740800%2Ccreated_at_i%3C1619827200&hitsPerPage=100&page=0";

    private static HackerNewsSource Source() => new(new SourceSettings(true, new Uri("https://hn.example")));

    /// <summary>A story hit of the day linking a paper, with <paramref name="fields"/> (JSON members) after the defaults, which they replace (the last of a name is read).</summary>
    internal static string Hit(string fields = "") =>
        "{\"hits\": [{\"created_at_i\": 1619791512, \"url\": \"https://arxiv.org/abs/2104.14421\", \"author\": \"someuser\", "
        + "\"title\": \"A title\", \"points\": 181, \"num_comments\": 57, \"objectID\": \"26990001\"" + (fields.Length > 0 ? ", " : "") + fields + "}], \"nbPages\": 1}";

    [Fact]
    public async Task A_story_is_a_mention_of_the_paper_it_links()
    {
        var fetcher = new FakeFetcher().OnText(Search, Hit());

        var found = Assert.Single(await Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));

        Assert.Equal(("2104.14421", "https://news.ycombinator.com/item?id=26990001", "someuser", "A title", 181L, 57L),
            (found.Paper.Value, found.Mention.Url, found.Mention.Handle, found.Mention.Text, found.Mention.Likes, found.Mention.Replies));
    }

    // Found by a drift test: RFC 8259 lets a parser ignore a byte order mark, and one was refused, "'0xEF' is an invalid start of a value".
    [Fact]
    public async Task An_answer_that_begins_with_a_byte_order_mark_is_read()
    {
        var fetcher = new FakeFetcher().OnBytes(Search, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Hit())]);

        var found = Assert.Single(await Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));

        Assert.Equal("2104.14421", found.Paper.Value);
    }

    [Theory]
    [InlineData("{\"hits\": {}}", "expected an array, found an object at $.hits")]
    [InlineData("\"title\": null", "expected a string, found null at $.hits[0].title")]
    [InlineData("\"points\": \"181\"", "expected a count (a whole number from 0 to 2^53), found a string at $.hits[0].points")]
    [InlineData("\"objectID\": \"\"", "expected an item id of digits, found \"\" at $.hits[0].objectID")]
    [InlineData("\"objectID\": \"26990001&x=1\"", "expected an item id of digits, found \"26990001&x=1\" at $.hits[0].objectID")]
    // Found by a drift test: a \u escape of half a UTF-16 pair threw the reader's own InvalidOperationException, without URL or path.
    [InlineData("\"title\": \"cut \\ud83d\"", "expected text without \\u escapes of lone surrogates (\\ud800 to \\udfff), found such an escape at $.hits[0].title")]
    [InlineData("{}", "expected an array, found nothing at $.hits")]
    [InlineData("{\"message\": \"Cannot reach any hosts\"}", "expected an array, found nothing at $.hits")]
    // Found by a drift test: an empty body was told in the reader's words ("... when isFinalBlock is true").
    [InlineData("", "the answer is not JSON but an empty body")]
    [InlineData(" \r\n", "the answer is not JSON but an empty body")]
    public async Task An_answer_of_the_wrong_shape_names_the_place(string fields, string what)
    {
        var fetcher = new FakeFetcher().OnText(Search, fields.StartsWith('{') || fields.Trim().Length == 0 ? fields : Hit(fields));

        var e = await Assert.ThrowsAsync<SourceException>(() => Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));

        Assert.Equal($"hackernews: {Search}: {what}", e.Message);
    }
}
