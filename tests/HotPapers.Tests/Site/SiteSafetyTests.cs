using AngleSharp.Html.Parser;
using HotPapers.Rendering;
using HotPapers.Settings;
using HotPapers.Site;
using HotPapers.Tests.Safety;

namespace HotPapers.Tests.Site;

/// <summary>
/// The XSS corpus (Fixtures/safety/xss-vectors.txt) planted in every text field of a digest, its category
/// and its embeds, run through every page of the site: no script (but the networks' own, with live
/// embeds), no event handler, no javascript:, data: or vbscript: URL, no file outside the site.
/// </summary>
public sealed class SiteSafetyTests
{
    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.Ordinal) { "href", "src", "action", "formaction", "cite", "poster", "data", "background", "xlink:href" };

    public static TheoryData<int, bool> Cases()
    {
        var data = new TheoryData<int, bool>();
        var count = HostileTextTests.Vectors().Count();
        for (var i = 0; i < count; i++)
        {
            data.Add(i, false);
            data.Add(i, true);
        }
        return data;
    }

    [Theory]
    [Trait(Speed.Key, Speed.Slow)]
    [MemberData(nameof(Cases))]
    public void A_vector_in_every_field_becomes_no_markup_on_any_page(int index, bool live) =>
        AssertHarmless(HostileTextTests.Vectors().ElementAt(index), live);

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("x\n\n<svg onload=alert(1)>")]
    public void A_few_vectors_become_no_markup(string vector)
    {
        AssertHarmless(vector, live: false);
        AssertHarmless(vector, live: true);
    }

    private static void AssertHarmless(string vector, bool live)
    {
        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["records"]);
        File.WriteAllBytes(temp["records/2021-04-30.json"], HostileTextTests.RecordsWith(vector, rawText: false));
        SiteHarness.Generate(temp["records"], temp["site/public"], s => s with { LiveEmbeds = live, Title = vector, Description = vector, Author = vector, About = vector });
        // Nothing beside the site's folder.
        Assert.Equal(["public"], Directory.EnumerateFileSystemEntries(temp["site"]).Select(Path.GetFileName));
        var files = SiteHarness.Files(temp["site/public"]);
        foreach (var (path, bytes) in files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            var html = System.Text.Encoding.UTF8.GetString(bytes);
            var document = Parser.ParseDocument(html);
            foreach (var element in document.All)
            {
                if (element.LocalName == "script")
                {
                    Assert.True(live, $"{path}: a script with static embeds");
                    Assert.Equal(TweetEmbed.WidgetsScript, element.OuterHtml.Replace("async=\"\"", "async", StringComparison.Ordinal));
                }
                Assert.DoesNotContain(element.LocalName, new[] { "iframe", "img", "svg", "math", "object", "embed", "form", "style", "base", "meta-refresh" });
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.Ordinal), $"{path}: <{element.LocalName} {attribute.Name}> ({vector})");
                    Assert.NotEqual("style", attribute.Name);
                    // A URL the browser would follow or load (a meta description may well read "javascript:", as text).
                    if (!UrlAttributes.Contains(attribute.Name)) continue;
                    var value = new string(attribute.Value.Where(ch => !char.IsWhiteSpace(ch) && !char.IsControl(ch)).ToArray()).ToLowerInvariant();
                    Assert.False(value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("data:", StringComparison.Ordinal)
                        || value.StartsWith("vbscript:", StringComparison.Ordinal), $"{path}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                }
                if (element.LocalName == "meta") Assert.Null(element.GetAttribute("http-equiv"));
            }
            Assert.Single(document.QuerySelectorAll("h1"));
        }
        // The day page shows the vector as text: the paper's heading and abstract.
        var day = Parser.ParseDocument(System.Text.Encoding.UTF8.GetString(files["2021/04/30/index.html"]));
        Assert.Equal(MarkdownText.OneLine(vector).Trim(), MarkdownText.OneLine(day.QuerySelector("section.paper > h2 > a")!.TextContent).Trim());
    }

    [Fact]
    public void A_category_name_never_leaves_its_folder()
    {
        foreach (var name in new[] { "..", ".", "../x", "a/b", "index.html", ".hidden", "", "c\\d", "x\0y" })
        {
            var slug = SitePaths.CategorySlug(name);
            Assert.Matches("^[A-Za-z0-9_-][A-Za-z0-9._-]*$", slug);
            Assert.NotEqual(SitePaths.Index, slug);
        }
        Assert.Equal("cs.LG", SitePaths.CategorySlug("cs.LG"));
        Assert.NotEqual(SitePaths.CategorySlug("a/b"), SitePaths.CategorySlug("a?b"));
    }

    // Shaped like arXiv's names, but Windows opens a device for these, with or without an extension.
    [Theory]
    [InlineData("con")]
    [InlineData("aux.LG")]
    [InlineData("nul")]
    [InlineData("prn.optics")]
    public void A_category_named_as_a_windows_device_gets_a_folder_of_another_name(string category)
    {
        var slug = SitePaths.CategorySlug(category);
        Assert.StartsWith(category.Replace('.', '-') + "-", slug, StringComparison.Ordinal);
    }

    // Where the file system ignores case (macOS, Windows), category/cs.LG/ and category/cs.lg/ would be one folder.
    [Theory]
    [InlineData("cs.LG", "cs.lg")]
    [InlineData("cs.LG", "CS.LG")]
    [InlineData("hep-th", "HEP-TH")]
    [InlineData("physics.optics", "physics.OPTICS")]
    [InlineData("cond-mat.mes-hall", "cond-mat.Mes-Hall")]
    [InlineData("Robotics", "robotics")]
    public void Category_names_that_differ_in_case_alone_get_folders_that_differ_in_more(string one, string other)
    {
        Assert.False(string.Equals(SitePaths.CategorySlug(one), SitePaths.CategorySlug(other), StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("cs.LG")]
    [InlineData("astro-ph.CO")]
    [InlineData("q-bio.NC")]
    [InlineData("hep-th")]
    [InlineData("physics.optics")]
    [InlineData("cond-mat.mes-hall")]
    public void An_arxiv_category_as_arxiv_writes_it_is_its_own_folder_name(string category) =>
        Assert.Equal(category, SitePaths.CategorySlug(category));
}
