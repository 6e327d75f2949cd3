using HotPapers.Collecting;

namespace HotPapers.Tests.Collecting;

public sealed class SourceExceptionTests
{
    [Fact]
    public void A_url_is_shown_as_sent_with_its_escapes()
    {
        // Uri.ToString() unescapes %2C, %3E and %20: the message would name a URL that was never asked for.
        var url = new Uri("http://127.0.0.1:1/api/v1/search_by_date?numericFilters=created_at_i%3E%3D1%2Ccreated_at_i%3C2&q=a%20b");
        var e = new SourceException("hackernews", url, "no answer");
        Assert.Equal("hackernews: http://127.0.0.1:1/api/v1/search_by_date?numericFilters=created_at_i%3E%3D1%2Ccreated_at_i%3C2&q=a%20b: no answer", e.Message);
    }
}
