using System.Buffers;
using System.Text;
using System.Text.Json;

namespace HotPapers.Records;

/// <summary>
/// Writes records in the format <see cref="RecordsReader"/> reads: "hotpapers-records/1" where every
/// mention is a tweet that version 1 can hold (so records of Twitter alone stay as they were), else
/// "hotpapers-records/2". 2-space
/// indent, LF, keys in the documented order, unknown values left out, non-ASCII text as itself (a
/// Japanese tweet stays readable in a diff), and a final line feed. What it writes loads back to the same data.
/// </summary>
internal static class RecordsWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentCharacter = ' ',
        IndentSize = 2,
        NewLine = "\n",
    };

    /// <param name="version2">Write "hotpapers-records/2" whatever the mentions are (collect's files, which any network may fill).</param>
    public static byte[] Write(DigestRecords records, bool version2 = false)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            var v2 = version2 || NeedsVersion2(records);
            String(w, "format", v2 ? RecordsReader.FormatName2 : RecordsReader.FormatName);
            String(w, "date", Rfc3339.FormatDate(records.Date));
            if (records.IsRange) String(w, "endDate", Rfc3339.FormatDate(records.EndDate));
            String(w, "collectedAt", Rfc3339.Format(records.CollectedAt));
            // Beside the time it qualifies: which networks' counts are not of that time. Only where there are any.
            if (records.Unanswered.Length > 0)
            {
                w.WriteStartArray("unanswered");
                foreach (var network in records.Unanswered) w.WriteStringValue(network.Name());
                w.WriteEndArray();
            }
            w.WriteBoolean("ranked", records.Ranked);
            if (!records.Post.IsEmpty) WritePost(w, records.Post);
            w.WriteStartArray("papers");
            foreach (var paper in records.Papers) WritePaper(w, paper, v2);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WritePost(Utf8JsonWriter w, PostOverrides post)
    {
        w.WriteStartObject("post");
        if (post.Title is { } title) String(w, "title", title);
        if (post.Template is { } template) String(w, "template", template);
        if (post.Draft is { } draft) w.WriteBoolean("draft", draft);
        if (post.Slug is { } slug) String(w, "slug", slug);
        if (post.Category is { } category) String(w, "category", category);
        if (post.Tags is { } tags) Strings(w, "tags", tags);
        if (post.Description is { } description) String(w, "description", description);
        if (post.SocialImage is { } image) String(w, "socialImage", image);
        if (post.RawText is { } raw) w.WriteBoolean("rawText", raw);
        // Only a layout that differs: an ordinary post's records say nothing of it.
        if (post.Layout is { IsStandard: false } layout)
        {
            w.WriteStartObject("layout");
            if (layout.AfterFrontMatter is { } front) w.WriteNumber("afterFrontMatter", front);
            if (layout.BetweenSections is { } sections) w.WriteNumber("betweenSections", sections);
            if (layout.AfterEmbeds is { } embeds) w.WriteNumber("afterEmbeds", embeds);
            if (layout.EndOfFile is { } end) w.WriteNumber("endOfFile", end);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static bool NeedsVersion2(DigestRecords records)
    {
        if (records.Unanswered.Length > 0) return true;
        foreach (var paper in records.Papers)
        {
            if (!paper.TwitterOnly) return true;
            foreach (var m in paper.Mentions)
            {
                if (m.Replies is not null || m.Quotes is not null) return true;
            }
        }
        return false;
    }

    private static void WritePaper(Utf8JsonWriter w, PaperRecord p, bool v2)
    {
        w.WriteStartObject();
        String(w, "id", p.Id.Value);
        String(w, "title", p.Title);
        Strings(w, "authors", p.Authors);
        String(w, "abstract", p.Abstract);
        Strings(w, "categories", p.Categories);
        w.WriteStartObject("links");
        String(w, "abs", p.AbsUrl);
        if (p.PdfUrl is { } pdf) String(w, "pdf", pdf);
        w.WriteEndObject();
        if (p.CollectedAt is { } collected) String(w, "collectedAt", Rfc3339.Format(collected));
        if (!p.Totals.IsDefaultOrEmpty)
        {
            w.WriteStartObject("totals");
            foreach (var totals in p.Totals)
            {
                if (v2) w.WriteStartObject(totals.Network.Name());
                w.WriteNumber(v2 ? "reposts" : "retweets", totals.Reposts);
                w.WriteNumber(v2 ? "likes" : "favorites", totals.Likes);
                if (v2) w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteStartArray(v2 ? "mentions" : "tweets");
        foreach (var t in p.Mentions) WriteMention(w, t, v2);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // Version 1's tweet and version 2's mention: the same values, some under other names.
    private static void WriteMention(Utf8JsonWriter w, MentionRecord t, bool v2)
    {
        w.WriteStartObject();
        if (v2) String(w, "network", t.Network.Name());
        String(w, "url", t.Url);
        w.WriteStartObject("author");
        String(w, "name", t.AuthorName);
        String(w, "handle", t.Handle);
        w.WriteEndObject();
        String(w, "text", t.Text);
        if (t.Created is { } created) String(w, "created", created.ToString());
        if (t.Lang is { } lang) String(w, "lang", lang);
        if (t.Reposts is { } reposts) w.WriteNumber(v2 ? "reposts" : "retweets", reposts);
        if (t.Likes is { } likes) w.WriteNumber(v2 ? "likes" : "favorites", likes);
        if (t.Replies is { } replies) w.WriteNumber("replies", replies);
        if (t.Quotes is { } quotes) w.WriteNumber("quotes", quotes);
        if (t.EmbedHtml is { } embed) String(w, "embedHtml", embed);
        if (t.RepostOf is { } original) String(w, v2 ? "repostOf" : "retweetOf", original);
        w.WriteEndObject();
    }

    // Lone surrogates cannot be UTF-8: they were already refused where the text came from.
    private static void String(Utf8JsonWriter w, string name, string value)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(ReadableJson.Quote(value), skipInputValidation: true);
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        // A raw value in an array gets no line break or indent from the writer: it brings its own.
        foreach (var item in items) w.WriteRawValue("\n" + new string(' ', w.CurrentDepth * 2) + ReadableJson.Quote(item), skipInputValidation: true);
        w.WriteEndArray();
    }
}

/// <summary>
/// JSON string literals that escape only what JSON requires (<c>"</c>, <c>\</c>, control characters)
/// and the two line separators JavaScript once choked on; every other character, emoji included, is
/// written as itself. The built-in encoders escape all non-ASCII, or at least everything outside the
/// BMP, which makes the records of non-Latin tweets unreadable; a custom encoder would need unsafe code.
/// </summary>
internal static class ReadableJson
{
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            if (char.IsSurrogate(ch))
            {
                // A pair is one character and stays as itself; a lone half can only be written escaped.
                if (char.IsHighSurrogate(ch) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    sb.Append(ch).Append(value[++i]);
                else
                    sb.Append("\\u").Append(((int)ch).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (ch < 0x20 || ch == 0x7F || ch is '\u2028' or '\u2029' || (ch >= 0x80 && ch < 0xA0))
                        sb.Append("\\u").Append(((int)ch).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    else
                        sb.Append(ch);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
