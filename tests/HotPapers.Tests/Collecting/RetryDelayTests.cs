using System.Net;
using HotPapers.Collecting;

namespace HotPapers.Tests.Collecting;

/// <summary>The wait an answer asks for, from each header the APIs document.</summary>
public sealed class RetryDelayTests
{
    private static readonly DateTimeOffset Now = new(2021, 5, 1, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(429, "Retry-After", "7", 7)]
    [InlineData(503, "Retry-After", "Sat, 01 May 2021 06:00:20 GMT", 20)]
    [InlineData(503, "Retry-After", "Sat, 01 May 2021 05:00:00 GMT", 0)]
    [InlineData(429, "RateLimit", "\"api\";r=0;t=55", 55)]
    [InlineData(429, "RateLimit-Reset", "1619848830", 30)]
    [InlineData(429, "x-rate-limit-reset", "1619848805", 5)]
    [InlineData(429, "X-RateLimit-Reset", "2021-05-01T06:01:00.000Z", 60)]
    public void The_wait_is_read_from_the_header(int status, string name, string value, int seconds)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        response.Headers.TryAddWithoutValidation(name, value);
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryDelay.From(response, Now));
    }

    [Theory]
    [InlineData(503, "RateLimit", "\"api\";r=0;t=55")]
    [InlineData(429, "RateLimit", "\"api\";r=0")]
    [InlineData(429, "X-RateLimit-Reset", "soon")]
    [InlineData(429, "X-Other", "5")]
    public void No_wait_is_made_up(int status, string name, string value)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        response.Headers.TryAddWithoutValidation(name, value);
        Assert.Null(RetryDelay.From(response, Now));
    }

    [Fact]
    public void The_user_agent_names_the_tool_its_version_and_the_contact_without_breaking_the_header()
    {
        Assert.Matches(@"^hotpapers/[0-9]+\.[0-9]+\.[0-9]+[^ +]* \(collect; me@example\.org x\)$", FetchSession.UserAgent("me@example.org (x)\n"));
        Assert.Matches(@"^hotpapers/\S+ \(collect\)$", FetchSession.UserAgent(null));
    }
}
