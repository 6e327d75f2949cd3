using System.Text.RegularExpressions;

namespace HotPapers.Tests.Site;

/// <summary>docs/site.md's list of what the page templates see: every value it names is in the models.</summary>
public sealed class SiteDocsTests
{
    // Each page template replaced by one that reads the documented values of its variables, after the
    // preamble that names a listing's first item as the docs do (d, p, feed, year, month, category).
    private static readonly (string Template, string Preamble, string[] Variables)[] Readers =
    [
        ("day.html.sbn", "feed = page.feeds[0]", ["site", "page", "feed"]),
        ("category.html.sbn", "d = digests[0]; p = d.papers[0]", ["page", "category", "d", "p"]),
        ("home.html.sbn", "", ["latest"]),
        ("month.html.sbn", "d = digests[0]; p = d.papers[0]", ["month", "d", "p"]),
        ("archive.html.sbn", "year = years[0]; month = year.months[0]", ["year", "month"]),
        ("categories.html.sbn", "category = categories[0]", ["category"]),
    ];

    /// <summary>
    /// Each documented value (<c>`page.pager.number`</c>) is read by a template, under a test that its
    /// object is there (a pager, a digest's neighbour may be null); a member the model does not have stops
    /// the site, and each value must have been read on some page.
    /// </summary>
    [Fact]
    public void Every_value_the_docs_name_is_in_the_pages_models()
    {
        var docs = File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "docs", "site.md"));
        var start = docs.IndexOf("What the templates see", StringComparison.Ordinal);
        var section = docs[start..docs.IndexOf("\nFunctions:", start, StringComparison.Ordinal)];
        var names = string.Join('|', Readers.SelectMany(r => r.Variables).Distinct());
        var documented = Regex.Matches(section, $@"`((?:{names})(?:\.[a-z_]+)+)`").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(documented.Count > 40, string.Join(", ", documented));

        using var temp = Fixture.TempDir();
        Directory.CreateDirectory(temp["templates"]);
        foreach (var (template, preamble, variables) in Readers)
        {
            var reads = documented.Where(d => variables.Contains(d[..d.IndexOf('.', StringComparison.Ordinal)]))
                .Select(d => $"{{{{ if {d[..d.LastIndexOf('.')]} }}}}\n{d}={{{{ {d} }}}}{{{{ end }}}}");
            File.WriteAllText(temp["templates/" + template], $"{{{{ {preamble} }}}}" + string.Concat(reads) + "\n");
        }
        // A page of one digest each: the category pages of both days' categories have a pager.
        SiteHarness.Generate(SiteHarness.SampleRecords(temp), temp["public"], s => s with { PageSize = 1 }, temp["templates"]);

        var pages = string.Concat(Directory.EnumerateFiles(temp["public"], "index.html", SearchOption.AllDirectories).Select(File.ReadAllText));
        var unread = documented.Where(d => !pages.Contains($"\n{d}=", StringComparison.Ordinal)).ToList();
        Assert.True(unread.Count == 0, "documented but read on no page: " + string.Join(", ", unread));
    }
}
