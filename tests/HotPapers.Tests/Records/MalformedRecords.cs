using System.Text;
using System.Text.Json.Nodes;

namespace HotPapers.Tests.Records;

/// <summary>
/// Generates malformed records files, in both formats, from a valid file of each: truncations, wrong
/// types, missing keys, bad counts, dates and arXiv ids, duplicates, bad encodings, huge and deep files.
/// Every one must be refused with a located message; none is valid.
/// </summary>
internal static class MalformedRecords
{
    public const string Date = "2021-04-30";

    public static JsonObject ValidRecords() => new()
    {
        ["format"] = "hotpapers-records/1",
        ["date"] = Date,
        ["collectedAt"] = "2021-05-01T18:50:48+09:00",
        ["ranked"] = false,
        ["post"] = new JsonObject { ["title"] = "Hot Papers", ["tags"] = new JsonArray("arXiv") },
        ["papers"] = new JsonArray(Paper("2104.14421"), Paper("hep-th/9901001v2")),
    };

    private static JsonObject Paper(string id) => new()
    {
        ["id"] = id,
        ["title"] = "A title",
        ["authors"] = new JsonArray("Ann", "Bob"),
        ["abstract"] = "An abstract.",
        ["categories"] = new JsonArray("cs.LG"),
        ["links"] = new JsonObject { ["abs"] = "https://arxiv.org/abs/" + id, ["pdf"] = "https://arxiv.org/pdf/" + id },
        ["collectedAt"] = "2021-05-01T18:50:48+09:00",
        ["totals"] = new JsonObject { ["retweets"] = 10, ["favorites"] = 70 },
        ["tweets"] = new JsonArray(new JsonObject
        {
            ["url"] = "https://twitter.com/ab/status/1",
            ["author"] = new JsonObject { ["name"] = "A B", ["handle"] = "ab" },
            ["text"] = "Nice",
            ["created"] = "2021-04-30T10:00:00Z",
            ["lang"] = "en",
            ["retweets"] = 10,
            ["favorites"] = 70,
            ["retweetOf"] = "123",
        }),
    };

    /// <summary>The valid records in version 2: its tweet a Twitter mention, its totals Twitter's.</summary>
    public static JsonObject ValidRecords2()
    {
        var r = ValidRecords();
        r["format"] = "hotpapers-records/2";
        foreach (var paper in r["papers"]!.AsArray())
        {
            var p = paper!.AsObject();
            p["totals"] = new JsonObject { ["twitter"] = new JsonObject { ["reposts"] = 10, ["likes"] = 70 } };
            var tweet = p["tweets"]![0]!.AsObject();
            p.Remove("tweets");
            p["mentions"] = new JsonArray(new JsonObject
            {
                ["network"] = "twitter",
                ["url"] = tweet["url"]!.DeepClone(),
                ["author"] = tweet["author"]!.DeepClone(),
                ["text"] = "Nice",
                ["created"] = "2021-04-30T10:00:00Z",
                ["reposts"] = 10,
                ["likes"] = 70,
                ["replies"] = 1,
                ["quotes"] = 0,
                ["repostOf"] = "123",
            });
        }
        return r;
    }

    public static JsonObject ValidLegacy() => new()
    {
        ["meta"] = new JsonObject { ["since"] = "2021/04/30", ["until"] = "2021/05/01" },
        ["papers"] = new JsonArray(new JsonObject
        {
            ["title"] = "A title",
            ["authors"] = new JsonArray("Ann"),
            ["links"] = new JsonObject { ["Abstract"] = "https://arxiv.org/abs/2104.14421", ["Download PDF"] = "https://arxiv.org/pdf/2104.14421" },
            ["subjects"] = new JsonArray("Machine Learning (cs.LG)"),
            ["summary"] = "An abstract.",
            ["tweets"] = new JsonArray(new JsonObject
            {
                ["link"] = "https://twitter.com/ab/status/1",
                ["name"] = "A B",
                ["username"] = "ab",
                ["tweet"] = "Nice",
                ["datestamp"] = "2021-04-30",
                ["timestamp"] = "12:34:56",
                ["retweets_count"] = 10,
                ["likes_count"] = "70",
            }),
        }),
    };

    private const string P0 = "$.papers[0]";
    private const string T0 = "$.papers[0].tweets[0]";

