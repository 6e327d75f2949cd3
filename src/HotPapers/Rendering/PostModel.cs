using System.Globalization;
using System.Runtime.InteropServices;
using HotPapers.Output;
using HotPapers.Ranking;
using HotPapers.Records;
using Scriban.Runtime;

namespace HotPapers.Rendering;

/// <summary>
/// What a template sees: <c>post</c> (front matter values), <c>digest</c> and <c>papers</c>, as plain
/// <see cref="ScriptObject"/>s and <see cref="ScriptArray"/>s so that no reflection is needed (Native AOT).
/// Names are snake_case, as Scriban's own are.
/// </summary>
internal static class PostModel
{
    /// <param name="warnings">Hears about each stored embed that was not safe to use (paper and tweet named).</param>
    /// <param name="staticCards">Every mention as a static card (<c>embeds: static</c>), Twitter's and Bluesky's too.</param>
    public static ScriptObject Create(Digest digest, FrontMatterSettings front, ICollection<string>? warnings = null, bool staticCards = false)
    {
        var records = digest.Records;
        var overrides = records.Post;
        var dateText = DateText(records);
        var collectedAt = Rfc3339.Format(records.CollectedAt);
        var model = new ScriptObject(4)
        {
            // The digest's own front matter values where it gives them, else the settings' with its date.
            ["post"] = new ScriptObject(11)
            {
                ["title"] = overrides.Title ?? DatePattern.Fill(front.TitlePattern, dateText),
                ["date"] = collectedAt,
                ["template"] = overrides.Template ?? front.Template,
                ["draft"] = overrides.Draft ?? front.Draft,
                ["slug"] = overrides.Slug ?? DatePattern.Fill(front.SlugPattern, dateText),
                ["category"] = overrides.Category ?? front.Category,
                ["tags"] = Array(overrides.Tags ?? front.Tags),
                ["description"] = overrides.Description ?? DatePattern.Fill(front.DescriptionPattern, dateText),
                ["social_image"] = overrides.SocialImage ?? front.SocialImage,
                ["raw_text"] = overrides.RawText ?? false,
                ["layout"] = Layout(overrides.Layout ?? PostLayout.Standard),
            },
            ["digest"] = new ScriptObject(6)
            {
                ["date"] = Rfc3339.FormatDate(records.Date),
                ["end_date"] = Rfc3339.FormatDate(records.EndDate),
                ["is_range"] = records.IsRange,
                ["date_text"] = dateText,
                ["collected_at"] = collectedAt,
                ["paper_count"] = digest.Papers.Length,
            },
        };
        var papers = new ScriptArray(digest.Papers.Length);
        // A digest's papers are nearly always collected when it was: their times are written once.
        var times = new Times(records.CollectedAt, collectedAt, Stamp(records.CollectedAt));
        foreach (var paper in digest.Papers) papers.Add(Paper(paper, times, warnings, staticCards));
        model["papers"] = papers;
        return model;
    }

    /// <summary>
    /// <c>post.layout</c>: the post's own empty-line counts, each null where the template's standard
    /// applies (the template holds its standard counts: <c>post.layout.after_embeds ?? 4</c>).
    /// </summary>
    private static ScriptObject Layout(PostLayout layout) => new(4)
    {
        { "after_front_matter", layout.AfterFrontMatter },
        { "between_sections", layout.BetweenSections },
        { "after_embeds", layout.AfterEmbeds },
        { "end_of_file", layout.EndOfFile },
    };

    /// <summary>A collection time as <c>collected_at</c> and <c>stamp</c> write it.</summary>
    private sealed record Times(DateTimeOffset At, string Rfc3339, string Stamp);

    /// <summary>The old posts' stamp of a paper (<c>paper.stamp</c>): the collection time's own wall clock, US order.</summary>
    private static string Stamp(DateTimeOffset collectedAt) => collectedAt.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A mention's embed HTML or card (<c>mention.embed</c>); <paramref name="warnings"/> hears when a stored one was not safe to use.</summary>
    private static string Embed(MentionRecord tweet, PaperRecord paper, ICollection<string>? warnings, bool staticCards)
    {
        var html = MentionEmbed.Html(tweet, staticCards, out var problem);
        if (problem is not null)
            warnings?.Add(tweet.Network == Network.Twitter
                ? $"paper {paper.Id}, tweet {tweet.Url}: stored embed HTML not used ({problem}); rebuilt from the tweet's fields"
                : $"paper {paper.Id}, {tweet.Network.Name()} post {tweet.Url}: stored embed HTML not used ({problem}); rebuilt from the post's fields");
        // A stored embed without line ends after it is its whole text: the same string, not a copy.
        return MemoryMarshal.TryGetString(html, out var text, out var start, out var length) && start == 0 && length == text.Length
            ? text
            : html.ToString();
    }

    /// <summary><c>2021-04-30</c>, or <c>2021-04-30 - 2021-05-02</c> for a range: the old title's text.</summary>
    public static string DateText(DigestRecords records) => DateText(records.Date, records.EndDate);

