using HotPapers.Rendering;

namespace HotPapers.Tests.Site;

/// <summary>
/// The site templates' <c>include</c> writes the included template into the page as it renders: every way of
/// including gives the text Scriban's own include gives (the golden pages cover the plain one).
/// </summary>
public sealed class SiteIncludeTests
{
    // What Scriban's include wrote for the about page below (its text, as Scriban 7.5 renders it).
    private const string Expected =
        "[a & part.html.sbn\n" +
        "b\n" +
        "]\n" +
        "  a & part.html.sbn\n" +
        "  b\n" +
        "\n" +
        "(A & PART.HTML.SBN\n" +
        "B\n" +
        ")\n" +
        "<a & part.html.sbn\n" +
        "b\n" +
        ">\n" +
        "\n" +
        "a & part.html.sbn\n" +
        "b\n" +
        "\n" +
        "a & part.html.sbn\n" +
        "b\n" +
        "\n" +
        "a & part.html.sbn\n" +
        "b\n" +
        "a & part.html.sbn\n" +
        "b\n" +
        "\n" +
        "end\n";

    [Fact]
    public void Every_way_of_including_writes_what_Scriban_include_writes()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["templates"]);
        File.WriteAllText(temp["templates/part.html.sbn"], "a & {{ $0 }}\nb\n");
        File.WriteAllText(temp["templates/outer.html.sbn"], "<{{ include \"part.html.sbn\" }}>\n");
        File.WriteAllText(temp["templates/about.html.sbn"], string.Join("\n",
            "[{{ include \"part.html.sbn\" }}]",
            "  {{ include \"part.html.sbn\" }}",
            "{{ capture x }}({{ include \"part.html.sbn\" }}){{ end }}{{ x | string.upcase }}",
            "{{ include \"outer.html.sbn\" }}",
            "{{ \"part.html.sbn\" | include }}",
            "{{ include \"part.html.sbn\" 1 2 }}",
            "{{ for i in 1..2 }}{{ include \"part.html.sbn\" }}{{ end }}",
            "end",
            ""));
        SiteHarness.Generate(SiteHarness.SampleRecords(temp), temp["public"], templates: temp["templates"]);
        Assert.Equal(Expected, File.ReadAllText(temp["public/about/index.html"]));
    }

    [Fact]
    public void A_missing_include_names_the_template_and_line_that_includes_it()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["templates"]);
        File.WriteAllText(temp["templates/about.html.sbn"], "<p>\n{{ include \"nothing.html.sbn\" }}\n");
        var e = Assert.Throws<TemplateException>(() => SiteHarness.Generate(SiteHarness.SampleRecords(temp), temp["public"], templates: temp["templates"]));
        Assert.Contains("about.html.sbn", e.Message, StringComparison.Ordinal);
        Assert.Contains("(2,", e.Message, StringComparison.Ordinal);
        Assert.Contains("nothing.html.sbn", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_that_includes_itself_stops_at_the_recursion_limit()
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["templates"]);
        File.WriteAllText(temp["templates/about.html.sbn"], "x{{ include \"about.html.sbn\" }}\n");
        var e = Assert.Throws<TemplateException>(() => SiteHarness.Generate(SiteHarness.SampleRecords(temp), temp["public"], templates: temp["templates"]));
        Assert.Contains("about.html.sbn", e.Message, StringComparison.Ordinal);
    }
}
