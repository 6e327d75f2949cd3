using System.Text.Json;
using HotPapers.Building;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.Safety;
using HotPapers.Settings;

namespace HotPapers.Tests.Safety;

public sealed class EmbedGuardTests
{
    private const string Script = TweetEmbed.WidgetsScript;

    private const string Good =
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Nice paper &amp; code<br><br><a href=\"https://t.co/abc\">https://t.co/abc</a></p>&mdash; A B (@ab) "
        + "<a href=\"https://twitter.com/ab/status/1?ref_src=twsrc%5Etfw\">April 30, 2021</a></blockquote>\n" + Script;

    public static IEnumerable<object[]> SampleEmbeds()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json")));
        foreach (var paper in doc.RootElement.GetProperty("papers").EnumerateArray())
        foreach (var tweet in paper.GetProperty("tweets").EnumerateArray())
        {
            if (tweet.TryGetProperty("embedHtml", out var e)) yield return [e.GetString()!];
        }
    }

    [Fact]
    public void The_sample_has_the_reference_posts_19_embeds() => Assert.Equal(19, SampleEmbeds().Count());

    [Theory]
    [MemberData(nameof(SampleEmbeds))]
    public void Every_embed_of_the_reference_post_passes(string embed) => Assert.Null(EmbedGuard.Problem(embed));

    [Theory]
    [InlineData(Good)]
    [InlineData(Good + "\n")]
    [InlineData("<blockquote class=\"twitter-tweet\" data-lang=\"en\" data-dnt=\"true\" data-theme=\"dark\"><p lang=\"ja\" dir=\"rtl\">x</p></blockquote>\n" + Script)]
    [InlineData("<blockquote class=\"twitter-tweet tw-align-center\"><p>&lt;script&gt; is text here</p></blockquote>\n" + Script)]
    public void The_oembed_shape_passes(string embed) => Assert.Null(EmbedGuard.Problem(embed));

    public static TheoryData<string, string> Hostile() => new()
    {
        { "another script", Good + "\n<script>alert(1)</script>" },
        { "script inside", Good.Replace("<br>", "<script>alert(1)</script>") },
        { "script src elsewhere", Good.Replace("platform.twitter.com", "evil.example") },
        { "no script", Good[..Good.IndexOf('\n')] },
        { "onclick", Good.Replace("<p lang", "<p onclick=\"alert(1)\" lang") },
        { "onmouseover unquoted", Good.Replace("<p lang", "<p onmouseover=alert(1) lang") },
        { "upper-case handler", Good.Replace("<p lang", "<p ONCLICK=alert(1) lang") },
        { "javascript url", Good.Replace("https://t.co/abc\"", "javascript:alert(1)\"") },
        { "entity-hidden javascript", Good.Replace("https://t.co/abc\"", "&#106;avascript:alert(1)\"") },
        { "tab-hidden javascript", Good.Replace("https://t.co/abc\"", "java\tscript:alert(1)\"") },
        { "data url", Good.Replace("https://t.co/abc\"", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"") },
        { "vbscript url", Good.Replace("https://t.co/abc\"", "vbscript:msgbox(1)\"") },
        { "iframe", Good.Replace("<br>", "<iframe src=\"https://evil.example\"></iframe>") },
        { "img", Good.Replace("<br>", "<img src=x onerror=alert(1)>") },
        { "style element", Good.Replace("<br>", "<style>body{display:none}</style>") },
        { "style attribute", Good.Replace("<p lang", "<p style=\"background:url(javascript:alert(1))\" lang") },
        { "svg", Good.Replace("<br>", "<svg onload=alert(1)>") },
        { "math", Good.Replace("<br>", "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>") },
        { "comment", Good.Replace("<br>", "<!-- <script>alert(1)</script> -->") },
        { "conditional comment", Good.Replace("<br>", "<!--[if IE]><script>alert(1)</script><![endif]-->") },
        { "unclosed p", Good.Replace("</p>", "") },
        { "unbalanced a", Good.Replace("</a></blockquote>", "</blockquote>") },
        { "stray end tag", Good.Replace("<br>", "</p></p>") },
        { "misnested", Good.Replace("<br><br>", "<a href=\"https://x.example\"><p>x</a></p>") },
        { "text before", "hello " + Good },
        { "text after", Good.Replace("</blockquote>\n", "</blockquote>oops\n") },
        { "two blockquotes", Good.Replace("</blockquote>\n", "</blockquote><blockquote class=\"twitter-tweet\">x</blockquote>\n") },
        { "wrong class", Good.Replace("class=\"twitter-tweet\"", "class=\"twitter-tweet evil\"") },
        { "no class", Good.Replace(" class=\"twitter-tweet\"", "") },
        { "blank line", Good.Replace("<br><br>", "\n\n[x](javascript:alert(1))\n") },
        { "carriage return", Good.Replace("<br>", "\r\r") },
        { "quote breaks out", Good.Replace("lang=\"en\"", "lang=\"en\"\"onclick=alert(1)") },
        { "duplicate attribute", Good.Replace("lang=\"en\"", "lang=\"en\" lang=\"fr\"") },
        { "self-closing", Good.Replace("<br>", "<br/>") },
        { "base", Good.Replace("<br>", "<base href=\"https://evil.example/\">") },
        { "form", Good.Replace("<br>", "<form action=\"javascript:alert(1)\"><button>x</button></form>") },
        { "object", Good.Replace("<br>", "<object data=\"javascript:alert(1)\"></object>") },
        { "meta refresh", Good.Replace("<br>", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">") },
        { "a target", Good.Replace("<a href=\"https://t.co/abc\"", "<a target=\"_blank\" href=\"https://t.co/abc\"") },
        { "cdata", Good.Replace("<br>", "<![CDATA[<script>alert(1)</script>]]>") },
        { "doctype", "<!DOCTYPE html>" + Good },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Anything_else_is_rejected(string why, string embed) => Assert.True(EmbedGuard.Problem(embed) is not null, why);

    /// <summary>
    /// OWASP-style vectors (Fixtures/safety/xss-vectors.txt) planted in a real embed before its paragraph,
    /// in its text, before its signature and before its end: what the guard lets through holds nothing a
    /// browser runs, and a script tag never gets through.
    /// </summary>
    [Fact]
    public void No_xss_vector_anywhere_in_a_real_embed_gets_through()
    {
        var embed = (string)SampleEmbeds().First()[0];
        var places = new[] { embed.IndexOf("<p ", StringComparison.Ordinal), embed.IndexOf("</p>", StringComparison.Ordinal),
            embed.IndexOf("&mdash;", StringComparison.Ordinal), embed.LastIndexOf("</blockquote>", StringComparison.Ordinal) };
        Assert.All(places, at => Assert.True(at > 0));
        var vectors = File.ReadAllLines(Fixture.Path("safety", "xss-vectors.txt")).Where(l => l.Length > 0).ToList();
        Assert.True(vectors.Count > 100);
        int accepted = 0, rejected = 0;
        foreach (var vector in vectors)
        foreach (var at in places)
        {
            var hostile = embed.Insert(at, vector);
            if (EmbedGuard.Problem(hostile) is not null) { rejected++; continue; }
            accepted++;
            Assert.DoesNotContain("<script", hostile[..hostile.LastIndexOf("</blockquote>", StringComparison.Ordinal)], StringComparison.OrdinalIgnoreCase);
            Assert.True(HtmlSafety.Problems(hostile).Count == 0, $"accepted, but a browser runs something: {vector}");
        }
        // Plain-text vectors (entity-escaped, no markup) are fine where text may go: both answers occur.
        Assert.True(accepted > 0 && rejected > 0, $"{accepted} accepted, {rejected} rejected");
    }

    /// <summary>The reason goes into the build's warning, so each rule says what it found, word for word.</summary>
    public static TheoryData<string, string> Reasons() => new()
    {
        { Good.Replace(" class=\"twitter-tweet\"", " data-dnt=\"true\""), "the blockquote is not class=\"twitter-tweet\"" },
        { Good.Replace("</blockquote>\n", "</blockquote><br></blockquote>\n"), "it has markup after the blockquote" },
        { Good.Replace("</blockquote>\n", "</blockquote>oops</blockquote>\n"), "it has text outside the blockquote" },
        { Good.Replace("</blockquote>\n", "</blockquote>oops\n"), "it is not one blockquote followed by the script" },
        { Good.Replace("<br>", "<img src=x onerror=alert(1)>"), "<img> has the attribute src=\"x\"" },
        { Good.Replace("<br>", "<svg>"), "it holds a <svg> element" },
        { Good.Replace("<p lang", "<p onclick=\"alert(1)\" lang"), "<p> has the attribute onclick=\"alert(1)\"" },
        { Good.Replace("https://t.co/abc\"", "javascript:alert(1)\""), "<a> has the attribute href=\"javascript:alert(1)\"" },
        { Good.Replace("<p lang", "<p title=\"" + new string('x', 60) + "\" lang"), "<p> has the attribute title=\"" + new string('x', 37) + "...\"" },
        { Good.Replace("</p>", ""), "</blockquote> does not close the open element" },
        { Good.Replace("<br>", "<a href=\"https://x.example\"><p>x</a></p>"), "</a> does not close the open element" },
        { Good.Replace("<br>", "<!-- x -->"), "it holds a comment" },
        { Good.Replace("<br>", "<br/>"), "<br/> is self-closing" },
        { Good.Replace("<blockquote class", "<blockquotes class"), "it starts with <blockquotes>" },
        { Good.Replace("<br>", "<blockquote class=\"twitter-tweet\">x</blockquote>"), "a blockquote inside the blockquote" },
        { Good.Replace("class=\"twitter-tweet\"", "class=\"twitter-tweet evil\""), "<blockquote> has the attribute class=\"twitter-tweet evil\"" },
        { Good.Replace("lang=\"en\"", "lang=\"en\" lang=\"fr\""), "HTML parse error: The attribute has already been added." },
        { Good.Replace("</a></blockquote>", "</a x=1></blockquote>"), "HTML parse error: End tags cannot carry attributes." },
        { Good.Replace("&amp;", "&amp"), "HTML parse error: Character reference is not terminated by a semicolon." },
        { Good.Replace("<br><br>", "\n\n"), "it holds a blank line" },
        { Good[..Good.IndexOf('\n')], "it does not end with a line feed and the widgets.js script line" },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void A_rejected_embed_is_told_why(string embed, string reason) => Assert.Equal(reason, EmbedGuard.Problem(embed));

    [Fact]
    public void A_built_embed_with_NUL_and_CR_in_every_field_passes_the_guard()
    {
        // Found by fuzzing: NUL went into the built embed as it was.
        // And a vertical tab or form feed, found by fuzzing the Bluesky embed: the built embed was refused.
        const string Nasty = "a\0b\rc\r\nd\ve\ff";
        var tweet = new MentionRecord("https://twitter.com/ab/status/1", Nasty, "ab", Nasty, null, Nasty, 1, 1, null, null);
        Assert.Null(EmbedGuard.Problem(TweetEmbed.Build(tweet)));
    }

    [Fact]
    public void A_rejected_embed_is_rebuilt_from_the_fields_with_a_warning_naming_paper_and_tweet()
    {
        using var temp = Fixture.TempDir();
        var hostile = Good.Replace("<br>", "<img src=x onerror=alert(1)>");
        File.WriteAllText(temp["2021-04-30.json"], SampleRecords.Daily(embed: hostile, text: "<b>bold</b> & more"));
        var result = new PostBuilder(BuildSettings.Default with { RecordsPath = temp.Path, OutputDirectory = temp["out"] })
            .Build(new BuildRequest.Day(new DateOnly(2021, 4, 30)));

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("2104.14421", warning);
        Assert.Contains("https://twitter.com/ab/status/1", warning);
        Assert.Contains("2021-04-30.json", warning);
        var post = File.ReadAllText(temp["out/2021-04-30---Hot-Papers.md"]);
        Assert.DoesNotContain("onerror", post);
        Assert.Contains("<p lang=\"en\" dir=\"ltr\">&lt;b&gt;bold&lt;/b&gt; &amp; more</p>", post);
    }

    [Fact]
    public void The_cli_prints_the_warning_to_stderr_and_succeeds()
    {
        using var temp = Fixture.TempDir();
        File.WriteAllText(temp["2021-04-30.json"], SampleRecords.Daily(embed: Good.Replace("<p lang", "<p onclick=alert(1) lang")));
        var (code, _, stderr) = InProcessCli.Run("build", "--date", "2021-04-30", "--records", temp.Path, "--output", temp["out"]);
        Assert.Equal(0, code);
        Assert.Contains("warning: ", stderr);
        Assert.Contains("paper 2104.14421, tweet https://twitter.com/ab/status/1", stderr);
    }
}
