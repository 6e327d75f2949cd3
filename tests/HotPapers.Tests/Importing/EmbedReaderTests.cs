using HotPapers.Importing;
using HotPapers.Records;

namespace HotPapers.Tests.Importing;

public sealed class EmbedReaderTests
{
    private const string Script = "\n<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>";

    [Fact]
    public void Reads_url_author_handle_text_lang_and_day_from_an_oembed_blockquote()
    {
        const string html = "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">tl;dr: center point detection &amp; nms.  + lots<br><br>of <a href=\"https://twitter.com/hashtag/AI?src=hash&amp;ref_src=twsrc%5Etfw\">#AI</a><a href=\"https://t.co/PLtiqEysWp\">https://t.co/PLtiqEysWp</a> &lt;3 <a href=\"https://t.co/LBv\">pic.twitter.com/LBv</a></p>&mdash; Dmytro Mishkin (@ducha_aiki) <a href=\"https://twitter.com/ducha_aiki/status/1388098840574693376?ref_src=twsrc%5Etfw\">April 30, 2021</a></blockquote>" + Script;
        var tweet = EmbedReader.Read(html, out var problem);
        Assert.Null(problem);
        Assert.NotNull(tweet);
        Assert.Equal("https://twitter.com/ducha_aiki/status/1388098840574693376", tweet.Url);
        Assert.Equal("Dmytro Mishkin", tweet.AuthorName);
        Assert.Equal("ducha_aiki", tweet.Handle);
        Assert.Equal("tl;dr: center point detection & nms.  + lots\n\nof #AIhttps://t.co/PLtiqEysWp <3 pic.twitter.com/LBv", tweet.Text);
        Assert.Equal("en", tweet.Lang);
        Assert.Equal(TweetTime.FromDay(new DateOnly(2021, 4, 30)), tweet.Created);
    }

    [Fact]
    public void A_name_with_parentheses_and_a_right_to_left_tweet_are_read()
    {
        const string html = "<blockquote class=\"twitter-tweet\"><p lang=\"ar\" dir=\"rtl\">نموذج جديد</p>&mdash; Name (with) parens (@x_1) <a href=\"https://twitter.com/x_1/status/5?ref_src=twsrc%5Etfw\">May 1, 2021</a></blockquote>";
        var tweet = EmbedReader.Read(html, out _)!;
        Assert.Equal("Name (with) parens", tweet.AuthorName);
        Assert.Equal("x_1", tweet.Handle);
        Assert.Equal("ar", tweet.Lang);
        Assert.Equal("نموذج جديد", tweet.Text);
    }

    [Fact]
    public void An_embed_dated_in_another_language_takes_the_time_its_status_id_encodes()
    {
        const string html = "<blockquote class=\"twitter-tweet\"><p lang=\"ja\" dir=\"ltr\">テキスト</p>&mdash; 名前 (@jaguring1) <a href=\"https://twitter.com/jaguring1/status/1387970959164932099?ref_src=twsrc%5Etfw\">2021年4月30日</a></blockquote>";
        var tweet = EmbedReader.Read(html, out var problem);
        Assert.Null(problem);
        // 1387970959164932099 >> 22 is 330918063918 ms after the Twitter epoch (2010-11-04T01:42:54.657Z).
        Assert.Equal(new DateTimeOffset(2021, 4, 30, 3, 23, 58, 575, TimeSpan.Zero), tweet!.Created!.Value.Instant);
        Assert.Equal(new DateOnly(2021, 4, 30), tweet.Created!.Value.Day);
    }

    // Found by a docs audit: an embed of another network was "found" as the very blockquote expected.
    [Theory]
    [InlineData("<blockquote><p>quote</p></blockquote>", "twitter-tweet", "\"<blockquote>\"")]
    [InlineData("<blockquote class=\"instagram-media\"><p>quote</p></blockquote>", "bluesky-embed", "\"<blockquote class=\"instagram-media\">\"")]
    [InlineData("<div class=\"twitter-tweet\"></div>", "twitter-tweet", "\"<div class=\"twitter-tweet\">\"")]
    [InlineData("", "twitter-tweet", "no element")]
    [InlineData("<blockquote class=\"twitter-tweet\">no paragraph <a href=\"https://twitter.com/a/status/1\">May 1, 2021</a></blockquote>", "<p>", "no <p>")]
    [InlineData("<blockquote class=\"twitter-tweet\"><p>t</p>&mdash; N (@a) <br></blockquote>", "a link to the post at the end", "\"<br>\"")]
    [InlineData("<blockquote class=\"twitter-tweet\"><p>t</p>&mdash; N (@a) <a href=\"https://example.com/a\">May 1, 2021</a></blockquote>", "status page", "\"https://example.com/a\"")]
    [InlineData("<blockquote class=\"twitter-tweet\"><p>t</p>&mdash; N (@a) <a href=\"https://twitter.com/a/status/1\">yesterday</a></blockquote>", "April 30, 2021", "\"yesterday\"")]
    [InlineData("<blockquote class=\"twitter-tweet\"><p>t</p>&mdash; Nobody <a href=\"https://twitter.com/a/status/1\">May 1, 2021</a></blockquote>", "(@handle)", "\"Nobody\"")]
    public void Html_that_is_not_an_oembed_tweet_is_refused_saying_what_was_expected_and_found(string html, string expected, string found)
    {
        Assert.Null(EmbedReader.Read(html, out var problem));
        Assert.Contains(expected, problem!.Expected, StringComparison.Ordinal);
        Assert.Equal(found, problem.Found);
    }
}
