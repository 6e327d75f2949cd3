using HotPapers.Records;

namespace HotPapers.Tests.Records;

public sealed class ArxivIdLinkTests
{
    [Theory]
    [InlineData("https://arxiv.org/abs/2104.14421", "2104.14421")]
    [InlineData("http://arxiv.org/abs/2104.14421v2", "2104.14421")]
    [InlineData("https://arxiv.org/pdf/2104.14421", "2104.14421")]
    [InlineData("https://arxiv.org/pdf/2104.14421v3.pdf", "2104.14421")]
    [InlineData("https://arxiv.org/pdf/2104.14421.pdf", "2104.14421")]
    [InlineData("https://arxiv.org/html/2104.14421v1", "2104.14421")]
    [InlineData("https://arxiv.org/html/2104.14421v1/", "2104.14421")]
    [InlineData("https://arxiv.org/html/2104.14421v1/index.html", "2104.14421")]
    [InlineData("https://www.arxiv.org/abs/2104.14421?context=cs#x", "2104.14421")]
    [InlineData("https://export.arxiv.org/abs/1501.00001", "1501.00001")]
    [InlineData("https://arxiv.org/abs/2501.01234", "2501.01234")]
    [InlineData("https://arxiv.org/abs/hep-th/9901001v2", "hep-th/9901001")]
    [InlineData("https://arxiv.org/pdf/math.GT/0309136", "math.GT/0309136")]
    [InlineData("  https://arxiv.org/abs/2104.14421  ", "2104.14421")]
    public void A_link_to_a_paper_names_it_without_version(string url, string expected)
    {
        Assert.Equal(expected, ArxivId.FromLink(url)?.Value);
    }

    [Theory]
    [InlineData("https://arxiv.org/list/cs.LG/recent")]
    [InlineData("https://arxiv.org/abs/2104.14421junk")]
    [InlineData("https://arxiv.org/abs/2113.14421")]
    [InlineData("https://arxiv.org/abs/2501.012345")]
    [InlineData("https://arxiv.org/abs/")]
    [InlineData("https://notarxiv.org/abs/2104.14421")]
    [InlineData("https://arxiv.org.evil.com/abs/2104.14421")]
    [InlineData("ftp://arxiv.org/abs/2104.14421")]
    [InlineData("https://arxiv.org/abs/2104.14421/extra/path")]
    [InlineData("arxiv.org/abs/2104.14421")]
    [InlineData("not a url")]
    public void Any_other_link_names_no_paper(string url)
    {
        Assert.Null(ArxivId.FromLink(url));
    }
}
