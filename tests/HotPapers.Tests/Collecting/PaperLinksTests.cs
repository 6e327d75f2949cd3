using HotPapers.Collecting;

namespace HotPapers.Tests.Collecting;

public sealed class PaperLinksTests
{
    [Theory]
    [InlineData("Read https://arxiv.org/abs/2104.14421.", "2104.14421")]
    [InlineData("(https://arxiv.org/pdf/2104.14421v2)", "2104.14421")]
    [InlineData("https://arxiv.org/abs/2104.14421, https://arxiv.org/html/2104.14294v1!", "2104.14421 2104.14294")]
    [InlineData("https://arxiv.org/abs/hep-th/9901001v3?context=x", "hep-th/9901001")]
    // Shortened as the networks show links: never read as the paper 2104.1442.
    [InlineData("https://arxiv.org/abs/2104.1442...", "")]
    [InlineData("https://arxiv.org/abs/2104.1442…", "")]
    [InlineData("arxiv.org/abs/2104.14421", "")]
    [InlineData("https://arxiv.org/list/cs.LG/recent https://example.org/abs/2104.14421", "")]
    public void The_papers_of_full_links_in_text(string text, string papers)
    {
        var links = new PaperLinks();

        links.AddFromText(text);

        Assert.Equal(papers, string.Join(' ', links.Papers.Select(p => p.Value)));
    }

    [Fact]
    public void A_paper_linked_again_in_another_form_is_listed_once()
    {
        var links = new PaperLinks();

        foreach (var url in new[] { "https://arxiv.org/abs/2104.14294", "https://arxiv.org/pdf/2104.14294v2.pdf", null, "http://export.arxiv.org/abs/2104.14294v1", "https://arxiv.org/abs/2104.10001" })
            links.Add(url);

        Assert.Equal(["2104.14294", "2104.10001"], links.Papers.Select(p => p.Value));
    }
}
