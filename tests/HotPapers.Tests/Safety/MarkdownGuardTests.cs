using HotPapers.Safety;

namespace HotPapers.Tests.Safety;

public sealed class MarkdownGuardTests
{
    [Theory]
    [InlineData("*Starred* <b>title</b>")]
    [InlineData("Abstract with <sub>html</sub> and <i>italics</i>")]
    [InlineData("[a link](https://arxiv.org/abs/1) and [relative](/posts/x)")]
    [InlineData("x < y and a & b")]
    public void Text_that_runs_nothing_is_harmless(string text) => Assert.True(MarkdownGuard.IsHarmless(text, heading: false));

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<b onclick=alert(1)>x</b>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<sub/>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](data:text/html,x)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![i](https://tracker.example/p.gif)")]
    [InlineData("[r]: javascript:alert(1)")]
    [InlineData("<!-- x -->")]
    public void Text_that_could_run_something_is_not(string text) => Assert.False(MarkdownGuard.IsHarmless(text, heading: false));
}
