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
        var overrides = records.Post;
        var dateText = DateText(records);
        var model = new ScriptObject
        {
            ["post"] = new ScriptObject
            {
                ["title"] = overrides.Title ?? front.TitlePattern.Replace("{date}", dateText),
                ["date"] = Rfc3339.Format(records.CollectedAt),
                ["template"] = overrides.Template ?? front.Template,
                ["draft"] = overrides.Draft ?? front.Draft,
                ["slug"] = overrides.Slug ?? front.SlugPattern.Replace("{date}", dateText),
                ["category"] = overrides.Category ?? front.Category,
                ["tags"] = Array(overrides.Tags ?? front.Tags),
                ["description"] = overrides.Description ?? front.DescriptionPattern.Replace("{date}", dateText),
                ["social_image"] = overrides.SocialImage ?? front.SocialImage,
                ["raw_text"] = overrides.RawText ?? false,
            },
            ["digest"] = new ScriptObject
            {
                ["date"] = Rfc3339.FormatDate(records.Date),
                ["end_date"] = Rfc3339.FormatDate(records.EndDate),
                ["is_range"] = records.IsRange,
                ["date_text"] = dateText,
                ["collected_at"] = Rfc3339.Format(records.CollectedAt),
                ["paper_count"] = digest.Papers.Length,
            },
        };
        var papers = new ScriptArray(digest.Papers.Length);
        foreach (var paper in digest.Papers) papers.Add(Paper(paper, warnings));
        model["papers"] = papers;
        return model;
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
            // The old posts' stamp: the collection time's own wall clock, US order.
            { "stamp", ranked.CollectedAt.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture) },
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
        {
            "embed", TweetEmbed.For(t, problem => warnings?.Add(
                $"paper {paper.Id}, tweet {t.Url}: stored embed HTML not used ({problem}); rebuilt from the tweet's fields"))
        },
    };

    private static ScriptArray Array(IReadOnlyCollection<string> items)
    {
        var array = new ScriptArray(items.Count);
        foreach (var item in items) array.Add(item);
        return array;
    }
}
