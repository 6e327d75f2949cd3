using HotPapers.Collecting;
using HotPapers.Records;
using HotPapers.Settings;

namespace HotPapers.Tests.Collecting;

public sealed class TwitterSourceTests
{
    private const string Token = "test-bearer-token-AAAA";

    private const string Search = "https://api.x.example/2/tweets/search/recent?query=url%3A%22arxiv.org%22%20-is%3Aretweet"
        + "&start_time=2021-04-30T00%3A00%3A00Z&end_time=2021-05-01T00%3A00%3A00Z&max_results=100"
        + "&tweet.fields=created_at%2Cpublic_metrics%2Clang%2Cauthor_id%2Centities&expansions=author_id&user.fields=username%2Cname";

    private const string Search2 = Search + "&next_token=b26v89c19zqg8o3fpe17p4f9c9ca5k3x1f0g5m4mj0ep";

    private static string Embed(string user, string id) =>
        "https://publish.x.example/oembed?url=" + Uri.EscapeDataString($"https://twitter.com/{user}/status/{id}") + "&dnt=true";

    private static TwitterSource Source(string? token = Token, bool embeds = true) =>
        new(new SourceSettings(true, new Uri("https://api.x.example"), embeds ? new Uri("https://publish.x.example") : null),
            name => name == TwitterSource.TokenVariable ? token : throw new InvalidOperationException("read " + name));

    /// <summary>The recorded day: a full first page (100 posts), a second of two.</summary>
    private static FakeFetcher Day30() => FakeFetcher.Recorded("twitter");

    [Fact]
    public async Task Each_post_is_a_mention_of_each_paper_its_expanded_urls_link()
    {
        var found = await Source().CollectAsync(BlueskySourceTests.Day, Day30(), CancellationToken.None);

        Assert.Equal(
        [
            ("2104.14421", "https://x.com/andrewex/status/1387929898099134473"),
            ("2104.14294", "https://x.com/ankurex/status/1388152700458606594"),
            ("2104.10001", "https://x.com/andrewex/status/1388152700458606595"),
            ("2104.14421", "https://x.com/andrewex/status/1388152700458606595"),
            // abs, pdf and v2 of one paper: one mention.
            ("2104.14294", "https://x.com/ankurex/status/1388152700458606596"),
            ("2104.14421", "https://x.com/emilie_ex/status/1388152700458606700"),
            ("2104.10001", "https://x.com/emilie_ex/status/1388152700458606701"),
        ], found.Select(f => (f.Paper.Value, f.Mention.Url)));
        // Left out: a link to example.org, a post whose author X could not include, 94 links to a listing.
        Assert.All(found, f => Assert.Equal(Network.Twitter, f.Mention.Network));
        Assert.All(found, f => Assert.Equal(FakeFetcher.FetchedAt, f.ReadAt));
    }

    [Fact]
    public async Task A_post_maps_to_a_mention_record()
    {
        var found = await Source().CollectAsync(BlueskySourceTests.Day, Day30(), CancellationToken.None);

        var embed = BlueskySourceTests.JsonString(Fixture.Read("collect", "twitter", "oembed-accepted.json"), "html");
        Assert.Equal(new MentionRecord("https://x.com/andrewex/status/1387929898099134473", "Andrew Example", "andrewex",
            "What are synthetic posteriors really like? https://t.co/AbCdEf1234",
            TweetTime.FromInstant(new DateTimeOffset(2021, 4, 30, 0, 40, 48, TimeSpan.Zero)), "en",
            Reposts: 512, Likes: 2300, EmbedHtml: embed, RepostOf: null, Network: Network.Twitter, Replies: 40, Quotes: 61), found[0].Mention);
        Assert.Equal("1387929898099134473", found[0].Mention.StatusId);
        // Its embed has a javascript: link: the judge refuses it, and the post is kept without one.
        Assert.Null(found[1].Mention.EmbedHtml);
        Assert.Equal("und", found[2].Mention.Lang);
        // repost_count, X's new name for retweet_count.
        var renamed = found[5].Mention;
        Assert.Equal(("Émilie 例", "emilie_ex", 7L, 70L, 1L, 0L), (renamed.AuthorName, renamed.Handle, renamed.Reposts, renamed.Likes, renamed.Replies, renamed.Quotes));
        // Its oEmbed answer escapes "/" as "\/", as X's may.
        Assert.Equal(BlueskySourceTests.JsonString(Fixture.Read("collect", "twitter", "oembed-renamed.json"), "html"), renamed.EmbedHtml);
        Assert.StartsWith("<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Renamed metrics <a href=\"https://t.co/e\">", renamed.EmbedHtml);
        // No public_metrics, created_at nor lang: unknown, not zero.
        var bare = found[6].Mention;
        Assert.Equal(((TweetTime?)null, (string?)null, (long?)null, (long?)null, (long?)null, (long?)null),
            (bare.Created, bare.Lang, bare.Reposts, bare.Likes, bare.Replies, bare.Quotes));
    }

    [Fact]
    public async Task Pages_with_next_token_while_a_page_is_full_sending_the_token_only_in_the_header()
    {
        var fetcher = Day30();
        await Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None);

