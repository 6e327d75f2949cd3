using HotPapers.Records;

namespace HotPapers.Tests.Records;

/// <summary>The quick look at a URL never says "http(s)" where Uri would not.</summary>
public sealed class HttpUrlTests
{
    [Theory]
    [InlineData("https://arxiv.org/abs/2104.14421")]
    [InlineData("https://arxiv.org/pdf/2104.14421v2")]
    [InlineData("https://t.co/BhyOLlggoB")]
    [InlineData("https://twitter.com/hashtag/NAACL2021?src=hash&ref_src=twsrc%5Etfw")]
    [InlineData("http://example.com")]
    public void Plain_urls_are_settled_without_Uri(string url)
    {
        Assert.True(HttpUrl.IsPlainHttp(url));
        Assert.True(HttpUrl.ParsesAsHttp(url));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://")]
    [InlineData("https://-a.org/")]
    [InlineData("https://a..org/")]
    [InlineData("https://a.org/x y")]
    [InlineData("https://A.org/")]
    [InlineData("https://a.org:8080/")]
    [InlineData("https://user@a.org/")]
    [InlineData("HTTPS://a.org/")]
    public void Anything_else_is_left_to_Uri(string url) => Assert.False(HttpUrl.IsPlainHttp(url));

    private const string Alphabet = "ab.-/:?#@!$&'()*+,;=%~_ AZ09[]\\\"<>^`{|}\t\u00e9\u0000";

    [Fact]
    public void Whatever_it_calls_plain_Uri_reads_as_http()
    {
        var random = new Random(42);
        var plain = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var length = random.Next(0, 16);
            var chars = new char[length];
            for (var c = 0; c < length; c++) chars[c] = Alphabet[random.Next(Alphabet.Length)];
            var url = (random.Next(2) == 0 ? "https://" : "http://") + (random.Next(3) == 0 ? "" : "a.b") + new string(chars);
            if (!HttpUrl.IsPlainHttp(url)) continue;
            plain++;
            Assert.True(HttpUrl.ParsesAsHttp(url), url);
        }
        Assert.True(plain > 1_000, $"{plain} plain");
    }
}
