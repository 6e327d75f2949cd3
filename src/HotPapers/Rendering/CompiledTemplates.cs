using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using HotPapers.Ranking;

namespace HotPapers.Rendering;

/// <summary>Writes a digest's post as a template would, into <paramref name="post"/>.</summary>
/// <param name="warnings">Hears about each stored embed that was not safe to use, as with the template.</param>
internal delegate void CompiledTemplate(Digest digest, PostFront front, PostFunctions functions, PostBytes post, ICollection<string>? warnings);

/// <summary>
/// The built-in post templates written out in C#, each kept for the exact text it was written from:
/// a template whose text is one of these (the built-in one, or a user's unchanged copy) renders without
/// Scriban's interpreter and the model objects it reads, which were two thirds of rendering and a third
/// of a rebuild. Any other text, including an edit of the built-in file, goes through Scriban. Tests
/// render generated digests both ways and compare the bytes, and fail when a built-in template's text
/// changes without its code here.
/// </summary>
internal static class CompiledTemplates
{
    private static readonly ImmutableDictionary<string, CompiledTemplate> ByTextHash = new Dictionary<string, CompiledTemplate>
    {
        // templates/post.md.sbn
        ["79d1a9d5b07ace476245d631e0073a822501cc7ba2a28f0e45eb7148503193a4"] = GatsbyPost,
        // templates/post.hugo.md.sbn
        ["f8f49f9a1f4ca368d15acd82b99057a393c618ba163cb357d08745857bd2d3f3"] = HugoPost,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The template in code whose text is <paramref name="templateText"/>, or null.</summary>
    public static CompiledTemplate? For(string templateText) =>
        ByTextHash.GetValueOrDefault(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(templateText))));

    // templates/post.md.sbn: the old blog's posts.
    private static void GatsbyPost(Digest digest, PostFront front, PostFunctions f, PostBytes post, ICollection<string>? warnings)
    {
        post.Write("---\n"u8);
        Line(post, "title: "u8, f.Yaml(front.Title));
        Line(post, "date: "u8, front.Date);
        Line(post, "template: "u8, f.YamlQuoted(front.Template));
        Line(post, "draft: "u8, Bool(front.Draft));
        Line(post, "slug: "u8, f.YamlQuoted(front.Slug));
        Line(post, "category: "u8, f.YamlQuoted(front.Category));
        post.Write("tags:\n"u8);
        foreach (var tag in front.Tags) ListItem(post, f, tag);
        Line(post, "description: "u8, f.YamlQuoted(front.Description));
        Line(post, "socialImage: "u8, f.YamlQuoted(front.SocialImage));
        post.Write("\n---\n"u8);
        foreach (var paper in digest.Papers)
        {
            Paper(post, f, paper);
            foreach (var tweet in paper.Tweets)
            {
                post.Write(PostModel.Embed(tweet, paper.Paper, warnings).Span);
                post.Write("\n\n"u8);
            }
            post.Write("\n\n"u8);
        }
    }

    // templates/post.hugo.md.sbn: Hugo's front matter keys, tweets through the shortcode.
    private static void HugoPost(Digest digest, PostFront front, PostFunctions f, PostBytes post, ICollection<string>? warnings)
    {
        post.Write("---\n"u8);
        Line(post, "title: "u8, f.Yaml(front.Title));
        Line(post, "date: "u8, front.Date);
        Line(post, "draft: "u8, Bool(front.Draft));
        Line(post, "slug: "u8, f.YamlQuoted(front.Slug));
        Line(post, "description: "u8, f.YamlQuoted(front.Description));
        if (front.Category != "")
        {
            post.Write("categories:\n"u8);
            ListItem(post, f, front.Category);
        }
        if (front.Tags.Length > 0)
        {
            post.Write("tags:\n"u8);
            foreach (var tag in front.Tags) ListItem(post, f, tag);
        }
        if (front.SocialImage != "")
        {
            post.Write("images:\n"u8);
            ListItem(post, f, front.SocialImage);
        }
        post.Write("---\n"u8);
        foreach (var paper in digest.Papers)
        {
            Paper(post, f, paper);
            foreach (var tweet in paper.Tweets)
            {
                post.Write(f.HugoTweet(PostModel.Embed(tweet, paper.Paper, warnings).ToString()));
                post.Write("\n\n"u8);
            }
        }
    }

    private static void Line(PostBytes post, ReadOnlySpan<byte> key, string value)
    {
        post.Write(key);
        post.Write(value);
        post.Write("\n"u8);
    }

    private static void ListItem(PostBytes post, PostFunctions f, string item) => Line(post, "  - "u8, f.YamlQuoted(item));

    // As Scriban writes a boolean.
    private static string Bool(bool value) => value ? "true" : "false";

    // What both templates write of a paper before its tweets.
    private static void Paper(PostBytes post, PostFunctions f, RankedPaper ranked)
    {
        var paper = ranked.Paper;
        post.Write("\n# "u8);
        post.Write(ranked.Rank);
        post.Write(". "u8);
        post.Write(f.MdHeading(paper.Title));
        post.Write("\n\n"u8);
        post.Write(f.Md(string.Join(", ", paper.Authors)));
        post.Write("\n\n- retweets: "u8);
        post.Write(ranked.Retweets);
        post.Write(", favorites: "u8);
        post.Write(ranked.Favorites);
        post.Write(" ("u8);
        post.Write(PostModel.Stamp(ranked.CollectedAt));
        post.Write(")\n\n- links: [abs]("u8);
        post.Write(f.MdUrl(paper.AbsUrl));
        post.Write(")"u8);
        if (paper.PdfUrl is { } pdf)
        {
            post.Write(" | [pdf]("u8);
            post.Write(f.MdUrl(pdf));
            post.Write(")"u8);
        }
        post.Write("\n- "u8);
        for (var i = 0; i < paper.Categories.Length; i++)
        {
            if (i > 0) post.Write(" | "u8);
            post.Write("["u8);
            post.Write(f.MdLinkText(paper.Categories[i]));
            post.Write("](https://arxiv.org/list/"u8);
            post.Write(f.MdUrl(paper.Categories[i]));
            post.Write("/recent)"u8);
        }
        post.Write("\n\n"u8);
        post.Write(f.Md(paper.Abstract));
        post.Write("\n\n"u8);
    }
}
