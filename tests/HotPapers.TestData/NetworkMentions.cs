using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HotPapers.Records;

namespace HotPapers.TestData;

/// <summary>
/// Adds mentions of the networks beside Twitter (Bluesky, Mastodon, Hacker News, Hugging Face, Reddit)
/// to a generated digest, each with the counts its network has, now and then text that HTML and Markdown
/// would read (<c>&lt;</c>, <c>&amp;</c>, quotes, line breaks, links), a Bluesky post with its oEmbed
/// answer or without, a handle equal to the name, no day or no language. A separate step rather than
/// part of <see cref="DayGenerator"/>, so that the catalog the benchmarks use keeps its bytes.
/// </summary>
internal static class NetworkMentions
{
    private static readonly Network[] Others = [Network.Bluesky, Network.Mastodon, Network.HackerNews, Network.HuggingFace, Network.Reddit];

    private static readonly string[] Awkward = ["a < b && c > d", "\"quoted\" & 'single'", "line one\nline two", "see https://example.org/x?a=1&b=2 now",
        "&middot; not a separator", "ends in (@paren)", "{{< shortcode >}} {{% x %}}", "**bold** _it_ `code`", "Hervé Jégou 👍"];

    /// <summary>About two papers in three get one to three mentions of other networks; one in ten loses its tweets.</summary>
    public static DigestRecords AddTo(DigestRecords records, Random rng)
    {
        var papers = records.Papers.Select(p =>
        {
            if (rng.Next(3) == 0) return p;
            var mentions = ImmutableArray.CreateBuilder<MentionRecord>();
            if (rng.Next(10) > 0) mentions.AddRange(p.Mentions);
            for (var n = rng.Next(1, 4); n > 0; n--) mentions.Add(Mention(rng, Others[rng.Next(Others.Length)], records.Date, mentions.Count));
            return p with { Mentions = mentions.ToImmutable() };
        });
        return records with { Papers = [.. papers] };
    }

    private static MentionRecord Mention(Random rng, Network network, DateOnly day, int index)
    {
        var first = Vocabulary.FirstNames[rng.Next(Vocabulary.FirstNames.Length)];
        var last = Vocabulary.LastNames[rng.Next(Vocabulary.LastNames.Length)];
        var user = (first[..1] + last.Ascii).ToLowerInvariant() + index.ToString(CultureInfo.InvariantCulture);
        var name = rng.Next(8) == 0 ? user : $"{first} {last.Display}";
        var text = Text(rng);
        var created = rng.Next(8) == 0 ? (TweetTime?)null
            : TweetTime.FromInstant(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue).AddSeconds(rng.Next(86400)), TimeSpan.Zero));
        var lang = rng.Next(6) == 0 ? null : "en";
        long Count(int max) => rng.Next(max);
        var id = rng.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        return network switch
        {
            Network.Bluesky => Bluesky(rng, user, name, text, created, lang, id) with { Reposts = Count(50), Likes = Count(400), Replies = Count(20), Quotes = rng.Next(2) == 0 ? Count(5) : null },
            Network.Mastodon => new MentionRecord($"https://mastodon.social/@{user}/{id}", name, $"{user}@mastodon.social", text, created, lang,
                Count(30), Count(200), null, null, network, Count(10)),
            Network.HackerNews => new MentionRecord($"https://news.ycombinator.com/item?id={id}", user, user, text, created, null,
                null, Count(900), null, null, network, Count(300)),
            Network.HuggingFace => new MentionRecord("https://huggingface.co/papers/" + day.ToString("yyMM", CultureInfo.InvariantCulture) + "." + id[..5], name, user, text, created, null,
                null, Count(120), null, null, network, Count(12)),
            _ => new MentionRecord($"https://www.reddit.com/r/MachineLearning/comments/{id}/", user, user, text, created, lang,
                null, Count(2000), null, null, network, Count(400)),
        };
    }

    /// <summary>A Bluesky post, half of them with an oEmbed answer of the documented shape (the handle in its own link).</summary>
    private static MentionRecord Bluesky(Random rng, string user, string name, string text, TweetTime? created, string? lang, string id)
    {
        var handle = user + ".bsky.social";
        var did = "did:plc:" + user.PadRight(24, 'a')[..24];
        var rkey = "3k" + id;
        var url = $"https://bsky.app/profile/{did}/post/{rkey}";
        string? embed = null;
        if (rng.Next(2) == 0)
        {
            var html = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
                .Replace("\n", "<br>", StringComparison.Ordinal);
            var when = created is { } c ? c.Day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture) + " at 3:04 PM" : "2021-04-30T15:00:00.000Z";
            embed = $"<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"at://{did}/app.bsky.feed.post/{rkey}\" data-bluesky-cid=\"bafyrei{id}\"><p lang=\"{lang ?? "en"}\">{html}</p>&mdash; {name.Replace("&", "&amp;", StringComparison.Ordinal)} (<a href=\"https://bsky.app/profile/{did}?ref_src=embed\">@{handle}</a>) <a href=\"{url}?ref_src=embed\">{when}</a></blockquote><script async src=\"https://embed.bsky.app/static/embed.js\" charset=\"utf-8\"></script>";
        }
        return new MentionRecord(url, name, handle, text, created, lang, null, null, embed, null, Network.Bluesky);
    }

    private static string Text(Random rng)
    {
        var sb = new StringBuilder();
        for (var w = rng.Next(4, 16); w > 0; w--) sb.Append(sb.Length > 0 ? " " : "").Append(Vocabulary.TweetWords[rng.Next(Vocabulary.TweetWords.Length)]);
        if (rng.Next(3) == 0) sb.Append(' ').Append(Awkward[rng.Next(Awkward.Length)]);
        return sb.ToString();
    }
}
