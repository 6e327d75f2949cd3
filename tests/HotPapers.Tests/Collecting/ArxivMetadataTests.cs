using System.Text;
using HotPapers.Collecting;

namespace HotPapers.Tests.Collecting;

public sealed class ArxivMetadataTests
{
    private static readonly Uri Query = new("https://arxiv.example/api/query?id_list=2104.14421&max_results=1");

    private static FetchedResponse Feed(string id, string title) => new(Query, 200, Encoding.UTF8.GetBytes($$"""
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
          <entry>
            <id>{{id}}</id>
            <title>{{title}}</title>
            <summary>  An abstract.
        </summary>
            <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
            <author><name>Ada Example</name></author>
          </entry>
        </feed>
        """), FakeFetcher.FetchedAt);

    // Found by a drift test: a paper titled "Error" failed the day as arXiv's error, its abstract given as what arXiv said.
    [Fact]
    public void A_paper_titled_Error_is_a_paper()
    {
        var paper = Assert.Single(ArxivMetadata.Parse(Feed("http://arxiv.org/abs/2104.14421v1", "Error")));

        Assert.Equal(("2104.14421", "Error", "An abstract."), (paper.Id.Value, paper.Title, paper.Abstract));
    }

    [Theory]
    [InlineData("https://arxiv.org/api/errors#incorrect_id_format_for_foo", "Error")]
    [InlineData("http://arxiv.org/api/errors#incorrect_id_format_for_foo", "Error")]
    [InlineData("https://arxiv.org/api/errors", "Not Found")]
    [InlineData("", "Error")]
    public void Arxivs_error_entry_is_its_error(string id, string title)
    {
        var e = Assert.Throws<SourceException>(() => ArxivMetadata.Parse(Feed(id, title)));

        Assert.Equal(("arxiv", "arXiv answered an error: An abstract."), (e.SourceName, e.What));
    }
}
