using System.Text;
using HotPapers.Collecting;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Tests.Collecting;

public sealed class MastodonSourceTests
{
    private const string Trends = "https://mastodon.example/api/v1/trends/links?limit=20";
    private const string Link1 = "https://mastodon.example/api/v1/timelines/link?url=https%3A%2F%2Farxiv.org%2Fabs%2F2104.14421&limit=40";
    private const string Link2 = "https://mastodon.example/api/v1/timelines/link?url=https%3A%2F%2Farxiv.org%2Fpdf%2F2104.14294v2&limit=40";
    private const string Tag1 = "https://mastodon.example/api/v1/timelines/tag/arxiv?limit=40";
    private const string Tag2 = Tag1 + "&max_id=112345678901234361";

    private static MastodonSource Source() =>
        new(new SourceSettings(false, new Uri("https://mastodon.example")), name => throw new InvalidOperationException("read " + name));

    private static FakeFetcher Day30() => FakeFetcher.Recorded("mastodon");

    [Fact]
    public async Task The_days_statuses_linking_papers_from_trending_links_and_the_arxiv_tag()
    {
        var fetcher = Day30();
        var found = await Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None);

        Assert.Equal(
        [
            // A boost: the boosted status is the mention.
            ("2104.14421", "https://mastodon.example/@ankur/112345678901234555"),
            ("2104.14421", "https://sigmoid.example/@andrew/106150000000000001"),
            ("2104.14294", "https://mastodon.example/@ankur/112345678901234500"),
            // No url: the uri.
            ("2104.10001", "https://sigmoid.example/users/andrew/statuses/2"),
            // At the day's first instant.
            ("hep-th/9901001", "https://sigmoid.example/@andrew/106150000000000300"),
        ], found.Select(f => (f.Paper.Value, f.Mention.Url)));
        // Left out: the next day's and the day before's, a content warning, an account asking not to be
        // indexed, a link to example.org, 33 statuses without links; the one seen twice is kept once.
        Assert.Equal([Trends, Link1, Link2, Tag1, Tag2], fetcher.Urls);
        Assert.All(fetcher.Requests, r => Assert.Null(r.Authorization));
        Assert.All(found, f => Assert.Equal((Network.Mastodon, FakeFetcher.FetchedAt, (string?)null), (f.Mention.Network, f.ReadAt, f.Mention.EmbedHtml)));
    }

    [Fact]
    public async Task A_status_maps_to_a_mention_record()
    {
        var found = await Source().CollectAsync(BlueskySourceTests.Day, Day30(), CancellationToken.None);

        Assert.Equal(new MentionRecord("https://sigmoid.example/@andrew/106150000000000001", "Andrew Example", "andrew@sigmoid.example",
            "New paper: arxiv.org/abs/2104.14421 #arxiv\n\nSecond line\nthird & last",
            TweetTime.FromInstant(new DateTimeOffset(2021, 4, 30, 16, 20, 0, TimeSpan.Zero)), "en",
            Reposts: 12, Likes: 40, EmbedHtml: null, RepostOf: null, Network: Network.Mastodon, Replies: 3), found[1].Mention);
        // A local account: its handle gets the instance's host; an empty display name: the user name.
        var local = found[2].Mention;
        Assert.Equal(("ankur", "ankur@mastodon.example", "Reading arxiv.org/pdf/2104.14294", (string?)null, 1L, 2L, 0L),
            (local.AuthorName, local.Handle, local.Text, local.Lang, local.Reposts, local.Likes, local.Replies));
        // A link Mastodon cut short reads as it shows it.
        Assert.Equal("Cut arxiv.org/abs/hep-th/990…", found[4].Mention.Text);
    }

    // Found by a drift test: a name of white space or invisible marks only was written as the author's, a name no reader sees.
    [Theory]
    [InlineData("\" \"", "a")]
    [InlineData("\"\\u200b\"", "a")]
    [InlineData("\"Ada\"", "Ada")]
    public async Task An_account_without_a_name_to_show_is_named_by_its_user_name(string displayName, string name)
    {
        var fetcher = new FakeFetcher().OnText(Trends, "[]").OnText(Tag1,
            $$$"""[{"id": "1", "created_at": "2021-04-30T10:00:00Z", "content": "<p><a href=\"https://arxiv.org/abs/2104.14421\">paper</a></p>", "url": "https://mastodon.example/@a/1", "account": {"username": "a", "acct": "a", "display_name": {{{displayName}}}}}]""");

        var found = Assert.Single(await Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));

        Assert.Equal(name, found.Mention.AuthorName);
    }

    // Found by a drift test: Mastodon 4 keeps lists, quotes and code blocks in a remote status's content, and their
    // items and paragraphs ran together ("Introonetwo", "quotedend"); an empty paragraph or a br ending one added lines.
    [Theory]
    [InlineData("<p>Intro</p><ul><li>one</li><li>two</li></ul><blockquote><p>quoted</p></blockquote><p>end</p>", "Intro\n\none\ntwo\n\nquoted\n\nend")]
    [InlineData("<p>Steps:</p><ol><li><p>first</p></li><li>second</li></ol><pre><code>x = 1</code></pre><h2>Head</h2>", "Steps:\n\nfirst\nsecond\n\nx = 1\n\nHead")]
    [InlineData("<p>a<br></p><p></p><p>b</p>", "a\n\nb")]
    [InlineData("<p>a<br>b</p><p>c</p>", "a\nb\n\nc")]
    public void A_statuss_blocks_are_lines_and_paragraphs_of_its_text(string html, string text)
    {
        Assert.Equal(text, StatusContent.Read(html).Text);
    }

    [Fact]
    public async Task A_full_page_that_reaches_before_the_day_ends_the_paging()
    {
        var old = new StringBuilder("[");
        for (var i = 0; i < MastodonSource.PageSize; i++)
        {
            old.Append(i == 0 ? "" : ",").Append($$$"""{"id": "{{{900 - i}}}", "created_at": "2021-04-29T12:00:00Z", "content": "<p>https://arxiv.org/abs/2104.14421</p>", "url": "https://mastodon.example/@a/{{{900 - i}}}", "account": {"username": "a", "acct": "a"}}""");
        }
        var fetcher = new FakeFetcher().OnText(Trends, "[]").OnText(Tag1, old.Append(']').ToString());

        Assert.Empty(await Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));
        Assert.Equal([Trends, Tag1], fetcher.Urls);
    }

    [Fact]
    public async Task A_page_whose_ids_do_not_go_down_is_refused_rather_than_followed_forever()
    {
        var fetcher = new FakeFetcher().OnText(Trends, "[]").OnText(Tag1, Page(first: 539)).OnText(Tag1 + "&max_id=500", Page(first: 639));

        var e = await Assert.ThrowsAsync<SourceException>(() => Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));

        Assert.Equal((Tag1 + "&max_id=500", "the page's last status id \"600\" is not older than max_id"), (e.Url!.AbsoluteUri, e.What));

        // A full page of the day's statuses linking nothing, ids first down to first - 39.
        static string Page(int first) => "[" + string.Join(",", Enumerable.Range(0, MastodonSource.PageSize).Select(i =>
            $$$"""{"id": "{{{first - i}}}", "created_at": "2021-04-30T12:00:00Z", "content": "<p>nothing</p>", "url": "https://mastodon.example/@a/{{{first - i}}}", "account": {"username": "a", "acct": "a"}}""")) + "]";
    }

    // A refusal says why an instance may refuse; a 5xx or a 429 is the instance's trouble, which the hint does not
    // explain (found by a new user's trial: a 502 carried it).
    [Theory]
    [InlineData(401, true)]
    [InlineData(403, true)]
    [InlineData(404, true)]
    [InlineData(422, true)]
    [InlineData(500, false)]
    [InlineData(502, false)]
    [InlineData(429, false)]
    public async Task An_instance_that_refuses_the_tag_timeline_is_a_source_error_saying_why_it_may(int status, bool refusal)
    {
        var fetcher = new FakeFetcher().OnText(Trends, "[]").Failing(Tag1, status);

        var e = await Assert.ThrowsAsync<SourceException>(() => Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));

        // The fetcher's own error passes through untouched where there is no hint to add.
        if (refusal) Assert.Equal("mastodon", e.SourceName);
        Assert.Equal(Tag1, e.Url!.AbsoluteUri);
        Assert.Equal($"HTTP {status}" + (refusal ? Hint : ""), e.What);
    }

    private const string Hint = " (instances may refuse reading trends and timelines without a login, and have no link timeline before Mastodon 4.3 or for a link no longer trending)";

    // Found by a new user's trial: a link timeline's 404 (every instance before Mastodon 4.3, or a link no longer
    // trending) or refused trends failed the whole source, and the #arxiv timeline was never read.
    [Fact]
    public async Task Refused_trends_or_link_timelines_cost_their_statuses_only_and_the_tag_timeline_is_read()
    {
        var fetcher = new FakeFetcher().On(Trends, "mastodon/trends-links.json").Failing(Link1, 404).On(Link2, "mastodon/link-2.json")
            .On(Tag1, "mastodon/tag-1.json").On(Tag2, "mastodon/tag-2.json");
        var found = await Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None);
        Assert.Contains(found, f => f.Mention.Url == "https://sigmoid.example/@andrew/106150000000000300");
        Assert.Equal([$"the statuses sharing 1 of the 2 trending arXiv link(s) were not read (the first: {Link1}: HTTP 404{Hint})"], fetcher.Notices);

        fetcher = new FakeFetcher().Failing(Trends, 401).On(Tag1, "mastodon/tag-1.json").On(Tag2, "mastodon/tag-2.json");
        found = await Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None);
        Assert.NotEmpty(found);
        Assert.Equal([Trends, Tag1, Tag2], fetcher.Urls);
        Assert.Equal([$"the trending links were not read (HTTP 401{Hint}); the #arxiv timeline was"], fetcher.Notices);
    }

    [Fact]
    public void It_needs_no_credentials_and_pages_at_300_requests_in_15_minutes()
    {
        Assert.Null(Source().SkipReason);
        Assert.Equal("mastodon", Source().Name);
        Assert.Equal(TimeSpan.FromSeconds(3), Source().Pacing);
    }

    [Theory]
    [InlineData("{}", Trends, "expected an array, found an object at $")]
    [InlineData("[{\"title\": \"x\"}]", Trends, "expected a string, found nothing at $[0].url")]
    [InlineData("[{\"id\": \"1\", \"created_at\": \"2021-04-30T10:00:00Z\", \"content\": \"<p><a href=\\\"https://arxiv.org/abs/2104.14421\\\">paper</a></p>\", \"url\": \"/@a/1\", \"account\": {\"acct\": \"a\", \"username\": \"a\"}}]", Tag1, "expected an http(s) URL, found \"/@a/1\" at $[0].url")]
    [InlineData("[{\"id\": 1, \"created_at\": \"2021-04-30T10:00:00Z\"}]", Tag1, "expected a string, found a number at $[0].id")]
    [InlineData("[{\"id\": \"1\", \"created_at\": \"2021-04-30T10:00:00\"}]", Tag1, "expected an RFC 3339 date and time with an offset, found \"2021-04-30T10:00:00\" at $[0].created_at")]
    [InlineData("[{\"id\": \"1\", \"created_at\": \"2021-04-30T10:00:00Z\", \"content\": \"x\", \"account\": \"a\"}]", Tag1, "expected an object, found a string at $[0].account")]
    [InlineData("[{\"id\": \"1\", \"created_at\": \"2021-04-30T10:00:00Z\", \"content\": \"x\", \"account\": {\"noindex\": \"yes\"}}]", Tag1, "expected true or false, found a string at $[0].account.noindex")]
    [InlineData("[{\"id\": \"1\", \"created_at\": \"2021-04-30T10:00:00Z\", \"content\": \"<p><a href=\\\"https://arxiv.org/abs/2104.14421\\\">paper</a></p>\", \"url\": \"https://m.example/@a/1\", \"account\": {\"acct\": \"a\", \"username\": \"a\"}, \"favourites_count\": 1.5}]", Tag1, "expected a count (a whole number from 0 to 2^53), found a number at $[0].favourites_count")]
    [InlineData("[{\"id\": \"1\", \"created_at\": \"2021-04-30T10:00:00Z\", \"reblog\": {\"id\": \"2\"}}]", Tag1, "expected a string, found nothing at $[0].reblog.created_at")]
    [InlineData("[{\"id\": \"1\", \"created_at\": \"2021-04-30T10", Tag1, "the answer is not JSON at line ")]
    [InlineData("[{\"id\": \"1\", \"created_at\": \"2021-04-30T10:00:00Z\", \"content\": \"<p>cut \\udc00</p>\"}]", Tag1, "expected text without \\u escapes of lone surrogates (\\ud800 to \\udfff), found such an escape at $[0].content")]
    public async Task An_answer_of_the_wrong_shape_names_the_place(string body, string at, string what)
    {
        var fetcher = new FakeFetcher().OnText(at, body);
        if (at != Trends) fetcher.OnText(Trends, "[]");

        var e = await Assert.ThrowsAsync<SourceException>(() => Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));

        Assert.Equal("mastodon", e.SourceName);
        Assert.Equal(at, e.Url!.AbsoluteUri);
        Assert.StartsWith(what, e.What);
    }

    [Fact]
    public async Task An_answer_that_is_not_utf8_or_is_a_proxys_html_page_is_refused()
    {
        var fetcher = new FakeFetcher().OnText(Trends, "[]").OnBytes(Tag1, [.. "[{\"id\": \"1\", \"created_at\": \"2021-04-30T10:00:00Z\", \"content\": \""u8, 0xC3, 0x28, .. "\"}]"u8]);

        var e = await Assert.ThrowsAsync<SourceException>(() => Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));

        Assert.Equal((Tag1, "the answer is not UTF-8 text"), (e.Url!.AbsoluteUri, e.What));
        fetcher = new FakeFetcher().OnText(Trends, "<html><body>502 Bad Gateway</body></html>");
        e = await Assert.ThrowsAsync<SourceException>(() => Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));
        Assert.Equal((Trends, "the answer is not JSON but markup, an HTML or XML page (it starts \"<html><body>502 Bad Gateway</body></html...\")"), (e.Url!.AbsoluteUri, e.What));
    }

    [Fact]
    public async Task A_truncated_timeline_is_refused()
    {
        var whole = File.ReadAllBytes(Fixture.Path("collect", "mastodon", "tag-1.json"));
        var fetcher = new FakeFetcher().OnText(Trends, "[]").OnBytes(Tag1, whole[..(whole.Length * 2 / 3)]);

        var e = await Assert.ThrowsAsync<SourceException>(() => Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));

        Assert.Equal(Tag1, e.Url!.AbsoluteUri);
        Assert.StartsWith("the answer is not JSON at line ", e.What);
    }
}
