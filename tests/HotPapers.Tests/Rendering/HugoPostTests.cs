using HotPapers.Building;
using HotPapers.Rendering;
using HotPapers.Settings;

namespace HotPapers.Tests.Rendering;

/// <summary>The Hugo flavor's post for the sample, byte for byte (a golden file), and its optional keys.</summary>
public sealed class HugoPostTests
{
    private static string Build(TempDir temp, BuildSettings settings)
    {
        new PostBuilder(settings with
        {
            Flavor = Flavor.Hugo,
            RecordsPath = Path.Combine(Fixture.RepoRoot(), "content", "records"),
            OutputDirectory = temp.Path,
        }).Build(new BuildRequest.Day(new DateOnly(2021, 4, 30)));
        return File.ReadAllText(temp["2021-04-30---Hot-Papers.md"]);
    }

    [Fact]
    public void The_sample_builds_the_golden_hugo_post()
    {
        using var temp = Fixture.TempDir();
        var built = Build(temp, BuildSettings.Default);
        var golden = Path.Combine(Fixture.RepoRoot(), "tests", "HotPapers.Tests", "Fixtures", "hugo", "2021-04-30---Hot-Papers.md");
        if (Environment.GetEnvironmentVariable("HOTPAPERS_UPDATE_GOLDEN") == "1") File.WriteAllText(golden, built);
        Assert.Equal(File.ReadAllText(Fixture.Path("hugo", "2021-04-30---Hot-Papers.md")), built);
    }

    [Fact]
    public void Empty_category_tags_and_image_are_left_out()
    {
        using var temp = Fixture.TempDir();
        var built = Build(temp, BuildSettings.Default with
        {
            FrontMatter = FrontMatterSettings.Default with { Category = "", Tags = [], SocialImage = "", Draft = true },
        });
        var front = built[..built.IndexOf("\n---\n", 4, StringComparison.Ordinal)];
        Assert.Equal(
            "---\ntitle: Hot Papers 2021-04-30\ndate: 2021-05-01T18:50:48+09:00\ndraft: true\nslug: \"hot-papers-2021-04-30\"\ndescription: \"Hot papers 2021-04-30\"",
            front);
    }

    [Fact]
    public void Embeds_go_through_the_shortcode_with_their_braces_defused()
    {
        Assert.Equal("{{< hotpapers-tweet >}}\n<blockquote>{&#123;< x >}} {&#123;% y %}}</blockquote>\n<script></script>\n{{< /hotpapers-tweet >}}",
            HugoShortcode.Tweet("<blockquote>{{< x >}} {{% y %}}</blockquote>\n<script></script>\n"));
        Assert.Equal("a {\\{< b >}\\} {\\{% c %}\\} {x\\}", HugoShortcode.EscapeText("a {{< b >}} {{% c %}} {x}"));
    }
}
