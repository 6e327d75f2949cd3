using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HotPapers.Records;

namespace HotPapers.TestData;

/// <summary>
/// Writes a digest in the old crawler's shape (<c>papers_with_tweets.json</c>): arXiv listing fields
/// plus the twint scraper's tweet fields, keys in the order of the old files, with the extra fields
/// hotpapers ignores but must read past. The decorations that are not in a <see cref="DigestRecords"/>
/// (reply counts, counts written as strings, comments) are drawn from <paramref name="rng"/>.
/// <c>lean</c> files are the same files without the fields the old Python generator does not read:
/// the same draws are made, so a lean day is its legacy day with those fields deleted.
/// </summary>
internal static class LegacyCrawlerWriter
{
    // The old files hold markup as it is (<blockquote ...>), not \u003C escapes.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(DigestRecords records, Random rng, bool lean = false)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * 1024);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteStartObject("meta");
            w.WriteString("since", records.Date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
            w.WriteString("until", records.EndDate.AddDays(1).ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteStartArray("papers");
            foreach (var paper in records.Papers) WritePaper(w, paper, records.Date, rng, lean);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WritePaper(Utf8JsonWriter w, PaperRecord p, DateOnly day, Random rng, bool lean)
    {
        w.WriteStartObject();
        if (!lean)
        {
            w.WriteString("id", p.Id.Value);
            w.WriteString("date", day.ToString("ddd, d MMM yyyy", CultureInfo.InvariantCulture));
        }
        w.WriteString("title", p.Title);
        w.WriteStartArray("authors");
        foreach (var a in p.Authors) w.WriteStringValue(a);
        w.WriteEndArray();
        w.WriteStartObject("links");
        w.WriteString("Abstract", p.AbsUrl);
        if (p.PdfUrl is { } pdf) w.WriteString("Download PDF", pdf);
        w.WriteString("Other formats", $"https://arxiv.org/format/{p.Id.Value}");
        w.WriteEndObject();
        w.WriteStartArray("subjects");
        foreach (var c in p.Categories) w.WriteStringValue(Subject(c));
        w.WriteEndArray();
        string? comment = rng.Next(3) == 0 ? Vocabulary.Comments[rng.Next(Vocabulary.Comments.Length)] : null;
        if (!lean) w.WriteString("comments", comment);
        w.WriteString("summary", HardWrap(p.Abstract));
        if (!lean)
        {
            w.WriteStartObject("detail");
            w.WriteStartObject("arxiv_primary_category");
            w.WriteString("term", Subject(p.Categories[0]));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteStartArray("tweets");
        foreach (var t in p.Mentions) WriteTweet(w, t, p, rng, lean);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTweet(Utf8JsonWriter w, MentionRecord t, PaperRecord paper, Random rng, bool lean)
    {
        var status = long.Parse(t.StatusId, CultureInfo.InvariantCulture);
        var at = t.Created!.Value.Instant!.Value.UtcDateTime;
        var asStrings = rng.Next(10) == 0;
        w.WriteStartObject();
        if (!lean)
        {
            w.WriteNumber("id", status);
            w.WriteString("id_str", t.StatusId);
            w.WriteString("conversation_id", t.StatusId);
        }
        w.WriteString("datestamp", at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("timestamp", at.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        if (!lean)
        {
            w.WriteString("timezone", "+0000");
            w.WriteNumber("user_id", UserId(t.Handle));
        }
        w.WriteString("username", t.Handle);
        w.WriteString("name", t.AuthorName);
        w.WriteString("tweet", t.Text);
        w.WriteString("lang", t.Lang ?? "en");
        var replies = rng.Next(0, 1 + (int)Math.Min(t.Likes ?? 0, 1000) / 10);
        if (!lean) w.WriteNumber("replies_count", replies);
        Count(w, "retweets_count", t.Reposts ?? 0, asStrings);
        Count(w, "likes_count", t.Likes ?? 0, asStrings);
        if (!lean)
        {
            w.WriteStartArray("hashtags");
            w.WriteEndArray();
            w.WriteStartArray("urls");
            if (t.Text.Contains("https://t.co/", StringComparison.Ordinal)) w.WriteStringValue(paper.AbsUrl);
            w.WriteEndArray();
            w.WriteStartArray("photos");
            if (t.Text.Contains("pic.twitter.com/", StringComparison.Ordinal))
                w.WriteStringValue($"https://pbs.twimg.com/media/{t.StatusId[^10..]}.jpg");
            w.WriteEndArray();
            w.WriteNumber("video", 0);
            w.WriteBoolean("retweet", t.RepostOf is not null);
            w.WriteString("quote_url", "");
        }
        w.WriteString("link", t.Url);
        // The crawler stored oEmbed's answer as it came, with its final line feed.
        if (t.EmbedHtml is { } html) w.WriteString("html", html + "\n");
        // The old generator never read retweet_id: a lean day's retweets are plain tweets.
        if (!lean && t.RepostOf is { } original) w.WriteString("retweet_id", original);
        w.WriteEndObject();
    }

    private static void Count(Utf8JsonWriter w, string name, long value, bool asString)
    {
        if (asString) w.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
        else w.WriteNumber(name, value);
    }

    /// <summary><c>cs.LG</c> gives <c>Machine Learning (cs.LG)</c>, as the arXiv listing names subjects.</summary>
    private static string Subject(string code)
    {
        foreach (var (c, name) in Vocabulary.Categories)
        {
            if (c == code) return $"{name} ({code})";
        }
        return code;
    }

    /// <summary>
    /// arXiv abstracts come with hard line breaks at about 80 columns; each replaces one space, so the
    /// reader's join (one space per break) gives the abstract back.
    /// </summary>
    private static string HardWrap(string text)
    {
        var sb = new StringBuilder(text);
        var column = 0;
        for (var i = 0; i < sb.Length; i++)
        {
            column++;
            if (sb[i] == ' ' && column > 76)
            {
                sb[i] = '\n';
                column = 0;
            }
        }
        return sb.ToString();
    }

    // A stable number per handle (FNV-1a), so a user keeps one id across days.
    private static long UserId(string handle)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in handle) h = unchecked((h ^ ch) * 1099511628211UL);
        return (long)(h % 1_500_000_000_000_000_000UL) + 10_000_000;
    }
}
