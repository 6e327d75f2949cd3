using System.Collections.Immutable;
using System.Globalization;
using HotPapers.Ranking;
using HotPapers.Records;
using Scriban.Runtime;

namespace HotPapers.Rendering;

/// <summary>
/// What a template sees: <c>post</c> (front matter values), <c>digest</c> and <c>papers</c>, as plain
/// <see cref="ScriptObject"/>s and <see cref="ScriptArray"/>s so that no reflection is needed (Native AOT).
/// Names are snake_case, as Scriban's own are.
/// </summary>
public static class PostModel
{
    /// <param name="warnings">Hears about each stored embed that was not safe to use (paper and tweet named).</param>
    public static ScriptObject Create(Digest digest, FrontMatterSettings front, ICollection<string>? warnings = null)
    {
        var records = digest.Records;
        var values = FrontMatter(records, front);
        var model = new ScriptObject
        {
            ["post"] = new ScriptObject
            {
                ["title"] = values.Title,
                ["date"] = values.Date,
                ["template"] = values.Template,
                ["draft"] = values.Draft,
                ["slug"] = values.Slug,
                ["category"] = values.Category,
                ["tags"] = Array(values.Tags),
                ["description"] = values.Description,
                ["social_image"] = values.SocialImage,
                ["raw_text"] = values.RawText,
            },
            ["digest"] = new ScriptObject
            {
                ["date"] = Rfc3339.FormatDate(records.Date),
                ["end_date"] = Rfc3339.FormatDate(records.EndDate),
                ["is_range"] = records.IsRange,
                ["date_text"] = values.DateText,
                ["collected_at"] = Rfc3339.Format(records.CollectedAt),
                ["paper_count"] = digest.Papers.Length,
            },
        };
        var papers = new ScriptArray(digest.Papers.Length);
        foreach (var paper in digest.Papers) papers.Add(Paper(paper, warnings));
        model["papers"] = papers;
        return model;
    }

    /// <summary>A post's front matter values (<c>post.*</c>): the digest's own where it gives them, else the settings' with its date.</summary>
    internal static PostFront FrontMatter(DigestRecords records, FrontMatterSettings front)
    {
        var overrides = records.Post;
        var dateText = DateText(records);
        return new PostFront(
            Title: overrides.Title ?? front.TitlePattern.Replace("{date}", dateText),
            Date: Rfc3339.Format(records.CollectedAt),
            Template: overrides.Template ?? front.Template,
            Draft: overrides.Draft ?? front.Draft,
            Slug: overrides.Slug ?? front.SlugPattern.Replace("{date}", dateText),
            Category: overrides.Category ?? front.Category,
            Tags: overrides.Tags ?? front.Tags,
            Description: overrides.Description ?? front.DescriptionPattern.Replace("{date}", dateText),
            SocialImage: overrides.SocialImage ?? front.SocialImage,
            RawText: overrides.RawText ?? false,
            DateText: dateText);
    }

    /// <summary>The old posts' stamp of a paper (<c>paper.stamp</c>): the collection time's own wall clock, US order.</summary>
    internal static string Stamp(DateTimeOffset collectedAt) => collectedAt.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A tweet's embed HTML (<c>tweet.embed</c>); <paramref name="warnings"/> hears when a stored one was not safe to use.</summary>
    internal static ReadOnlyMemory<char> Embed(TweetRecord tweet, PaperRecord paper, ICollection<string>? warnings)
    {
        var html = TweetEmbed.Html(tweet, out var problem);
        if (problem is not null)
            warnings?.Add($"paper {paper.Id}, tweet {tweet.Url}: stored embed HTML not used ({problem}); rebuilt from the tweet's fields");
        return html;
    }

    /// <summary><c>2021-04-30</c>, or <c>2021-04-30 - 2021-05-02</c> for a range: the old title's text.</summary>
    public static string DateText(DigestRecords records) =>
        records.IsRange
            ? $"{Rfc3339.FormatDate(records.Date)} - {Rfc3339.FormatDate(records.EndDate)}"
            : Rfc3339.FormatDate(records.Date);

    private static ScriptObject Paper(RankedPaper ranked, ICollection<string>? warnings)
    {
        var p = ranked.Paper;
        var tweets = new ScriptArray(ranked.Tweets.Length);
        foreach (var t in ranked.Tweets) tweets.Add(Tweet(t, p, warnings));
        return new ScriptObject(14)
        {
            { "rank", ranked.Rank },
            { "id", p.Id.Value },
            { "title", p.Title },
            { "authors", Array(p.Authors) },
            { "abstract", p.Abstract },
            { "categories", Array(p.Categories) },
            { "abs_url", p.AbsUrl },
            { "pdf_url", p.PdfUrl },
            { "retweets", ranked.Retweets },
            { "favorites", ranked.Favorites },
            { "score", ranked.Score },
            { "collected_at", Rfc3339.Format(ranked.CollectedAt) },
            { "stamp", Stamp(ranked.CollectedAt) },
            { "tweets", tweets },
        };
    }

    // Sized and added to, not set through the indexer: a dozen keys per tweet, each set through the
    // indexer was a lookup, a second lookup and now and then a resize.
    private static ScriptObject Tweet(TweetRecord t, PaperRecord paper, ICollection<string>? warnings) => new(9)
    {
        { "url", t.Url },
        { "author_name", t.AuthorName },
        { "handle", t.Handle },
        { "text", t.Text },
        { "created", t.Created?.ToString() },
        { "lang", t.Lang },
        { "retweets", t.Retweets },
        { "favorites", t.Favorites },
        { "embed", Embed(t, paper, warnings).ToString() },
    };

    private static ScriptArray Array(IReadOnlyCollection<string> items)
    {
        var array = new ScriptArray(items.Count);
        foreach (var item in items) array.Add(item);
        return array;
    }
}

/// <summary>The front matter values of a post, as <see cref="PostModel"/> gives them to templates (<c>post.*</c>).</summary>
/// <param name="DateText">The digest's date as titles write it (<see cref="PostModel.DateText"/>).</param>
internal sealed record PostFront(
    string Title, string Date, string Template, bool Draft, string Slug, string Category,
    ImmutableArray<string> Tags, string Description, string SocialImage, bool RawText, string DateText);
