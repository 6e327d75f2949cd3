using HotPapers.Collecting;
using HotPapers.Settings;

namespace HotPapers.Tests.Collecting;

public sealed class HuggingFaceSourceTests
{
    private const string Daily = "https://hf.example/api/daily_papers?date=2021-04-30&limit=100";

    private static HuggingFaceSource Source() => new(new SourceSettings(true, new Uri("https://hf.example")));

    /// <summary>A day of one daily paper, with <paramref name="fields"/> and <paramref name="paper"/> (JSON members of the item and of its paper) after the defaults, which they replace (the last of a name is read).</summary>
    internal static string Item(string fields = "", string paper = "") =>
        "[{\"paper\": {\"id\": \"2104.14421\", \"upvotes\": 42" + (paper.Length > 0 ? ", " : "") + paper + "}, "
        + "\"publishedAt\": \"2021-04-30T02:10:00.000Z\", \"title\": \"A title\", \"numComments\": 3, \"submittedBy\": {\"fullname\": \"AK\", \"name\": \"akhaliq\"}"
        + (fields.Length > 0 ? ", " : "") + fields + "}]";

    [Fact]
    public async Task A_daily_paper_is_a_mention_of_it()
    {
        var fetcher = new FakeFetcher().OnText(Daily, Item());

        var found = Assert.Single(await Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));

        Assert.Equal(("2104.14421", "https://huggingface.co/papers/2104.14421", "AK", "akhaliq", "A title", 42L, 3L),
            (found.Paper.Value, found.Mention.Url, found.Mention.AuthorName, found.Mention.Handle, found.Mention.Text, found.Mention.Likes, found.Mention.Replies));
    }

    // Found by a drift test: a name of white space or invisible marks only was written as the author's, a name no reader sees.
    [Theory]
    [InlineData("\"  \"", "akhaliq")]
    [InlineData("\"\\u200b\\u200f\"", "akhaliq")]
    [InlineData("\"\"", "akhaliq")]
    [InlineData("null", "akhaliq")]
    [InlineData("\" AK \"", " AK ")]
    public async Task A_submitter_without_a_name_to_show_is_named_by_handle(string fullname, string name)
    {
        var fetcher = new FakeFetcher().OnText(Daily, Item($"\"submittedBy\": {{\"fullname\": {fullname}, \"name\": \"akhaliq\"}}"));

        var found = Assert.Single(await Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));

        Assert.Equal(name, found.Mention.AuthorName);
    }

    [Theory]
    [InlineData("{}", "", "expected an array, found an object at $")]
    [InlineData("", "\"upvotes\": null", "expected a count (a whole number from 0 to 2^53), found null at $[0].paper.upvotes")]
    [InlineData("", "\"id\": \"openreview-abc\"", "expected an arXiv id (2104.14421), found \"openreview-abc\" at $[0].paper.id")]
    // Found by a drift test: a \u escape of half a UTF-16 pair threw the reader's own InvalidOperationException, without URL or path.
    [InlineData("\"title\": \"cut \\udfff\"", "", "expected text without \\u escapes of lone surrogates (\\ud800 to \\udfff), found such an escape at $[0].title")]
    public async Task An_answer_of_the_wrong_shape_names_the_place(string fields, string paper, string what)
    {
        var fetcher = new FakeFetcher().OnText(Daily, fields.StartsWith('{') ? fields : Item(fields, paper));

        var e = await Assert.ThrowsAsync<SourceException>(() => Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));

        Assert.Equal($"huggingface: {Daily}: {what}", e.Message);
    }
}
