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
/// abstracts and front matter, so that the escaping hotpapers did is read back too. Issue 17, step 5:
/// with mentions of every network (counts lines, Bluesky embeds, cards) and with <c>embeds: static</c>.
/// </summary>
public sealed class OwnPostsRoundTripTests
{
    private static readonly string[] Hostile = [.. Enumerable.Concat<object[]>(HostileTextTests.Yaml, HostileTextTests.Markdown)
        .Select(row => (string)row[0]).Where(t => t.Trim().Length > 0)
        // Import refuses a post with C0 control characters as binary data ("Bell\u0007char" builds into one):
        // a known limit of import (docs/import.md, Errors), not what this test is about.
        .Where(t => t.All(ch => ch >= ' ' || ch is '\t' or '\n' or '\r'))];

    /// <summary>Flavor, seed, mentions of every network (else tweets alone), and <c>embeds: static</c>.</summary>
    public static TheoryData<string, int, bool, bool> Cases => new()
    {
        { "gatsby", 1, false, false }, { "gatsby", 2, false, false }, { "hugo", 1, false, false }, { "hugo", 2, false, false },
        { "gatsby", 3, true, false }, { "hugo", 3, true, false },
        { "gatsby", 4, true, true }, { "hugo", 4, true, true },
        { "gatsby", 5, false, true }, { "hugo", 5, false, true },
    };

    [Theory]
    [Trait(Speed.Key, Speed.Slow)]
    [MemberData(nameof(Cases))]
    public void Generated_digests_build_import_and_build_again_into_the_same_posts(string flavorName, int seed, bool networks, bool staticEmbeds)
    {
        Assert.True(Flavors.TryParse(flavorName, out var flavor));
        using var temp = Fixture.TempDir();
        CatalogGenerator.Generate(temp["generated"], CatalogFormat.Records, 6, seed, new DateOnly(2021, 3, 1));
        var random = new Random(seed);
        Directory.CreateDirectory(temp["records"]);
        foreach (var file in Directory.GetFiles(temp["generated"]))
        {
            var records = new RecordsLoader(TimeZoneInfo.Utc).Load(file);
            if (networks) records = NetworkMentions.AddTo(records, random);
            File.WriteAllBytes(Path.Combine(temp["records"], Path.GetFileName(file)), RecordsWriter.Write(WithHostileText(records, random)));
        }

        var settings = BuildSettings.Default with { Flavor = flavor, OutputDirectory = temp["first"], StaticEmbeds = staticEmbeds };
        var first = new PostBuilder(settings with { RecordsPath = temp["records"] }).Build(new BuildRequest.All());
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
        // The posts show what the case is about: every other network's cards and counts, Bluesky's embeds, or only cards.
        var all = string.Concat(texts);
        foreach (var network in new[] { "mastodon", "hackernews", "huggingface", "reddit" })
            Assert.Equal(networks, all.Contains($"hotpapers-card hotpapers-{network}\"", StringComparison.Ordinal));
        Assert.Equal(networks && staticEmbeds, all.Contains("hotpapers-card hotpapers-bluesky\"", StringComparison.Ordinal));
        Assert.Equal(networks, all.Contains("\n- Twitter: ", StringComparison.Ordinal));
        Assert.Equal(networks && !staticEmbeds, all.Contains("<blockquote class=\"bluesky-embed\"", StringComparison.Ordinal));
        Assert.Equal(!staticEmbeds, all.Contains("<blockquote class=\"twitter-tweet\"", StringComparison.Ordinal));
        Assert.Equal(staticEmbeds, all.Contains("hotpapers-card hotpapers-twitter\"", StringComparison.Ordinal));
        Assert.All(imported, r => Assert.Equal(staticEmbeds, r.Post!.Notes.Contains(PostImporter.StaticCardsNote)));

        // Built again with the same settings (flavor, embeds), as docs/import.md says.
        var second = new PostBuilder(settings with { RecordsPath = temp["imported"], OutputDirectory = temp["second"] }).Build(new BuildRequest.All());
        Assert.Equal(first.Posts.Select(p => Path.GetFileName(p.PostPath)).Order(), second.Posts.Select(p => Path.GetFileName(p.PostPath)).Order());
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
        // Import reads the digest's day from the title first: a title naming another day ("Hot Papers 2021-04-30")
        // is that day's digest to it, so the day's own title keeps no other date.
        string Title()
        {
            var title = Pick();
            while (System.Text.RegularExpressions.Regex.IsMatch(title, "[0-9]{4}-[0-9]{2}-[0-9]{2}")) title = Pick();
            return "Hot Papers " + title;
        }
        var post = random.Next(2) == 0 ? records.Post : records.Post with { Title = Title(), Description = Pick() };
        return records with { Papers = papers, Post = post };
    }
}
