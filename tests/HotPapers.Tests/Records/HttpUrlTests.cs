using HotPapers.Records;

namespace HotPapers.Tests.Records;

/// <summary>What counts as an absolute http(s) URL in records, imported posts and embeds.</summary>
public sealed class HttpUrlTests
{
    [Theory]
    [InlineData("https://arxiv.org/abs/2104.14421")]
    [InlineData("https://arxiv.org/pdf/2104.14421v2")]
    [InlineData("https://t.co/BhyOLlggoB")]
    [InlineData("https://twitter.com/hashtag/NAACL2021?src=hash&ref_src=twsrc%5Etfw")]
    [InlineData("http://example.com")]
    [InlineData("https://A.org/")]
    [InlineData("https://a.org:8080/")]
    [InlineData("https://user@a.org/")]
    [InlineData("HTTPS://a.org/")]
    [InlineData("https://a.org/caf\u00e9")]
    public void Absolute_http_urls_are_links(string url) => Assert.True(HttpUrl.IsHttp(url), url);

    [Theory]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://a.org/x")]
    [InlineData("mailto:a@b.org")]
    [InlineData("https://")]
    [InlineData("/abs/2104.14421")]
    [InlineData("arxiv.org/abs/2104.14421")]
    [InlineData("https://a.org/x y")]
    [InlineData(" https://a.org/")]
    [InlineData("https://a.org/\t")]
    [InlineData("https://a.org/\u00a0")]
    [InlineData("https://a.org/\u2028")]
    public void Anything_else_is_not(string url) => Assert.False(HttpUrl.IsHttp(url), url);
}