    /// <summary>The date text of the digest from <paramref name="date"/> to <paramref name="end"/>.</summary>
    public static string DateText(DateOnly date, DateOnly end) =>
        date == end ? Rfc3339.FormatDate(date) : $"{Rfc3339.FormatDate(date)} - {Rfc3339.FormatDate(end)}";

    private static ScriptObject Paper(RankedPaper ranked, Times digestTimes, ICollection<string>? warnings, bool staticCards)
    {
        var p = ranked.Paper;
        var times = ranked.CollectedAt == digestTimes.At && ranked.CollectedAt.Offset == digestTimes.At.Offset
            ? digestTimes
            : new Times(ranked.CollectedAt, Rfc3339.Format(ranked.CollectedAt), Stamp(ranked.CollectedAt));
        // paper.tweets: the tweets alone, as templates written before other networks expect; paper.mentions: all.
        // Looked at once: the counts line and paper.twitter_only both turn on it, and it walks every mention.
        var twitterOnly = p.TwitterOnly;
        var totalsTexts = new string[ranked.Totals.Length];
        for (var i = 0; i < totalsTexts.Length; i++) totalsTexts[i] = MentionEmbed.TotalsText(ranked.Totals[i]);
        var tweets = new ScriptArray(ranked.Mentions.Length);
        var mentions = new ScriptArray(ranked.Mentions.Length);
        foreach (var t in ranked.Mentions)
        {
            var mention = Tweet(t, p, warnings, staticCards, ranked.Scores);
            mentions.Add(mention);
            if (t.Network == Network.Twitter) tweets.Add(mention);
        }
        return new ScriptObject(19)
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
            { "score", Number(ranked.Score) },
            { "collected_at", times.Rfc3339 },
            { "stamp", times.Stamp },
            { "tweets", tweets },
            { "mentions", mentions },
            { "totals", Totals(ranked, totalsTexts) },
            { "counts", Counts(ranked, twitterOnly, totalsTexts) },
            { "twitter_only", twitterOnly },
        };
    }

    /// <summary>
    /// <c>paper.counts</c>, the counts line's text: the old posts' <c>retweets: 40, favorites: 60</c> for a
    /// paper talked about on Twitter alone, else each network's totals, <c>Twitter: 3 retweets, 5 likes | Bluesky: ...</c>.
    /// Made here once, in C#, rather than by each template through Scriban's interpreter, a loop over the totals per paper.
    /// </summary>
    private static string Counts(RankedPaper ranked, bool twitterOnly, string[] totalsTexts) => twitterOnly
        ? string.Create(CultureInfo.InvariantCulture, $"retweets: {ranked.Retweets}, favorites: {ranked.Favorites}")
        : string.Join(" | ", totalsTexts);

    /// <summary><c>paper.totals</c>: per network with any count, in order, each with its name, title and counts.</summary>
    private static ScriptArray Totals(RankedPaper ranked, string[] texts)
    {
        var totals = new ScriptArray(ranked.Totals.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            var t = ranked.Totals[i];
            var (reposts, likes, _) = MentionEmbed.Words(t.Network);
            // A network without reposts has neither a count nor a word for them (found by a user's trial: Hacker News's
            // totals said 0 "repost", where its mentions' reposts are null).
            var hasReposts = MentionEmbed.HasReposts(t.Network);
            totals.Add(new ScriptObject(7)
            {
                { "text", texts[i] },
                { "network", t.Network.Name() },
                { "title", t.Network.Title() },
                { "reposts", hasReposts ? t.Reposts : null },
                { "likes", t.Likes },
                { "reposts_word", hasReposts ? reposts : null },
                { "likes_word", likes },
            });
        }
        return totals;
    }

    // Sized and added to, not set through the indexer: a dozen keys per tweet, each set through the
    // indexer was a lookup, a second lookup and now and then a resize.
    // The reposts and likes are boxed once each, for both of their names.
    private static ScriptObject Tweet(MentionRecord t, PaperRecord paper, ICollection<string>? warnings, bool staticCards, Func<MentionRecord, decimal> score)
    {
        object? reposts = t.Reposts, likes = t.Likes;
        return new(16)
        {
            { "network", t.Network.Name() },
            { "score", Number(score(t)) },
            { "reposts", reposts },
            { "likes", likes },
            { "replies", t.Replies },
            { "quotes", t.Quotes },
            { "url", t.Url },
            { "author_name", t.AuthorName },
            { "handle", t.Handle },
            { "text", t.Text },
            { "created", t.Created?.ToString() },
            { "lang", t.Lang },
            { "retweets", reposts },
            { "favorites", likes },
            { "embed", Embed(t, paper, warnings, staticCards) },
        };
    }

    /// <summary>A score as a template prints it: a whole number as one (the old posts' <c>150</c>), else as a decimal.</summary>
    internal static object Number(decimal score) =>
        score == decimal.Truncate(score) && score >= long.MinValue && score <= long.MaxValue ? (long)score : score / 1.000000000000000000000000000000000m;

    private static ScriptArray Array(IReadOnlyCollection<string> items)
    {
        var array = new ScriptArray(items.Count);
        foreach (var item in items) array.Add(item);
        return array;
    }
}