    // Paths of our format and what each holds, for wrong-type and missing-key cases.
    private static readonly (string Path, Kind Kind, bool Required)[] RecordsPaths =
    [
        ("$.format", Kind.String, true), ("$.date", Kind.String, true), ("$.collectedAt", Kind.String, true),
        ("$.ranked", Kind.Bool, false), ("$.post", Kind.Object, false), ("$.post.title", Kind.String, false),
        ("$.post.tags", Kind.Array, false), ("$.papers", Kind.Array, true), ("$.papers[0]", Kind.Object, true),
        ($"{P0}.id", Kind.String, true), ($"{P0}.title", Kind.String, true), ($"{P0}.authors", Kind.Array, true),
        ($"{P0}.authors[0]", Kind.String, true), ($"{P0}.abstract", Kind.String, true), ($"{P0}.categories", Kind.Array, true),
        ($"{P0}.categories[0]", Kind.String, true), ($"{P0}.links", Kind.Object, true), ($"{P0}.links.abs", Kind.String, true),
        ($"{P0}.links.pdf", Kind.String, false), ($"{P0}.collectedAt", Kind.String, false), ($"{P0}.totals", Kind.Object, false),
        ($"{P0}.totals.retweets", Kind.Count, true), ($"{P0}.totals.favorites", Kind.Count, true), ($"{P0}.tweets", Kind.Array, true),
        ($"{T0}", Kind.Object, true), ($"{T0}.url", Kind.String, true), ($"{T0}.author", Kind.Object, true),
        ($"{T0}.author.name", Kind.String, true), ($"{T0}.author.handle", Kind.String, true), ($"{T0}.text", Kind.String, true),
        ($"{T0}.created", Kind.String, true), ($"{T0}.lang", Kind.String, false), ($"{T0}.retweets", Kind.Count, false),
        ($"{T0}.favorites", Kind.Count, false), ($"{T0}.retweetOf", Kind.String, false),
    ];

    private static readonly (string Path, Kind Kind, bool Required)[] LegacyPaths =
    [
        ("$.meta", Kind.Object, true), ("$.meta.since", Kind.String, true), ("$.meta.until", Kind.String, true),
        ("$.papers", Kind.Array, true), ("$.papers[0]", Kind.Object, true), ($"{P0}.title", Kind.String, true),
        ($"{P0}.authors", Kind.Array, true), ($"{P0}.links", Kind.Object, true), ($"{P0}.links.Abstract", Kind.String, true),
        ($"{P0}.subjects", Kind.Array, true), ($"{T0}", Kind.Object, true), ($"{T0}.link", Kind.String, true),
        ($"{T0}.username", Kind.String, true), ($"{T0}.tweet", Kind.String, true),
        ($"{T0}.retweets_count", Kind.Count, true), ($"{T0}.likes_count", Kind.Count, true),
    ];

    private enum Kind { String, Bool, Object, Array, Count }

