using System.Collections.Immutable;
using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.Safety;

namespace HotPapers.Tests.Safety;

/// <summary>
/// Embeds of other networks: Bluesky's oEmbed shape passes the one embed judge on Twitter's terms, and
/// is rebuilt from the fields when it does not; every other network, and every mention under
/// <c>embeds: static</c>, is a static card that holds nothing a browser runs or loads.
/// </summary>
public sealed class MentionEmbedTests
{
    // Bluesky's oEmbed answer, as its embedr server writes it (notes in the project's shared apis folder, bluesky.md).
    private const string Oembed = "<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3kq2x7yz2ab2c\" data-bluesky-cid=\"bafyreiaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"><p lang=\"en\">Great read on BNN posteriors arxiv.org/abs/2104.1442...</p>&mdash; <a href=\"https://bsky.app/profile/did:plc:aaaaaaaaaaaaaaaaaaaaaaaa?ref_src=embed\">Andrew Example (@andrew.example.com)</a> <a href=\"https://bsky.app/profile/did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/post/3kq2x7yz2ab2c?ref_src=embed\">2021-04-30T15:00:00.000Z</a></blockquote>"
        + MentionEmbed.BlueskyScript;

    private static IReadOnlyList<string> Vectors() => [.. File.ReadAllLines(Fixture.Path("safety", "xss-vectors.txt")).Where(l => l.Length > 0)];

    private static MentionRecord Post(Network network, string text = "Nice", string? embed = null, string name = "Ada", string handle = "ada.example") =>
        new(network == Network.Bluesky ? "https://bsky.app/profile/did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/post/3kq2x7yz2ab2c" : "https://example.org/post/1",
            name, handle, text, TweetTime.FromDay(new DateOnly(2021, 4, 30)), "en", 3, 40, embed, null, network, 2, 1);

