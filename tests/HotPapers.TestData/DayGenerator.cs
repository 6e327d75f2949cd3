using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HotPapers.Records;

namespace HotPapers.TestData;

/// <summary>
/// Makes one day's digest of a synthetic back-catalog: 15 to 25 papers with arXiv-like ids, titles with
/// some math and non-ASCII, 3 to 8 authors, abstracts of about 1.2 KB, 1 to 4 categories and 1 to 10
/// tweets each, with oEmbed HTML and skewed counts. Everything is drawn from the one <see cref="Random"/>
/// it is given, in a fixed order, so that the same seed gives the same digest.
/// </summary>
internal static class DayGenerator
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    // Twitter's snowflake epoch: status ids grow with time, as real ones do.
    private const long SnowflakeEpochMs = 1288834974657;

    /// <summary>A seed for day <paramref name="dayIndex"/> that depends only on the catalog seed and the index (SplitMix64).</summary>
    public static int DaySeed(int seed, int dayIndex)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)dayIndex) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((int)(z ^ (z >> 31)));
    }

    public static DigestRecords Generate(Random rng, DateOnly day)
    {
        var count = rng.Next(15, 26);
        var numbers = new HashSet<int>();
        var papers = ImmutableArray.CreateBuilder<PaperRecord>(count);
        for (var i = 0; i < count; i++) papers.Add(Paper(rng, day, numbers));
        var collected = new DateTimeOffset(day.AddDays(1).ToDateTime(new TimeOnly(9, 0)).AddSeconds(rng.Next(11 * 3600)), Japan);
        return new DigestRecords(day, day, collected, false, papers.MoveToImmutable(), PostOverrides.None, RecordsFormat.Records);
    }

    private static PaperRecord Paper(Random rng, DateOnly day, HashSet<int> numbers)
    {
        var digits = day.Year >= 2015 ? 5 : 4;
        int number;
        do number = rng.Next(digits == 5 ? 10000 : 1000, digits == 5 ? 99999 : 9999);
        while (!numbers.Add(number));
        var version = rng.Next(20) switch { < 13 => "", < 19 => "v1", _ => "v" + rng.Next(2, 4) };
        var id = string.Create(CultureInfo.InvariantCulture, $"{day.Year % 100:00}{day.Month:00}.{number.ToString("D" + digits, CultureInfo.InvariantCulture)}{version}");

        var authors = ImmutableArray.CreateBuilder<string>();
        for (var a = rng.Next(3, 9); a > 0; a--) authors.Add($"{Pick(rng, Vocabulary.FirstNames)} {Pick(rng, Vocabulary.LastNames).Display}");

        var categories = new List<string>();
        if (rng.Next(3) > 0) categories.Add("cs.LG");
        for (var c = rng.Next(1, 5); categories.Count < c;)
        {
            var code = Pick(rng, Vocabulary.Categories).Code;
            if (!categories.Contains(code)) categories.Add(code);
        }

        var pdf = rng.Next(25) == 0 ? null : $"https://arxiv.org/pdf/{id}";
        var tweetCount = 1 + (int)(9 * Math.Pow(rng.NextDouble(), 1.7));
        var tweets = ImmutableArray.CreateBuilder<MentionRecord>(tweetCount);
        var statuses = new HashSet<long>();
        for (var t = 0; t < tweetCount; t++) tweets.Add(Tweet(rng, day, tweets, statuses));

        return new PaperRecord(new ArxivId(id), Title(rng), authors.ToImmutable(), Abstract(rng), [.. categories],
            $"https://arxiv.org/abs/{id}", pdf, null, [], tweets.MoveToImmutable());
    }

    private static string Title(Random rng)
    {
        var sb = new StringBuilder();
        if (rng.Next(6) == 0) sb.Append(Pick(rng, Vocabulary.MathSnippets)).Append(' ');
        sb.Append(Pick(rng, Vocabulary.TitleHeads)).Append(' ').Append(Pick(rng, Vocabulary.TitleNouns));
        if (rng.Next(2) == 0) sb.Append(' ').Append(Pick(rng, Vocabulary.TitleTails));
        if (rng.Next(4) == 0) sb.Append(": ").Append(Pick(rng, Vocabulary.TitleHeads)).Append(' ').Append(Pick(rng, Vocabulary.TitleNouns));
        return sb.ToString();
    }

    private static string Abstract(Random rng)
    {
        var target = rng.Next(1000, 1400);
        // LaTeX in about one abstract in four, a few snippets each: the shipped real day has it in 3 of 15.
        var hasMath = rng.Next(4) == 0;
        var sb = new StringBuilder(target + 200);
        while (sb.Length < target)
        {
            if (sb.Length > 0) sb.Append(' ');
            var words = rng.Next(12, 26);
            for (var w = 0; w < words; w++)
            {
                if (w > 0) sb.Append(' ');
                var word = hasMath && rng.Next(40) == 0 ? Pick(rng, Vocabulary.MathSnippets) : Pick(rng, Vocabulary.AbstractWords);
                if (w == 0) sb.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
                else sb.Append(word);
                if (w < words - 1 && rng.Next(12) == 0) sb.Append(',');
            }
            sb.Append('.');
        }
        return sb.ToString();
    }

    private static MentionRecord Tweet(Random rng, DateOnly day, IList<MentionRecord> earlier, HashSet<long> statuses)
    {
        var first = Pick(rng, Vocabulary.FirstNames);
        var last = Pick(rng, Vocabulary.LastNames);
        var handle = Handle(rng, first, last.Ascii);
        var name = $"{first} {last.Display}" + (rng.Next(20) == 0 ? " " + Pick(rng, Vocabulary.Emoji) : "");
        var at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue).AddSeconds(rng.Next(86400)), TimeSpan.Zero);
        long status;
        do status = ((at.ToUnixTimeMilliseconds() - SnowflakeEpochMs) << 22) | (long)rng.Next(1 << 22);
        while (!statuses.Add(status));
        var url = $"https://twitter.com/{handle}/status/{status.ToString(CultureInfo.InvariantCulture)}";

        var favorites = (long)Math.Floor(Math.Exp(Math.Pow(rng.NextDouble(), 2) * 8.5)) - 1;
        var retweets = (long)Math.Floor(favorites * rng.NextDouble() * 0.35);

        // A retweet repeats the original's text and has no embed of its own, as the scraper stored it.
        if (earlier.Count > 0 && rng.Next(16) == 0)
        {
            var original = earlier[rng.Next(earlier.Count)];
            return new MentionRecord(url, name, handle, original.Text, TweetTime.FromInstant(at), original.Lang,
                retweets / 4, favorites / 4, null, original.StatusId);
        }

        var japanese = rng.Next(8) == 0;
        var lang = japanese ? "ja" : "en";
        var parts = japanese ? JapaneseParts(rng) : EnglishParts(rng);
        parts.Add(new(TweetPartKind.Text, " "));
        parts.Add(new(TweetPartKind.Link, ShortCode(rng)));
        if (rng.Next(4) == 0)
        {
            parts.Add(new(TweetPartKind.Text, " "));
            parts.Add(new(TweetPartKind.Picture, ShortCode(rng)));
        }
        var embed = rng.Next(10) == 0 ? null : TweetBody.EmbedHtml(parts, lang, name, handle, url, day);
        return new MentionRecord(url, name, handle, TweetBody.Text(parts), TweetTime.FromInstant(at), lang, retweets, favorites, embed, null);
    }

    private static List<TweetPart> EnglishParts(Random rng)
    {
        var parts = new List<TweetPart>();
        var sb = new StringBuilder();
        for (var w = rng.Next(6, 26); w > 0; w--)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(Pick(rng, Vocabulary.TweetWords));
        }
        if (rng.Next(20) == 0) sb.Append(" (Q&A inside)");
        sb.Append(rng.Next(3) == 0 ? "!" : ".");
        if (rng.Next(6) == 0) sb.Append(' ').Append(Pick(rng, Vocabulary.Emoji));
        parts.Add(new(TweetPartKind.Text, char.ToUpperInvariant(sb[0]) + sb.ToString(1, sb.Length - 1)));
        if (rng.Next(4) == 0)
        {
            parts.Add(new(TweetPartKind.Break, ""));
            parts.Add(new(TweetPartKind.Text, "With "));
            parts.Add(new(TweetPartKind.Mention, Handle(rng, Pick(rng, Vocabulary.FirstNames), Pick(rng, Vocabulary.LastNames).Ascii)));
            parts.Add(new(TweetPartKind.Text, " and "));
            parts.Add(new(TweetPartKind.Mention, Handle(rng, Pick(rng, Vocabulary.FirstNames), Pick(rng, Vocabulary.LastNames).Ascii)));
            parts.Add(new(TweetPartKind.Text, ". 1/" + rng.Next(3, 12).ToString(CultureInfo.InvariantCulture)));
        }
        return parts;
    }

    private static List<TweetPart> JapaneseParts(Random rng)
    {
        var sb = new StringBuilder();
        for (var n = rng.Next(1, 4); n > 0; n--) sb.Append(Pick(rng, Vocabulary.JapaneseTweets));
        return [new(TweetPartKind.Text, sb.ToString())];
    }

    /// <summary>A Twitter screen name: ASCII letters, digits and underscores, at most 15.</summary>
    private static string Handle(Random rng, string first, string last)
    {
        var initial = char.ToLowerInvariant(first[0]);
        if (initial > 'z' || initial < 'a') initial = 'x';
        var handle = rng.Next(4) switch
        {
            0 => $"{initial}{last}",
            1 => $"{last}_{initial}",
            2 => $"{last}{rng.Next(10, 100).ToString(CultureInfo.InvariantCulture)}",
            _ => $"{char.ToUpperInvariant(initial)}{last}ML",
        };
        return handle.Length > 15 ? handle[..15] : handle;
    }

    private const string ShortCodeChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static string ShortCode(Random rng) => string.Create(10, rng, static (span, r) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = ShortCodeChars[r.Next(ShortCodeChars.Length)];
    });

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];
}