    /// <summary>Name of the case and the file's bytes.</summary>
    public static IEnumerable<(string Name, Func<byte[]> Bytes)> All()
    {
        var records = Bytes(ValidRecords());
        var legacy = Bytes(ValidLegacy());
        foreach (var (name, source) in new[] { ("records", records), ("legacy", legacy) })
        {
            for (var k = 1; k <= 30; k++)
            {
                var cut = (int)((long)source.Length * k / 31);
                yield return ($"{name} truncated at {cut} of {source.Length}", () => source[..cut]);
            }
        }
        foreach (var (name, make, paths) in new[] { ("records", (Func<JsonObject>)ValidRecords, RecordsPaths), ("legacy", ValidLegacy, LegacyPaths) })
        {
            foreach (var (path, kind, required) in paths)
            {
                foreach (var wrong in WrongValues(kind, required))
                    yield return ($"{name} {path} = {wrong?.ToJsonString() ?? "null"}", () => Bytes(Set(make(), path, wrong?.DeepClone())));
                // (An array item left out leaves a shorter, valid array.)
                if (required && !path.EndsWith(']')) yield return ($"{name} {path} missing", () => Bytes(Remove(make(), path)));
            }
            yield return ($"{name} root is an array", () => Encoding.UTF8.GetBytes("[" + Encoding.UTF8.GetString(Bytes(make())) + "]"));
        }
        // The legacy reader ignores the scraper's many extra keys by design; ours has none.
        foreach (var path in new[] { "$.surprise", "$.post.surprise", $"{P0}.surprise", $"{P0}.links.surprise", $"{P0}.totals.surprise", $"{T0}.surprise", $"{T0}.author.surprise" })
        {
            yield return ($"records unknown key {path}", () => Bytes(Set(ValidRecords(), path, 1, add: true)));
        }

        // Counts: negative, fractional, huge, beyond 2^53, NaN and infinities (not JSON), sums that overflow.
        foreach (var count in new[] { "-1", "1.5", "1e300", "9007199254740993", "-0.5", "NaN", "Infinity", "-Infinity", "0x10", "01" })
        {
            yield return ($"records tweet retweets {count}", () => Raw(ValidRecords(), $"{T0}.retweets", count));
            yield return ($"records totals favorites {count}", () => Raw(ValidRecords(), $"{P0}.totals.favorites", count));
            yield return ($"legacy likes_count {count}", () => Raw(ValidLegacy(), $"{T0}.likes_count", count));
        }
        foreach (var countText in new[] { "\"-5\"", "\"1.5\"", "\"abc\"", "\"\"", "\" 5\"", "\"99999999999999999999\"" })
            yield return ($"legacy retweets_count {countText}", () => Raw(ValidLegacy(), $"{T0}.retweets_count", countText));
        yield return ("records counts add up past 2^53", () =>
        {
            var r = ValidRecords();
            var tweets = r["papers"]![0]!["tweets"]!.AsArray();
            for (var i = 0; i < 3; i++)
            {
                var t = tweets[0]!.DeepClone();
                t["url"] = $"https://twitter.com/ab/status/{i + 2}";
                tweets.Add(t);
            }
            foreach (var t in tweets) t!["retweets"] = 1L << 52;
            return Bytes(r);
        });

        // Dates and times.
        foreach (var bad in new[] { "2021-02-30", "2021/04/30", "", "20210430", "2021-4-30", "2021-04-30T00:00:00Z", " 2021-04-30", "0000-01-01", "2021-13-01", "yesterday" })
        {
            yield return ($"records date \"{bad}\"", () => Bytes(Set(ValidRecords(), "$.date", bad)));
            yield return ($"records tweet created \"{bad}x\"", () => Bytes(Set(ValidRecords(), $"{T0}.created", bad + "x")));
        }
        foreach (var bad in new[] { "2021-05-01T18:50:48", "2021-05-01 18:50:48+09:00", "2021-05-01T18:50:48.Z", "2021-05-01T25:00:00Z", "2021-05-01T18:50:48+9:00", "1620000000" })
        {
            yield return ($"records collectedAt \"{bad}\"", () => Bytes(Set(ValidRecords(), "$.collectedAt", bad)));
            yield return ($"records paper collectedAt \"{bad}\"", () => Bytes(Set(ValidRecords(), $"{P0}.collectedAt", bad)));
        }
        yield return ("records endDate before date", () => Bytes(Set(ValidRecords(), "$.endDate", "2021-04-29", add: true)));
        yield return ("records holds another day than its name", () => Bytes(Set(ValidRecords(), "$.date", "2021-05-01")));
        yield return ("records holds a range, its name a day", () => Bytes(Set(ValidRecords(), "$.endDate", "2021-05-02", add: true)));
        foreach (var (since, until) in new[] { ("2021/04/30", "2021/04/30"), ("2021/05/01", "2021/04/30"), ("2021-02-30", "2021/05/01"), ("30/04/2021", "2021/05/01") })
            yield return ($"legacy meta {since}..{until}", () => Bytes(Set(Set(ValidLegacy(), "$.meta.since", since), "$.meta.until", until)));
        foreach (var (day, time) in new[] { ("2021-04-31", "12:00:00"), ("2021-04-30", "24:00:00"), ("2021-04-30", "12:00"), ("2021/04/30", "12:00:00") })
            yield return ($"legacy tweet time {day} {time}", () => Bytes(Set(Set(ValidLegacy(), $"{T0}.datestamp", day), $"{T0}.timestamp", time)));

        // arXiv ids, both styles, and URLs.
        foreach (var id in new[] { "2113.12345", "2100.12345", "2104.123", "2104.123456", "2104.14421v0", "2104.14421v", "arXiv:2104.14421", " 2104.14421",
                     "hep-th/99011", "hep-th/9913001", "HEP-TH/9901001", "hep_th/9901001", "hep-th//9901001", "math.GT0309136", "math.gt/0309136", "/9901001", "hep-th/9901001v" })
            yield return ($"records id \"{id}\"", () => Bytes(Set(ValidRecords(), $"{P0}.id", id)));
        foreach (var id in new[] { "2113.12345", "hep-th/99011", "1234" })
            yield return ($"legacy id \"{id}\"", () => Bytes(Set(ValidLegacy(), $"{P0}.id", id, add: true)));
        foreach (var url in new[] { "javascript:alert(1)", "ftp://arxiv.org/abs/1", "arxiv.org/abs/2104.14421", "https://arxiv.org/abs/2104 14421", "data:text/html,x", "//arxiv.org/abs/1" })
        {
            yield return ($"records abs \"{url}\"", () => Bytes(Set(ValidRecords(), $"{P0}.links.abs", url)));
            yield return ($"records tweet url \"{url}\"", () => Bytes(Set(ValidRecords(), $"{T0}.url", url)));
            yield return ($"legacy link \"{url}\"", () => Bytes(Set(ValidLegacy(), $"{T0}.link", url)));
        }
        foreach (var handle in new[] { "@ab", "a b", "ab<script>", "", new string('a', 51) })
            yield return ($"records handle \"{handle}\"", () => Bytes(Set(ValidRecords(), $"{T0}.author.handle", handle)));
        yield return ("records format hotpapers-records/3", () => Bytes(Set(ValidRecords(), "$.format", "hotpapers-records/3")));
        // Version 2.
        const string M0 = "$.papers[0].mentions[0]";
        yield return ("records2 tweets instead of mentions", () => { var r = ValidRecords2(); r["papers"]![0]!["tweets"] = new JsonArray(); return Bytes(r); });
        yield return ("records1 mentions instead of tweets", () => { var r = ValidRecords(); r["papers"]![0]!["mentions"] = new JsonArray(); return Bytes(r); });
        yield return ("records2 version 1 totals", () => Bytes(Set(ValidRecords2(), $"{P0}.totals", new JsonObject { ["retweets"] = 1, ["favorites"] = 2 })));
        yield return ("records2 unknown network in totals", () => Bytes(Set(ValidRecords2(), $"{P0}.totals", new JsonObject { ["myspace"] = new JsonObject { ["reposts"] = 1, ["likes"] = 2 } })));
        yield return ("records2 network \"x\"", () => Bytes(Set(ValidRecords2(), $"{M0}.network", "x")));
        yield return ("records2 network \"Twitter\"", () => Bytes(Set(ValidRecords2(), $"{M0}.network", "Twitter")));
        yield return ("records2 no network", () => { var r = ValidRecords2(); r["papers"]![0]!["mentions"]![0]!.AsObject().Remove("network"); return Bytes(r); });
        yield return ("records2 tweet handle with a dot", () => Bytes(Set(ValidRecords2(), $"{M0}.author.handle", "ab.bsky.social")));
        yield return ("records2 bluesky empty handle", () => { var r = Set(ValidRecords2(), $"{M0}.network", "bluesky"); return Bytes(Set(r, $"{M0}.author.handle", "")); });
        yield return ("records2 bluesky handle with a leading @", () => { var r = Set(ValidRecords2(), $"{M0}.network", "bluesky"); return Bytes(Set(r, $"{M0}.author.handle", "@ab.bsky.social")); });
        yield return ("records2 retweets instead of reposts", () => Bytes(Set(ValidRecords2(), $"{M0}.retweets", 3, add: true)));
        yield return ("records2 replies -1", () => Bytes(Set(ValidRecords2(), $"{M0}.replies", -1)));
        yield return ("records NUL in a title", () => Bytes(Set(ValidRecords(), $"{P0}.title", "a\0b")));
        yield return ("records empty title", () => Bytes(Set(ValidRecords(), $"{P0}.title", "  ")));

        // Duplicates.
        yield return ("records duplicate paper", () => { var r = ValidRecords(); r["papers"]!.AsArray().Add(r["papers"]![0]!.DeepClone()); return Bytes(r); });
        yield return ("records duplicate paper in another version", () =>
        {
            var r = ValidRecords();
            var copy = r["papers"]![0]!.DeepClone();
            copy["id"] = "2104.14421v3";
            r["papers"]!.AsArray().Add(copy);
            return Bytes(r);
        });
        yield return ("records duplicate key", () => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Bytes(ValidRecords())).Replace("\"ranked\":false", "\"ranked\":false,\"ranked\":true")));
        yield return ("legacy duplicate key in links", () => Replace(ValidLegacy(), "\"Abstract\":", "\"Abstract\":\"https://arxiv.org/abs/2104.99999\",\"Abstract\":"));
        yield return ("legacy duplicate key", () => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Bytes(ValidLegacy())).Replace("\"username\":\"ab\"", "\"username\":\"ab\",\"username\":\"cd\"")));
        // A key written with escapes is the same key; the last of two values is the one checked.
        yield return ("records duplicate key escaped", () => Replace(ValidRecords(), "\"ranked\":false", "\"ranked\":false,\"ra\\u006eked\":true"));
        yield return ("legacy duplicate key escaped", () => Replace(ValidLegacy(), "\"username\":\"ab\"", "\"username\":\"ab\",\"user\\u006eame\":\"cd\""));
        yield return ("records unknown key twice", () => Replace(ValidRecords(), "\"ranked\":false", "\"ranked\":false,\"surprise\":1,\"other\":2,\"surprise\":3"));
        yield return ("records duplicate tweet url, the last wrong", () => Replace(ValidRecords(), "\"url\":\"https://twitter.com/ab/status/1\"", "\"url\":\"https://twitter.com/ab/status/1\",\"url\":5"));
        yield return ("legacy duplicate likes_count, the last wrong", () => Replace(ValidLegacy(), "\"likes_count\":", "\"likes_count\":-1,\"likes_count\":"));
        yield return ("records escaped key with a wrong value", () => Replace(ValidRecords(), "\"ranked\":false", "\"r\\u0061nked\":\"no\""));
        yield return ("legacy escaped key with a wrong value", () => Replace(ValidLegacy(), "\"username\":\"ab\"", "\"\\u0075sername\":5"));

        // Syntax around valid content.
        var text = Encoding.UTF8.GetString(records);
        yield return ("trailing garbage", () => Encoding.UTF8.GetBytes(text + " x"));
        yield return ("two documents", () => Encoding.UTF8.GetBytes(text + text));
        yield return ("a comment", () => Encoding.UTF8.GetBytes("// records\n" + text));
        yield return ("a trailing comma", () => Encoding.UTF8.GetBytes(text.Replace("\"ranked\":false", "\"ranked\":false,").Replace(",,", ",")[..^1] + ",}"));
        yield return ("single quotes", () => Encoding.UTF8.GetBytes(text.Replace('"', '\'')));
        yield return ("unquoted key", () => Encoding.UTF8.GetBytes(text.Replace("\"ranked\"", "ranked")));
        yield return ("bad escape", () => Encoding.UTF8.GetBytes(text.Replace("A title", "A \\q title")));
        yield return ("raw control character in a string", () => Encoding.UTF8.GetBytes(text.Replace("A title", "A\u0001title")));
        yield return ("lone surrogate escape", () => Encoding.UTF8.GetBytes(text.Replace("A title", "A \\ud800 title")));
        // Found by fuzzing: System.Text.Json's duplicate-key check threw InvalidOperationException here.
        yield return ("lone surrogate escape in a key", () => Encoding.UTF8.GetBytes(text.Replace("\"ranked\"", "\"ran\\ud800ked\"")));
        yield return ("legacy lone surrogate escape in a key", () => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(legacy).Replace("\"likes_count\"", "\"like\\ud800s_count\"")));
        foreach (var root in new[] { "[]", "42", "\"records\"", "null", "true", "{}", "{\"format\":\"hotpapers-records/1\"}", "{\"meta\":{}}" })
            yield return ($"root {root}", () => Encoding.UTF8.GetBytes(root));

        // Encodings and sizes.
        yield return ("empty file", () => []);
        yield return ("whitespace only", () => " \r\n\t "u8.ToArray());
        yield return ("BOM only", () => [0xEF, 0xBB, 0xBF]);
        yield return ("invalid UTF-8 in a string", () => Splice(records, "A title", [0x41, 0xC3, 0x28, 0x41]));
        yield return ("overlong UTF-8", () => Splice(records, "A title", [0xC0, 0xAF]));
        yield return ("encoded surrogate in UTF-8", () => Splice(records, "A title", [0xED, 0xA0, 0x80]));
        yield return ("truncated UTF-8 sequence", () => Splice(records, "A title", [0xE2, 0x82]));
        yield return ("Latin-1 byte", () => Splice(records, "A title", [0x48, 0xE9, 0x6C]));
        yield return ("UTF-16 LE with BOM", () => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]);
        yield return ("UTF-16 BE with BOM", () => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)]);
        yield return ("UTF-16 LE without BOM", () => Encoding.Unicode.GetBytes(text));
        yield return ("UTF-16 BE without BOM", () => Encoding.BigEndianUnicode.GetBytes(text));
        yield return ("UTF-32 BE without BOM", () => new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes(text));
        yield return ("UTF-32 LE with BOM", () => [.. new UTF32Encoding(false, true).GetPreamble(), .. Encoding.UTF32.GetBytes(text)]);
        yield return ("deep nesting 100", () => Encoding.UTF8.GetBytes(new string('[', 100) + new string(']', 100)));
        yield return ("deep nesting 100000", () => Encoding.UTF8.GetBytes(new string('[', 100000)));
        yield return ("deep nesting in a field", () => Raw(ValidRecords(), $"{P0}.title", new string('[', 70) + new string(']', 70)));
        yield return ("a 50 MB file", () =>
        {
            var r = ValidRecords();
            r[ "papers"]![0]!["abstract"] = new string('a', 50 * 1024 * 1024);
            return Bytes(r);
        });
    }

    private static IEnumerable<JsonNode?> WrongValues(Kind kind, bool required)
    {
        JsonNode?[] all = [JsonValue.Create(42), JsonValue.Create("x"), JsonValue.Create(true), new JsonArray(), new JsonObject()];
        foreach (var v in all)
        {
            var fits = kind switch
            {
                Kind.String => v is JsonValue s && s.TryGetValue<string>(out _),
                Kind.Bool => v is JsonValue b && b.TryGetValue<bool>(out _),
                Kind.Object => v is JsonObject,
                Kind.Array => v is JsonArray,
                _ => v is JsonValue n && n.TryGetValue<int>(out _),
            };
            if (!fits) yield return v;
        }
        // null is a value only where a key may be left out... and not even there for these.
        if (required || kind is Kind.Bool or Kind.Array or Kind.Object or Kind.Count) yield return null;
    }

    private static byte[] Replace(JsonNode node, string what, string with)
    {
        var text = Encoding.UTF8.GetString(Bytes(node));
        if (!text.Contains(what, StringComparison.Ordinal)) throw new ArgumentException($"no {what} in the file", nameof(what));
        return Encoding.UTF8.GetBytes(text.Replace(what, with));
    }

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static byte[] Raw(JsonObject root, string path, string rawJson)
    {
        const string Marker = "\"@@RAW@@\"";
        var text = Set(root, path, "@@RAW@@").ToJsonString();
        return Encoding.UTF8.GetBytes(text.Replace(Marker, rawJson));
    }

    private static byte[] Splice(byte[] source, string find, byte[] replacement)
    {
        var text = Encoding.UTF8.GetBytes(find);
        var at = source.AsSpan().IndexOf(text);
        return [.. source[..at], .. replacement, .. source[(at + text.Length)..]];
    }

    private static JsonObject Set(JsonObject root, string path, JsonNode? value, bool add = false)
    {
        var (parent, key, index) = Locate(root, path);
        if (index is { } i) parent.AsArray()[i] = value;
        else
        {
            if (!add && !parent.AsObject().ContainsKey(key)) throw new InvalidOperationException("no " + path);
            parent.AsObject()[key] = value;
        }
        return root;
    }

    private static JsonObject Remove(JsonObject root, string path)
    {
        var (parent, key, index) = Locate(root, path);
        if (index is { } i) parent.AsArray().RemoveAt(i);
        else if (!parent.AsObject().Remove(key)) throw new InvalidOperationException("no " + path);
        return root;
    }

    // "$.a.b[0].c" -> the node holding the last step, and that step.
    private static (JsonNode Parent, string Key, int? Index) Locate(JsonObject root, string path)
    {
        var steps = new List<(string Key, int? Index)>();
        foreach (var part in path[2..].Split('.'))
        {
            var bracket = part.IndexOf('[');
            if (bracket < 0) { steps.Add((part, null)); continue; }
            steps.Add((part[..bracket], null));
            steps.Add(("", int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)));
        }
        JsonNode node = root;
        for (var s = 0; s < steps.Count - 1; s++)
            node = steps[s].Index is { } i ? node.AsArray()[i]! : node.AsObject()[steps[s].Key]!;
        var last = steps[^1];
        return (node, last.Key, last.Index);
    }
}
