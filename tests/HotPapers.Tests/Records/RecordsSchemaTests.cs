using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HotPapers.Records;
using Json.Schema;

namespace HotPapers.Tests.Records;

/// <summary>
/// The published JSON Schema and <see cref="RecordsReader"/> accept exactly the same documents: the same
/// keys per object, the same required keys, and the same verdict on a table of edge values.
/// </summary>
public sealed class RecordsSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    private static readonly Lazy<JsonSchema> Schema2 = new(() =>
        JsonSchema.FromText(File.ReadAllText(SchemaPath2)));

    private static string SchemaPath => Path.Combine(Fixture.RepoRoot(), "src", "HotPapers", "Records", "hotpapers-records.schema.json");

    // Version 2 (mentions of any network) has its own schema beside version 1's.
    private static string SchemaPath2 => Path.Combine(Fixture.RepoRoot(), "src", "HotPapers", "Records", "hotpapers-records-2.schema.json");

    private static JsonObject Full2() => JsonNode.Parse(Fixture.Read("records", "full-2.json"))!.AsObject();

    // Where each object of version 2 sits in its full fixture (the paper's last mention is Reddit's), and its definition.
    public static TheoryData<string, string> Objects2 => new()
    {
        { "$", "" },
        { "$.papers[0]", "/$defs/paper" },
        { "$.papers[0].totals", "/$defs/totals" },
        { "$.papers[0].totals.twitter", "/$defs/networkTotals" },
        { "$.papers[0].mentions[0]", "/$defs/mention" },
        { "$.papers[0].mentions[2]", "/$defs/mention" },
        { "$.papers[0].mentions[2].author", "/$defs/author" },
    };

    [Theory]
    [MemberData(nameof(Objects2))]
    public void Each_object_of_version_2_has_the_same_keys_in_schema_and_reader(string readerPath, string schemaPointer)
    {
        var doc = Full2();
        ((JsonObject)At(doc, readerPath)).Add("zzUnknown", 1);
        var unknown = Assert.Single(Problems(Bytes(doc)), p => p.Location == readerPath + ".zzUnknown");
        var readerKeys = unknown.Expected["one of the keys ".Length..].Split(", ").Order(StringComparer.Ordinal).ToList();
        var definition = SchemaNode(schemaPointer, SchemaPath2);
        Assert.Equal(readerKeys, definition["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList());
        Assert.False(definition["additionalProperties"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(Objects2))]
    public void Each_object_of_version_2_requires_the_same_keys_in_schema_and_reader(string readerPath, string schemaPointer)
    {
        var schemaRequired = SchemaNode(schemaPointer, SchemaPath2)["required"]?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet() ?? [];
        foreach (var key in ((JsonObject)At(Full2(), readerPath)).Select(p => p.Key).ToList())
        {
            var doc = Full2();
            ((JsonObject)At(doc, readerPath)).Remove(key);
            var bytes = Bytes(doc);
            var readerAccepts = Load(bytes) is not null;
            Assert.True(readerAccepts == SchemaAccepts(bytes, out var errors), $"without {readerPath}.{key}: reader {readerAccepts}, schema: {errors}");
            Assert.Equal(schemaRequired.Contains(key), !readerAccepts);
        }
    }

    /// <summary>Version 2's own edge values: networks, counts and handles, which depend on the network.</summary>
    [Theory]
    [InlineData("$.papers[0].mentions[0].network", "\"bluesky\"", true)]
    [InlineData("$.papers[0].mentions[0].network", "\"x\"", false)]
    [InlineData("$.papers[0].mentions[0].network", "null", false)]
    [InlineData("$.papers[0].mentions[0].author.handle", "\"ada.bsky.social\"", false)]
    [InlineData("$.papers[0].mentions[2].author.handle", "\"ada.bsky.social\"", true)]
    [InlineData("$.papers[0].mentions[2].author.handle", "\"ada lovelace@mastodon.social\"", true)]
    [InlineData("$.papers[0].mentions[2].author.handle", "\" \"", false)]
    [InlineData("$.papers[0].mentions[2].author.handle", "\"@ada.bsky.social\"", false)]
    [InlineData("$.papers[0].mentions[2].author.handle", "\"ada@mastodon.social\"", true)]
    [InlineData("$.papers[0].mentions[2].replies", "-1", false)]
    [InlineData("$.papers[0].mentions[2].quotes", "null", false)]
    [InlineData("$.papers[0].mentions[2].created", "null", true)]
    [InlineData("$.papers[0].mentions[2].created", "\"April 30\"", false)]
    [InlineData("$.papers[0].mentions[2].repostOf", "\"https://bsky.app/profile/b/post/1\"", true)]
    [InlineData("$.papers[0].totals.reddit", "{\"reposts\": 0, \"likes\": 3}", true)]
    [InlineData("$.papers[0].totals.reddit", "{\"likes\": 3}", false)]
    [InlineData("$.papers[0].totals.myspace", "{\"reposts\": 0, \"likes\": 3}", false)]
    [InlineData("$.papers[0].tweets", "[]", false)]
    [InlineData("$.format", "\"hotpapers-records/1\"", false)]
    [InlineData("$.unanswered", "[]", true)]
    [InlineData("$.unanswered", "[\"reddit\", \"twitter\"]", true)]
    [InlineData("$.unanswered", "[\"bluesky\", \"bluesky\"]", false)]
    [InlineData("$.unanswered", "[\"x\"]", false)]
    [InlineData("$.unanswered", "[\"\"]", false)]
    [InlineData("$.unanswered", "[null]", false)]
    [InlineData("$.unanswered", "\"bluesky\"", false)]
    [InlineData("$.unanswered", "null", false)]
    public void Schema_and_reader_agree_on_version_2_edge_values(string path, string json, bool accepted) => AssertAgree(Full2(), path, json, accepted);

    private static readonly EvaluationOptions Options = new() { RequireFormatValidation = true, OutputFormat = OutputFormat.List };

    // The full fixture with a post layout too (kept out of the file, which renders as the standard layout elsewhere).
    private static JsonObject Full()
    {
        var doc = JsonNode.Parse(Fixture.Read("records", "full.json"))!.AsObject();
        doc["post"]!["layout"] = JsonNode.Parse("""{ "afterFrontMatter": 2, "betweenSections": 1, "afterEmbeds": 3, "endOfFile": 0 }""");
        return doc;
    }

    // Where each object of the format sits in the full fixture, and its definition in the schema.
    public static TheoryData<string, string> Objects => new()
    {
        { "$", "" },
        { "$.post", "/$defs/post" },
        { "$.post.layout", "/$defs/layout" },
        { "$.papers[0]", "/$defs/paper" },
        { "$.papers[0].links", "/$defs/links" },
        { "$.papers[0].totals", "/$defs/totals" },
        { "$.papers[0].tweets[0]", "/$defs/tweet" },
        { "$.papers[0].tweets[0].author", "/$defs/author" },
    };

    [Fact]
    public void Schema_is_a_valid_draft_2020_12_schema()
    {
        Schema_is_valid(SchemaPath);
        Schema_is_valid(SchemaPath2);
    }

    private static void Schema_is_valid(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", doc.RootElement.GetProperty("$schema").GetString());
        var meta = MetaSchemas.Draft202012;
        var result = meta.Evaluate(doc.RootElement, Options);
        Assert.True(result.IsValid, Errors(result));
    }

    public static TheoryData<string> ValidFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(Fixture.RepoRoot(), "content", "records"), "*.json").Order())
            data.Add(Path.GetRelativePath(Fixture.RepoRoot(), f));
        data.Add(Path.Combine("tests", "HotPapers.Tests", "Fixtures", "records", "full.json"));
        data.Add(Path.Combine("tests", "HotPapers.Tests", "Fixtures", "records", "full-2.json"));
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Sample_and_fixtures_pass_both_the_schema_and_the_reader(string relativePath)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Fixture.RepoRoot(), relativePath));
        var records = Load(bytes);
        Assert.NotNull(records);
        Assert.True(SchemaAccepts(bytes, out var errors), errors);
    }

    [Theory]
    [MemberData(nameof(Objects))]
    public void Each_object_has_the_same_keys_in_schema_and_reader(string readerPath, string schemaPointer)
    {
        var doc = Full();
        ((JsonObject)At(doc, readerPath)).Add("zzUnknown", 1);
        var problems = Problems(Bytes(doc));
        var unknown = Assert.Single(problems, p => p.Location == readerPath + ".zzUnknown");
        Assert.StartsWith("one of the keys ", unknown.Expected);
        var readerKeys = unknown.Expected["one of the keys ".Length..].Split(", ").Order(StringComparer.Ordinal).ToList();

        var definition = SchemaNode(schemaPointer);
        var schemaKeys = definition["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(readerKeys, schemaKeys);
        Assert.False(definition["additionalProperties"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(Objects))]
    public void Each_object_requires_the_same_keys_in_schema_and_reader(string readerPath, string schemaPointer)
    {
        var definition = SchemaNode(schemaPointer);
        var schemaRequired = definition["required"]?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet() ?? [];
        var keys = ((JsonObject)At(Full(), readerPath)).Select(p => p.Key).ToList();
        Assert.Superset(schemaRequired, keys.ToHashSet());
        foreach (var key in keys)
        {
            var doc = Full();
            ((JsonObject)At(doc, readerPath)).Remove(key);
            var bytes = Bytes(doc);
            var readerAccepts = Load(bytes) is not null;
            var schemaAccepts = SchemaAccepts(bytes, out _);
            Assert.True(readerAccepts == schemaAccepts, $"without {readerPath}.{key}: reader {(readerAccepts ? "accepts" : "rejects")}, schema {(schemaAccepts ? "accepts" : "rejects")}");
            Assert.Equal(schemaRequired.Contains(key), !readerAccepts);
            if (!readerAccepts)
            {
                var problem = Assert.Single(Problems(bytes));
                Assert.Equal($"{readerPath}.{key}", problem.Location);
                Assert.Equal("no such key", problem.Found);
            }
        }
    }

    /// <summary>Edge values: each replaces one value of the full fixture; both judges must give the stated verdict.</summary>
    [Theory]
    // format, dates and instants
    [InlineData("$.format", "\"hotpapers-records/1\"", true)]
    [InlineData("$.format", "\"hotpapers-records/2\"", false)]
    [InlineData("$.format", "null", false)]
    [InlineData("$.endDate", "\"2024-02-29\"", true)]
    [InlineData("$.endDate", "\"2021-02-29\"", false)]
    [InlineData("$.date", "\"2021-02-29\"", false)]
    [InlineData("$.date", "\"2021-4-30\"", false)]
    [InlineData("$.date", "\"2021/04/30\"", false)]
    [InlineData("$.date", "\"2021-04-30T00:00:00Z\"", false)]
    [InlineData("$.date", "\"٢٠٢١-04-30\"", false)]
    [InlineData("$.date", "20210430", false)]
    [InlineData("$.date", "\"2021-04-30\\n\"", false)]
    [InlineData("$.collectedAt", "\"2021-05-01T18:50:48Z\\n\"", false)]
    [InlineData("$.papers[0].links.abs", "\"https://arxiv.org/abs/2104.00001\\n\"", false)]
    [InlineData("$.papers[0].tweets[0].author.handle", "\"ada\\n\"", false)]
    [InlineData("$.endDate", "null", true)]
    [InlineData("$.endDate", "\"2021-13-01\"", false)]
    [InlineData("$.collectedAt", "\"2021-05-01T18:50:48Z\"", true)]
    [InlineData("$.collectedAt", "\"2021-05-01T18:50:48.1234567+09:00\"", true)]
    [InlineData("$.collectedAt", "\"2021-05-01T18:50:48-05:30\"", true)]
    [InlineData("$.collectedAt", "\"2021-05-01T18:50:48+14:00\"", true)]
    [InlineData("$.collectedAt", "\"2021-05-01T18:50:48.Z\"", false)]
    [InlineData("$.collectedAt", "\"2021-05-01T18:50:48\"", false)]
    [InlineData("$.collectedAt", "\"2021-05-01 18:50:48+09:00\"", false)]
    [InlineData("$.collectedAt", "\"2021-05-01T18:50+09:00\"", false)]
    [InlineData("$.collectedAt", "\"2021-05-01T18:50:48+0900\"", false)]
    [InlineData("$.collectedAt", "\"2021-05-01T24:00:00Z\"", false)]
    [InlineData("$.collectedAt", "\"2021-05-01t18:50:48z\"", false)]
    [InlineData("$.collectedAt", "\"2021-05-01T18:50:48.12345678Z\"", false)]
    [InlineData("$.collectedAt", "null", false)]
    [InlineData("$.papers[0].collectedAt", "null", true)]
    [InlineData("$.papers[0].collectedAt", "\"2021-05-02\"", false)]
    [InlineData("$.ranked", "true", true)]
    [InlineData("$.ranked", "null", false)]
    [InlineData("$.ranked", "\"true\"", false)]
    [InlineData("$.$schema", "null", true)]
    [InlineData("$.$schema", "1", false)]
    // post overrides
    [InlineData("$.post", "{}", true)]
    [InlineData("$.post", "null", false)]
    [InlineData("$.post.title", "null", true)]
    [InlineData("$.post.title", "\"\"", true)]
    [InlineData("$.post.title", "1", false)]
    [InlineData("$.post.draft", "null", false)]
    [InlineData("$.post.tags", "[]", true)]
    [InlineData("$.post.tags", "null", false)]
    [InlineData("$.post.tags", "[\" \"]", false)]
    [InlineData("$.post.tags", "[1]", false)]
    [InlineData("$.post.layout", "{}", true)]
    [InlineData("$.post.layout", "null", false)]
    [InlineData("$.post.layout", "[]", false)]
    [InlineData("$.post.layout.afterFrontMatter", "0", true)]
    [InlineData("$.post.layout.betweenSections", "100", true)]
    [InlineData("$.post.layout.betweenSections", "2.0", true)]
    [InlineData("$.post.layout.afterEmbeds", "101", false)]
    [InlineData("$.post.layout.afterEmbeds", "-1", false)]
    [InlineData("$.post.layout.endOfFile", "1.5", false)]
    [InlineData("$.post.layout.endOfFile", "null", false)]
    [InlineData("$.post.layout.endOfFile", "\"3\"", false)]
    // arXiv ids
    [InlineData("$.papers[0].id", "\"2104.14421\"", true)]
    [InlineData("$.papers[0].id", "\"0704.0001\"", true)]
    [InlineData("$.papers[0].id", "\"2104.14421v12\"", true)]
    [InlineData("$.papers[0].id", "\"math.GT/0309136\"", true)]
    [InlineData("$.papers[0].id", "\"cond-mat/9901001v3\"", true)]
    [InlineData("$.papers[0].id", "\"2104.144\"", false)]
    [InlineData("$.papers[0].id", "\"2104.144210\"", false)]
    [InlineData("$.papers[0].id", "\"2113.14421\"", false)]
    [InlineData("$.papers[0].id", "\"2104.14421v0\"", false)]
    [InlineData("$.papers[0].id", "\"2104.14421V2\"", false)]
    [InlineData("$.papers[0].id", "\"arXiv:2104.14421\"", false)]
    [InlineData("$.papers[0].id", "\" 2104.14421\"", false)]
    [InlineData("$.papers[0].id", "\"HEP-TH/9901001\"", false)]
    [InlineData("$.papers[0].id", "\"٢١٠٤.١٤٤٢١\"", false)]
    [InlineData("$.papers[0].id", "\"٢١04.١٤٤٢١\"", false)]
    [InlineData("$.papers[0].id", "\"2104.14421\\n\"", false)]
    [InlineData("$.papers[0].id", "2104.14421", false)]
    // texts
    [InlineData("$.papers[0].title", "\" \"", false)]
    [InlineData("$.papers[0].title", "\"\"", false)]
    [InlineData("$.papers[0].title", "\"a\\u0000b\"", false)]
    [InlineData("$.papers[0].title", "\"x: y # z\"", true)]
    [InlineData("$.papers[0].abstract", "\"\"", true)]
    [InlineData("$.papers[0].abstract", "null", false)]
    [InlineData("$.papers[0].authors", "[\"\"]", false)]
    [InlineData("$.papers[0].authors", "\"Ada\"", false)]
    [InlineData("$.papers[0].categories", "[\"cs.LG\", \"\"]", false)]
    // links
    [InlineData("$.papers[0].links.abs", "\"HTTPS://arxiv.org/abs/2104.00001\"", true)]
    [InlineData("$.papers[0].links.abs", "\"ftp://arxiv.org/abs/2104.00001\"", false)]
    [InlineData("$.papers[0].links.abs", "\"arxiv.org/abs/2104.00001\"", false)]
    [InlineData("$.papers[0].links.abs", "\"https://arxiv.org/abs/2104 00001\"", false)]
    [InlineData("$.papers[0].links.abs", "\"https://\"", false)]
    [InlineData("$.papers[0].links.abs", "null", false)]
    [InlineData("$.papers[0].links.pdf", "null", true)]
    [InlineData("$.papers[0].links.pdf", "\"\"", false)]
    // counts
    [InlineData("$.papers[0].totals.retweets", "0", true)]
    [InlineData("$.papers[0].totals.retweets", "9007199254740992", true)]
    [InlineData("$.papers[0].totals.retweets", "9007199254740993", false)]
    [InlineData("$.papers[0].totals.retweets", "-1", false)]
    [InlineData("$.papers[0].totals.retweets", "1.5", false)]
    [InlineData("$.papers[0].totals.retweets", "1.0", true)]
    [InlineData("$.papers[0].totals.retweets", "1e2", true)]
    [InlineData("$.papers[0].totals.retweets", "1e300", false)]
    [InlineData("$.papers[0].totals.retweets", "\"12\"", false)]
    [InlineData("$.papers[0].totals", "null", false)]
    [InlineData("$.papers[0].tweets[0].retweets", "null", false)]
    [InlineData("$.papers[0].tweets[0].favorites", "3", true)]
    // tweets
    [InlineData("$.papers[0].tweets[0].created", "\"2021-04-30\"", true)]
    [InlineData("$.papers[0].tweets[0].created", "\"2021-04-30T10:00:00Z\"", true)]
    [InlineData("$.papers[0].tweets[0].created", "\"2021-04-30T10:00:00\"", false)]
    [InlineData("$.papers[0].tweets[0].created", "\"April 30, 2021\"", false)]
    [InlineData("$.papers[0].tweets[0].created", "null", false)]
    [InlineData("$.papers[0].tweets[0].author.handle", "\"a\"", true)]
    [InlineData("$.papers[0].tweets[0].author.handle", "\"@ada\"", false)]
    [InlineData("$.papers[0].tweets[0].author.handle", "\"ada lovelace\"", false)]
    [InlineData("$.papers[0].tweets[0].author.handle", "\"adé\"", false)]
    [InlineData("$.papers[0].tweets[0].author.handle", "\"\"", false)]
    [InlineData("$.papers[0].tweets[0].author.handle", "\"a123456789a123456789a123456789a123456789a123456789\"", true)]
    [InlineData("$.papers[0].tweets[0].author.handle", "\"a123456789a123456789a123456789a123456789a123456789b\"", false)]
    [InlineData("$.papers[0].tweets[0].author.name", "null", false)]
    [InlineData("$.papers[0].tweets[0].lang", "null", true)]
    [InlineData("$.papers[0].tweets[0].embedHtml", "null", true)]
    [InlineData("$.papers[0].tweets[0].retweetOf", "1387999999999999999", false)]
    [InlineData("$.papers[0].tweets[0].url", "\"https://twitter.com/ada/status/1\"", true)]
    [InlineData("$.papers[0].tweets[0].url", "\"twitter.com/ada/status/1\"", false)]
    [InlineData("$.papers[0].tweets", "[]", true)]
    [InlineData("$.papers[0].tweets", "null", false)]
    [InlineData("$.papers", "[]", true)]
    [InlineData("$.papers", "{}", false)]
    // Version 2's alone: a version 1 file has no networks but Twitter's, and collect never writes one.
    [InlineData("$.unanswered", "[\"twitter\"]", false)]
    public void Schema_and_reader_agree_on_edge_values(string path, string json, bool accepted) => AssertAgree(Full(), path, json, accepted);

    /// <summary>The reader and the schema both accept, or both refuse, <paramref name="doc"/> with <paramref name="json"/> at <paramref name="path"/>.</summary>
    private static void AssertAgree(JsonObject doc, string path, string json, bool accepted)
    {
        Set(doc, path, JsonNode.Parse(json));
        var bytes = Bytes(doc);
        var readerAccepts = Load(bytes) is not null;
        var schemaAccepts = SchemaAccepts(bytes, out var errors);
        Assert.True(accepted == readerAccepts, $"reader {(readerAccepts ? "accepts" : "rejects")} {path} = {json}: " + string.Join("; ", Problems(bytes)));
        Assert.True(accepted == schemaAccepts, $"schema {(schemaAccepts ? "accepts" : "rejects")} {path} = {json}: {errors}");
    }

    /// <summary>The two rules a JSON Schema cannot state (the schema's description names them): the reader alone enforces them.</summary>
    [Theory]
    [InlineData("$.endDate", "\"2021-04-29\"", "$.endDate")]
    [InlineData("$.papers[1].id", "\"2104.00001\"", "$.papers[1].id")]
    public void Rules_beyond_the_schema_are_the_readers(string path, string json, string problemAt)
    {
        var doc = Full();
        Set(doc, path, JsonNode.Parse(json));
        var bytes = Bytes(doc);
        Assert.True(SchemaAccepts(bytes, out _));
        Assert.Equal(problemAt, Assert.Single(Problems(bytes)).Location);
        var description = SchemaNode("")["description"]!.GetValue<string>();
        Assert.Contains("endDate is not before date", description);
        Assert.Contains("each paper id appears once", description);
    }

    // ---- helpers ----

    private static DigestRecords? Load(byte[] bytes)
    {
        try
        {
            return new RecordsLoader(TimeZoneInfo.Utc).Parse("test.json", bytes);
        }
        catch (InputException)
        {
            return null;
        }
    }

    private static IReadOnlyList<InputProblem> Problems(byte[] bytes)
    {
        try
        {
            new RecordsLoader(TimeZoneInfo.Utc).Parse("test.json", bytes);
            return [];
        }
        catch (InputException e)
        {
            return e.Problems;
        }
    }

    private static bool SchemaAccepts(byte[] bytes, out string errors)
    {
        using var doc = JsonDocument.Parse(bytes);
        // Each version's schema judges its own files; the format decides which (the reader's way too).
        var version2 = doc.RootElement.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == RecordsReader.FormatName2;
        var result = (version2 ? Schema2 : Schema).Value.Evaluate(doc.RootElement, Options);
        errors = Errors(result);
        return result.IsValid;
    }

    private static string Errors(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}")));

    private static byte[] Bytes(JsonNode doc) => Encoding.UTF8.GetBytes(doc.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    private static JsonNode SchemaNode(string pointer, string? path = null)
    {
        JsonNode node = JsonNode.Parse(File.ReadAllText(path ?? SchemaPath))!;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)) node = node[part]!;
        return node;
    }

    /// <summary>Steps of a reader path such as <c>$.papers[0].tweets[0]</c>.</summary>
    private static IEnumerable<object> Steps(string path)
    {
        foreach (var part in path[1..].Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            yield return bracket < 0 ? part : part[..bracket];
            if (bracket >= 0) yield return int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static JsonNode At(JsonNode root, string path)
    {
        var node = root;
        foreach (var step in Steps(path)) node = step is int i ? node[i]! : node[(string)step]!;
        return node;
    }

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var steps = Steps(path).ToList();
        var parent = root;
        foreach (var step in steps[..^1]) parent = step is int i ? parent[i]! : parent[(string)step]!;
        if (steps[^1] is int index) parent[index] = value;
        else parent[(string)steps[^1]] = value;
    }
}