    [Fact]
    public void A_stored_bluesky_embed_of_the_oembed_shape_is_used_as_it_is()
    {
        Assert.Null(EmbedGuard.Problem(Oembed, bluesky: true));
        Assert.Equal(Oembed, MentionEmbed.Html(Post(Network.Bluesky, embed: Oembed + "\n"), staticCards: false, out var problem).ToString());
        Assert.Null(problem);
        // Each network's shape is its own: a Bluesky embed is no tweet, and the other way round.
        Assert.NotNull(EmbedGuard.Problem(Oembed));
        Assert.NotNull(EmbedGuard.Problem("<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">x</p></blockquote>\n" + TweetEmbed.WidgetsScript, bluesky: true));
    }

    [Fact]
    public void An_unsafe_bluesky_embed_is_rebuilt_from_the_fields_and_the_rebuilt_one_passes()
    {
        var post = Post(Network.Bluesky, text: "See http://a.example and https://arxiv.org/abs/2104.14421 <b>x</b>",
            embed: Oembed.Replace("Great read", "<img src=x onerror=alert(1)>"));
        var html = MentionEmbed.Html(post, staticCards: false, out var problem).ToString();
        Assert.Equal("<img> has the attribute src=\"x\"", problem);
        Assert.Equal(MentionEmbed.BuildBluesky(post), html);
        Assert.Null(EmbedGuard.Problem(html, bluesky: true));
        Assert.Contains("data-bluesky-uri=\"at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3kq2x7yz2ab2c\"", html);
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;", html);
        // Only https links become anchors in Bluesky's shape.
        Assert.DoesNotContain("<a href=\"http://a.example", html);
    }

    [Fact]
    public void A_built_bluesky_embed_with_hostile_fields_passes_the_judge_and_runs_nothing()
    {
        foreach (var vector in Vectors().Append("a\0b\rc\r\nd\n\nx"))
        {
            var html = MentionEmbed.BuildBluesky(Post(Network.Bluesky, text: vector, name: vector, handle: vector) with { Lang = vector });
            Assert.True(EmbedGuard.Problem(html, bluesky: true) is null, vector);
            Assert.Empty(HtmlSafety.Problems(html));
        }
    }

    /// <summary>The XSS corpus planted in the oEmbed answer's paragraph, text, signature and end: what passes runs nothing.</summary>
    [Fact]
    public void No_xss_vector_anywhere_in_a_bluesky_embed_gets_through()
    {
        var places = new[] { Oembed.IndexOf("<p ", StringComparison.Ordinal), Oembed.IndexOf("</p>", StringComparison.Ordinal),
            Oembed.IndexOf("&mdash;", StringComparison.Ordinal), Oembed.LastIndexOf("</blockquote>", StringComparison.Ordinal) };
        int accepted = 0, rejected = 0;
        foreach (var vector in Vectors())
        foreach (var at in places)
        {
            var hostile = Oembed.Insert(at, vector);
            if (EmbedGuard.Problem(hostile, bluesky: true) is not null) { rejected++; continue; }
            accepted++;
            Assert.DoesNotContain("<script", hostile[..hostile.LastIndexOf("</blockquote>", StringComparison.Ordinal)], StringComparison.OrdinalIgnoreCase);
            Assert.True(HtmlSafety.Problems(hostile).Count == 0, $"accepted, but a browser runs something: {vector}");
        }
        Assert.True(accepted > 0 && rejected > 0, $"{accepted} accepted, {rejected} rejected");
    }

    public static TheoryData<string> CardNetworks() => ["mastodon", "hackernews", "huggingface", "reddit"];

    [Theory]
    [MemberData(nameof(CardNetworks))]
    public void Networks_without_a_script_embed_get_a_static_card_even_with_a_stored_embed(string name)
    {
        Assert.True(Networks.TryParse(name, out var network));
        var post = Post(network, embed: "<iframe src=\"https://mastodon.social/@ada/1/embed\"></iframe><script src=\"https://mastodon.social/embed.js\"></script>");
        var html = MentionEmbed.Html(post, staticCards: false, out var problem).ToString();
        Assert.Null(problem);
        Assert.Equal(MentionEmbed.Card(post), html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.Contains("<a href=\"https://example.org/post/1\">", html);
        Assert.Contains("40 ", html);
    }

    [Theory]
    [InlineData("twitter")]
    [InlineData("bluesky")]
    public void Under_embeds_static_tweets_and_bluesky_posts_are_cards_too(string name)
    {
        Assert.True(Networks.TryParse(name, out var network));
        var stored = network == Network.Bluesky ? Oembed : "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">x</p></blockquote>\n" + TweetEmbed.WidgetsScript;
        var html = MentionEmbed.Html(Post(network, embed: stored), staticCards: true, out _).ToString();
        Assert.StartsWith($"<blockquote class=\"hotpapers-card hotpapers-{network.Name()}\">", html);
        Assert.DoesNotContain("<script", html);
    }

    [Theory]
    [MemberData(nameof(CardNetworks))]
    public void No_xss_vector_in_any_field_of_a_card_becomes_markup(string name)
    {
        Assert.True(Networks.TryParse(name, out var network));
        foreach (var vector in Vectors())
        {
            var html = MentionEmbed.Card(Post(network, text: vector, name: vector, handle: vector) with { Lang = vector, Url = "https://example.org/" + Uri.EscapeDataString(vector) });
            Assert.True(HtmlSafety.Problems(html).Count == 0, vector);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain('\n', html);
        }
    }

    [Fact]
    public void The_embeds_setting_reaches_the_post_and_warnings_name_the_bluesky_post()
    {
        var paper = new PaperRecord(new ArxivId("2104.14421"), "T", ["A"], "Abs", ["cs.LG"], "https://arxiv.org/abs/2104.14421", "https://arxiv.org/pdf/2104.14421", null, [],
            [Post(Network.Bluesky, embed: Oembed.Replace("<p lang", "<p onclick=\"x\" lang")) with { Likes = 100 }]);
        var records = new DigestRecords(new DateOnly(2021, 4, 30), new DateOnly(2021, 4, 30), new DateTimeOffset(2021, 5, 1, 0, 0, 0, TimeSpan.Zero), false, [paper], PostOverrides.None, RecordsFormat.Records);
        var digest = new Ranker(RankingSettings.Default).Rank(records);
        var warnings = new List<string>();
        var scripted = new PostRenderer(TemplateSet.BuiltIn, FrontMatterSettings.Default).Render(digest, warnings);
        Assert.Equal("paper 2104.14421, bluesky post https://bsky.app/profile/did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/post/3kq2x7yz2ab2c: stored embed HTML not used (<p> has the attribute onclick=\"x\"); rebuilt from the post's fields", Assert.Single(warnings));
        var quiet = new PostRenderer(TemplateSet.BuiltIn, FrontMatterSettings.Default, settings: TemplateSettings.Default with { StaticEmbeds = true }).Render(digest);
        Assert.Contains(MentionEmbed.BlueskyScript, scripted);
        Assert.DoesNotContain("<script", quiet);
        Assert.Contains("hotpapers-card hotpapers-bluesky", quiet);
        // Hugo shows every mention through the one shortcode that outputs its inner HTML as it is.
        var hugo = new PostRenderer(TemplateSet.BuiltIn, FrontMatterSettings.Default, Flavors.PostTemplate(Flavor.Hugo), TemplateSettings.Default with { Flavor = Flavor.Hugo }).Render(digest);
        Assert.Contains("{{< hotpapers-tweet >}}\n<blockquote class=\"bluesky-embed\"", hugo);
    }
}
