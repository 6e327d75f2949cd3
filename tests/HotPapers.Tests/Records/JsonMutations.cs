using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HotPapers.Tests.Records;

/// <summary>
/// Small random changes to a records file of either format: a value replaced by one of another type or
/// shape (or a tricky one of the same type), a key removed, repeated, escaped or added, a cut. Many leave
/// the file valid, many do not.
/// </summary>
internal static partial class JsonMutations
{
    public static readonly string[] LegacyKeys =
        ["meta", "since", "until", "papers", "title", "authors", "summary", "subjects", "links", "Abstract", "Download PDF", "id", "tweets",
         "link", "name", "username", "tweet", "retweets_count", "likes_count", "datestamp", "timestamp", "lang", "html", "retweet_id"];

    public static readonly string[] RecordsKeys =
        ["$schema", "format", "date", "endDate", "collectedAt", "ranked", "post", "template", "draft", "slug", "category", "tags", "description",
         "socialImage", "rawText", "layout", "afterFrontMatter", "betweenSections", "afterEmbeds", "endOfFile", "papers", "id", "title", "authors", "abstract", "categories", "links", "abs", "pdf", "totals", "retweets",
         "favorites", "tweets", "url", "author", "name", "handle", "text", "created", "lang", "embedHtml", "retweetOf"];

    // Raw JSON values, valid and not for one key or another.
    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-1", "7", "1.0", "1e2", "2.5", "-0", "9007199254740992", "9007199254740993", "18446744073709551616",
        "\"\"", "\" \"", "\"x\"", "\"12\"", "\"007\"", "\"-3\"", "\"1.0\"", "\"9007199254740993\"", "\"0\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"caf\\u00e9\"",
        "\"2021-04-30\"", "\"2021/04/30\"", "\"2021/05/01\"", "\"2021-02-30\"", "\"12:34:56\"", "\"24:00:00\"", "\"02:30:00\"", "\"2021-03-14\"",
        "\"https://arxiv.org/abs/2104.14421\"", "\"https://arxiv.org/abs/hep-th/9901001v2\"", "\"http://x.org/abs/\"", "\"ftp://x.org/a\"", "\"https://x y.org\"",
        "\"2104.14421\"", "\"2113.14421\"", "\"hep-th/9901001\"", "\"a\\nb\\r\\nc\"", "\"Machine Learning (cs.LG)\"", "\"cs.LG\"",
        "\"2021-04-30T10:00:00Z\"", "\"2021-04-30T10:00:00\"", "\"2021-04-30T10:00:00+09:00\"", "\"0001-01-01\"", "\"hotpapers-records/1\"",
        "\"hotpapers-records/2\"", "\"ab_c\"", "\"@ab\"", "{\"name\":\"A\",\"handle\":\"ab\"}", "{\"retweets\":1,\"favorites\":2}", "{\"retweets\":1}",
        "[]", "{}", "[\"a\"]", "[\"\", \"a\"]", "[null]", "[1]", "{\"a\":1}", "{\"Abstract\":\"https://arxiv.org/abs/2104.14421\"}",
    ];

    /// <param name="read">The keys the format's reader reads, which most changes go to.</param>
    public static byte[] Mutate(JsonObject source, Random random, string[] read)
    {
        var text = source.DeepClone().ToJsonString();
        var changes = random.Next(4) == 0 ? 2 : 1;
        for (var c = 0; c < changes; c++) text = MutateOnce(text, random, read);
        return Encoding.UTF8.GetBytes(text);
    }

    private static string MutateOnce(string text, Random random, string[] read)
    {
        var keys = KeyPattern().Matches(text);
        // An earlier change may have cut the file down to no key at all.
        if (keys.Count == 0) return text;
        var known = keys.Where(m => read.Contains(m.Groups[1].Value)).ToArray();
        // Mostly the keys the reader reads; sometimes any of the scraper's.
        var at = random.Next(3) > 0 && known.Length > 0 ? known[random.Next(known.Length)] : keys[random.Next(keys.Count)];
        var value = Values[random.Next(Values.Length)];
        switch (random.Next(8))
        {
            case 0:
            case 1:
            case 2:
                return ReplaceValue(text, at, value);
            case 3:
                // The same key again, earlier: the file's own value is the last one.
                return text.Insert(at.Index, $"{at.Value}{value},");
            case 4:
                return RemoveKey(text, at);
            case 5:
                // A key written with an escape: the same name, or a name of its own.
                var name = at.Groups[1].Value;
                var i = random.Next(name.Length);
                return text.Remove(at.Index + 1 + i, 1).Insert(at.Index + 1 + i, $"\\u{(int)name[i]:x4}");
            case 6:
                var extra = random.Next(4) switch { 0 => "format", 1 => "meta", 2 => "Link", _ => "surprise" };
                return text.Insert(at.Index, $"\"{extra}\":{value},");
            default:
                return random.Next(4) == 0 ? text[..random.Next(text.Length)] : ReplaceValue(text, at, value);
        }
    }

    private static string ReplaceValue(string text, Match key, string value)
    {
        var start = key.Index + key.Length;
        return text[..start] + value + text[ValueEnd(text, start)..];
    }

    private static string RemoveKey(string text, Match key)
    {
        var end = ValueEnd(text, key.Index + key.Length);
        // With the comma after it, or else the one before it.
        if (end < text.Length && text[end] == ',') return text.Remove(key.Index, end + 1 - key.Index);
        var start = key.Index > 0 && text[key.Index - 1] == ',' ? key.Index - 1 : key.Index;
        return text.Remove(start, end - start);
    }

    // The end of the compact JSON value that starts at start.
    private static int ValueEnd(string text, int start)
    {
        int depth = 0, i = start;
        var inString = false;
        for (; i < text.Length; i++)
        {
            var ch = text[i];
            if (inString)
            {
                if (ch == '\\') i++;
                else if (ch == '"') inString = false;
                if (!inString && depth == 0) return i + 1;
                continue;
            }
            if (ch == '"') inString = true;
            else if (ch is '[' or '{') depth++;
            else if (ch is ']' or '}')
            {
                if (depth == 0) return i;
                if (--depth == 0) return i + 1;
            }
            else if (ch == ',' && depth == 0) return i;
        }
        return i;
    }

    [GeneratedRegex("\"([^\"\\\\]+)\":")]
    private static partial Regex KeyPattern();
}
