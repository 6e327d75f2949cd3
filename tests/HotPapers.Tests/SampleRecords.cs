using System.Text;
using System.Text.Json;

namespace HotPapers.Tests;

/// <summary>Small records files written with Utf8JsonWriter, so any text (hostile included) is valid JSON.</summary>
internal static class SampleRecords
{
    public static string Daily(string? embed = null, string text = "Nice paper", string title = "A Paper",
        string author = "Ann Author", string summary = "An abstract.", string name = "A B", string handle = "ab",
        string category = "cs.LG", string url = "https://twitter.com/ab/status/1", string absUrl = "https://arxiv.org/abs/2104.14421",
        string lang = "en", long retweets = 40, long favorites = 60)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", "hotpapers-records/1");
            w.WriteString("date", "2021-04-30");
            w.WriteString("collectedAt", "2021-05-01T18:50:48+09:00");
            w.WriteStartArray("papers");
            w.WriteStartObject();
            w.WriteString("id", "2104.14421");
            w.WriteString("title", title);
            w.WriteStartArray("authors"); w.WriteStringValue(author); w.WriteStringValue("Bob Author"); w.WriteEndArray();
            w.WriteString("abstract", summary);
            w.WriteStartArray("categories"); w.WriteStringValue(category); w.WriteEndArray();
            w.WriteStartObject("links"); w.WriteString("abs", absUrl); w.WriteString("pdf", "https://arxiv.org/pdf/2104.14421"); w.WriteEndObject();
            w.WriteStartArray("tweets");
            w.WriteStartObject();
            w.WriteString("url", url);
            w.WriteStartObject("author"); w.WriteString("name", name); w.WriteString("handle", handle); w.WriteEndObject();
            w.WriteString("text", text);
            w.WriteString("created", "2021-04-30");
            w.WriteString("lang", lang);
            w.WriteNumber("retweets", retweets);
            w.WriteNumber("favorites", favorites);
            if (embed is not null) w.WriteString("embedHtml", embed);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