        Assert.Equal(
        [
            (Search, "Bearer " + Token),
            (Embed("andrewex", "1387929898099134473"), null),
            (Embed("ankurex", "1388152700458606594"), null),
            (Embed("andrewex", "1388152700458606595"), null),
            (Embed("ankurex", "1388152700458606596"), null),
            // Two posts and a next_token: not full, the search ends.
            (Search2, "Bearer " + Token),
            (Embed("emilie_ex", "1388152700458606700"), null),
            (Embed("emilie_ex", "1388152700458606701"), null),
        ], fetcher.Requests.Select(r => (r.Url, r.Authorization)));
        Assert.All(fetcher.Urls, url => Assert.DoesNotContain(Token, url));
    }

    [Fact]
    public async Task A_day_without_posts_has_no_mentions()
    {
        var fetcher = new FakeFetcher().On(Search, "twitter/search-empty.json");

        Assert.Empty(await Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));
        Assert.Single(fetcher.Requests);
    }

    // Found by a user's trial: Bluesky's refused login named its variables, X's refused token only its status.
    [Fact]
    public async Task A_refused_token_names_its_variable_and_says_nothing_secret()
    {
        var fetcher = new FakeFetcher().Failing(Search, 401);

        var e = await Assert.ThrowsAsync<SourceException>(() => Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));

        Assert.Equal(Search, e.Url!.AbsoluteUri);
        Assert.Equal("HTTP 401 (the token was refused: check HOTPAPERS_TWITTER_BEARER_TOKEN, the app's bearer token from X's developer portal)", e.What);
        Assert.DoesNotContain(Token, e.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_token_it_is_skipped(string? token)
    {
        var reason = Source(token).SkipReason;

        Assert.NotNull(reason);
        Assert.Contains(TwitterSource.TokenVariable, reason);
    }

    [Fact]
    public void With_a_token_it_runs_at_450_requests_in_15_minutes()
    {
        Assert.Null(Source().SkipReason);
        Assert.Equal("twitter", Source().Name);
        Assert.Equal(TimeSpan.FromSeconds(2), Source().Pacing);
    }

    [Theory]
    [InlineData("{\"data\": {}}", "expected an array, found an object at $.data")]
    [InlineData("{\"data\": [{\"id\": 1387929898099134473}]}", "expected a string, found a number at $.data[0].id")]
    [InlineData("{\"data\": [{\"id\": \"13a\"}]}", "expected a post id of digits, found \"13a\" at $.data[0].id")]
    [InlineData("{\"data\": [{\"id\": \"1\"}]}", "expected a string, found nothing at $.data[0].text")]
    [InlineData("{\"data\": [{\"id\": \"1\", \"text\": \"t\", \"entities\": {\"urls\": [{\"expanded_url\": \"https://arxiv.org/abs/2104.14421\"}]}}]}", "expected a string, found nothing at $.data[0].author_id")]
    [InlineData("{\"data\": [{\"id\": \"1\", \"text\": \"t\", \"author_id\": \"9\", \"entities\": {\"urls\": [{\"expanded_url\": \"https://arxiv.org/abs/2104.14421\"}]}, \"public_metrics\": {\"like_count\": \"12\"}}], \"includes\": {\"users\": [{\"id\": \"9\", \"name\": \"N\", \"username\": \"n\"}]}}", "expected a count (a whole number from 0 to 2^53), found a string at $.data[0].public_metrics.like_count")]
    [InlineData("{\"data\": [{\"id\": \"1\", \"text\": \"t\", \"author_id\": \"9\", \"entities\": {\"urls\": [{\"expanded_url\": \"https://arxiv.org/abs/2104.14421\"}]}, \"created_at\": \"2021-04-30 10:00\"}], \"includes\": {\"users\": [{\"id\": \"9\", \"name\": \"N\", \"username\": \"n\"}]}}", "expected an RFC 3339 date and time with an offset, found \"2021-04-30 10:00\" at $.data[0].created_at")]
    [InlineData("{\"data\": [{\"id\": \"1\", \"text\": \"t\", \"author_id\": \"9\", \"entities\": {\"urls\": [{\"expanded_url\": \"https://arxiv.org/abs/2104.14421\"}]}}], \"includes\": {\"users\": [{\"id\": \"9\", \"name\": \"N\", \"username\": \"n/../x\"}]}}", "expected a username of letters, digits and _ for its author, found \"n/../x\" at $.data[0]")]
    [InlineData("{\"data\": [{\"id\": \"1\", \"text\": \"t\", \"author_id\": \"9\", \"entities\": {\"urls\": [{\"expanded_url\": \"https://arxiv.org/abs/2104.14421\"}]}}], \"includes\": {\"users\": [{\"id\": \"9\", \"name\": \"N\", \"username\": \"n12345678901234567890123456789012345678901234567890\"}]}}", "expected a username of letters, digits and _ for its author, found \"n12345678901234567890123456789012345678901234567890\" at $.data[0]")]
    [InlineData("{\"includes\": {\"users\": [{\"id\": \"9\", \"name\": null, \"username\": \"n\"}]}}", "expected a string, found null at $.includes.users[0].name")]
    [InlineData("{\"meta\": {\"next_token\": 5}}", "expected a string, found a number at $.meta.next_token")]
    [InlineData("{\"data\": [], \"meta\": ", "the answer is not JSON at line ")]
    [InlineData("{\"data\": [{\"id\": \"1\", \"text\": \"cut \\ud83d\"}]}", "expected text without \\u escapes of lone surrogates (\\ud800 to \\udfff), found such an escape at $.data[0].text")]
    public async Task A_search_answer_of_the_wrong_shape_names_the_place(string body, string what)
    {
        var fetcher = new FakeFetcher().OnText(Search, body);

        var e = await Assert.ThrowsAsync<SourceException>(() => Source(embeds: false).CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));

        Assert.Equal("twitter", e.SourceName);
        Assert.Equal(Search, e.Url!.AbsoluteUri);
        Assert.StartsWith(what, e.What);
        Assert.DoesNotContain(Token, e.Message);
    }

    [Fact]
    public async Task A_truncated_search_answer_is_refused()
    {
        var whole = File.ReadAllBytes(Fixture.Path("collect", "twitter", "search-1.json"));
        var fetcher = new FakeFetcher().OnBytes(Search, whole[..^40]);

        var e = await Assert.ThrowsAsync<SourceException>(() => Source().CollectAsync(BlueskySourceTests.Day, fetcher, CancellationToken.None));

        Assert.Equal(Search, e.Url!.AbsoluteUri);
        Assert.StartsWith("the answer is not JSON at line ", e.What);
        Assert.StartsWith("twitter: https://api.x.example/2/tweets/search/recent?", e.Message);
        Assert.EndsWith(": " + e.What, e.Message);
    }

    [Fact]
    public async Task An_oembed_answer_that_is_no_json_is_refused()
    {
        var fetcher = new FakeFetcher().On(Search, "twitter/search-empty.json");
        var embeds = new OEmbed("twitter", new Uri("https://publish.x.example"), bluesky: false);
        fetcher.OnText("https://publish.x.example/oembed?url=https%3A%2F%2Ftwitter.com%2Fa%2Fstatus%2F1", "<html>Bad gateway</html>");

        var e = await Assert.ThrowsAsync<SourceException>(() => embeds.HtmlAsync(fetcher, "https://twitter.com/a/status/1", CancellationToken.None));

        Assert.Equal("the answer is not JSON but markup, an HTML or XML page (it starts \"<html>Bad gateway</html>\")", e.What);
    }

    // Found in review: a post the endpoint will not embed (deleted, protected: 403, 404, 410) is its answer, not its
    // trouble; three such posts in a row left the day's later posts without their embeds.
    [Fact]
    public async Task Posts_the_endpoint_will_not_embed_are_no_failures_in_a_row()
    {
        var fetcher = new FakeFetcher();
        string Url(int i) => "https://publish.x.example/oembed?url=" + Uri.EscapeDataString($"https://twitter.com/a/status/{i}");
        fetcher.Failing(Url(1), 404).Failing(Url(2), 403).Failing(Url(3), 410).Failing(Url(4), 404).On(Url(5), "twitter/oembed-accepted.json");
        var embeds = new OEmbed("twitter", new Uri("https://publish.x.example"), bluesky: false);

        var html = new List<string?>();
        for (var i = 1; i <= 5; i++) html.Add(await embeds.HtmlAsync(fetcher, $"https://twitter.com/a/status/{i}", CancellationToken.None));

        Assert.Equal([false, false, false, false, true], html.Select(h => h is not null));
        Assert.Equal([Url(1), Url(2), Url(3), Url(4), Url(5)], fetcher.Urls);
        Assert.Empty(fetcher.Notices);
    }

    [Fact]
    public async Task An_oembed_endpoint_that_fails_three_times_in_a_row_is_not_asked_again()
    {
        var fetcher = new FakeFetcher();
        string Url(int i) => "https://publish.x.example/oembed?url=" + Uri.EscapeDataString($"https://twitter.com/a/status/{i}");
        fetcher.Failing(Url(1), 503).On(Url(2), "twitter/oembed-accepted.json").Failing(Url(3), 503).Failing(Url(4), 502).Failing(Url(5), 503);
        var embeds = new OEmbed("twitter", new Uri("https://publish.x.example"), bluesky: false);

        var html = new List<string?>();
        for (var i = 1; i <= 7; i++) html.Add(await embeds.HtmlAsync(fetcher, $"https://twitter.com/a/status/{i}", CancellationToken.None));

        Assert.Equal([false, true, false, false, false, false, false], html.Select(h => h is not null));
        // Asked: 1 (fails), 2 (answers: the count starts again), 3, 4, 5 (three in a row); 6 and 7 not asked.
        Assert.Equal([Url(1), Url(2), Url(3), Url(4), Url(5)], fetcher.Urls);
        // Said once, when it is given up, with the last failure.
        Assert.Equal(["the embed server https://publish.x.example/ failed 3 times in a row (the last: HTTP 503): not asked for the day's later posts"], fetcher.Notices);
    }
}
