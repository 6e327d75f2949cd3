using System.Collections.Immutable;
using HotPapers.Building;
using HotPapers.Importing;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.Settings;
using HotPapers.TestData;
using HotPapers.Tests.Rendering;

namespace HotPapers.Tests.Importing;

/// <summary>
/// Issue 15, item 2: the posts hotpapers writes itself, Gatsby and Hugo, with the built-in templates,
/// import and build again into the same bytes, in their own flavor (detected from the post). Generated
/// digests (the test-data catalog) get hostile text (the hostile-text tables) in titles, authors,
/// abstracts and front matter, so that the escaping hotpapers did is read back too.
/// </summary>
public sealed class OwnPostsRoundTripTests
{
    private static readonly string[] Hostile = [.. Enumerable.Concat<object[]>(HostileTextTests.Yaml, HostileTextTests.Markdown)
        .Select(row => (string)row[0]).Where(t => t.Trim().Length > 0)];

    public static TheoryData<string, int> Cases => new() { { "gatsby", 1 }, { "gatsby", 2 }, { "hugo", 1 }, { "hugo", 2 } };

    [Theory]
    [Trait(Speed.Key, Speed.Slow)]
    [MemberData(nameof(Cases))]
    public void Generated_digests_build_import_and_build_again_into_the_same_posts(string flavorName, int seed)
    {
        Assert.True(Flavors.TryParse(flavorName, out var flavor));
        using var temp = Fixture.TempDir();
        CatalogGenerator.Generate(temp["generated"], CatalogFormat.Records, 6, seed, new DateOnly(2021, 3, 1));
        var random = new Random(seed);
        Directory.CreateDirectory(temp["records"]);
        foreach (var file in Directory.GetFiles(temp["generated"]))
        {
            var records = new RecordsLoader(TimeZoneInfo.Utc).Load(file);
            File.WriteAllBytes(Path.Combine(temp["records"], Path.GetFileName(file)), RecordsWriter.Write(WithHostileText(records, random)));
        }

        var settings = BuildSettings.Default with { Flavor = flavor, OutputDirectory = temp["first"] };
        var first = new SiteBuilder(settings with { RecordsPath = temp["records"] }).Build(new BuildRequest.All());
        Assert.Equal(6, first.Posts.Count);

        var imported = ImportRun.Run(new ImportRequest([temp["first"]], temp["imported"], TimeZoneInfo.Utc));
        Assert.Equal(6, imported.Count);
        foreach (var result in imported)
        {
            Assert.True(!result.Failed, string.Join("\n", result.Problems));
            Assert.True(result.Post!.Difference is null, $"{result.File}: {result.Post.Difference}");
            // Read back as text, not kept as escaped Markdown.
            Assert.Null(result.Post.Records.Post.RawText);
        }
        var texts = first.Posts.Select(p => File.ReadAllText(p.PostPath)).ToList();
        Assert.Contains(texts, t => t.Contains("\n# 1. \\", StringComparison.Ordinal) || t.Contains("\\*", StringComparison.Ordinal)); // escaping happened
        Assert.All(texts, t => Assert.Equal(flavor == Flavor.Hugo, t.Contains("{{< hotpapers-tweet >}}", StringComparison.Ordinal)));

        new SiteBuilder(settings with { RecordsPath = temp["imported"], OutputDirectory = temp["second"] }).Build(new BuildRequest.All());
        foreach (var post in first.Posts)
        {
            var name = Path.GetFileName(post.PostPath);
            Assert.Equal(File.ReadAllText(post.PostPath), File.ReadAllText(Path.Combine(temp["second"], name)));
        }
    }

    /// <summary>About one paper in three gets a hostile title, author or abstract; every other day hostile front matter.</summary>
    private static DigestRecords WithHostileText(DigestRecords records, Random random)
    {
        string Pick() => Hostile[random.Next(Hostile.Length)];
        var papers = records.Papers.Select(p => random.Next(3) switch
        {
            0 => p with { Title = Pick(), Authors = [.. p.Authors.Take(1), Pick().Replace(", ", " "), .. p.Authors.Skip(1)], Abstract = Pick() + " " + p.Abstract },
            _ => p,
        }).ToImmutableArray();
        var post = random.Next(2) == 0 ? records.Post : records.Post with { Title = "Hot Papers " + Pick(), Description = Pick() };
        return records with { Papers = papers, Post = post };
    }
}
