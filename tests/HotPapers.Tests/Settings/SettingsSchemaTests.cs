using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HotPapers.Building;
using HotPapers.Records;
using HotPapers.Settings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HotPapers.Tests.Settings;

/// <summary>The published JSON Schema and the reader know the same keys, types and defaults, and judge files alike.</summary>
public sealed class SettingsSchemaTests
{
    private static JsonObject Schema() => JsonNode.Parse(File.ReadAllText(
        Path.Combine(Fixture.RepoRoot(), "src", "HotPapers", "Settings", "hotpapers-settings.schema.json")))!.AsObject();

    private static IEnumerable<(string Name, JsonObject Node)> SchemaKeys(JsonObject schema)
    {
        foreach (var (name, node) in schema["properties"]!.AsObject())
        {
            if (node!["properties"] is JsonObject inner)
            {
                foreach (var (innerName, innerNode) in inner) yield return ($"{name}.{innerName}", innerNode!.AsObject());
            }
            else
            {
                yield return (name, node.AsObject());
            }
        }
    }

    [Fact]
    public void The_schema_has_exactly_the_readers_keys_and_sections()
    {
        var schema = Schema();
        Assert.Equal(SettingKeys.All.Select(k => k.Name).Order(StringComparer.Ordinal),
            SchemaKeys(schema).Select(k => k.Name).Order(StringComparer.Ordinal));
        foreach (var section in SettingKeys.Sections)
            Assert.False(schema["properties"]![section]!["additionalProperties"]!.GetValue<bool>());
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void The_schema_defaults_are_the_built_in_ones()
    {
        var defaults = BuildSettings.Default;
        foreach (var (name, node) in SchemaKeys(Schema()))
        {
            var key = SettingKeys.Find(name)!;
            var expected = key.Get(defaults) switch
            {
                null => "null",
                string s => JsonSerializer.Serialize(s),
                bool b => b ? "true" : "false",
                long n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                decimal d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
                System.Collections.Immutable.ImmutableSortedDictionary<string, decimal> { Count: 0 } => "{}",
                System.Collections.Immutable.ImmutableArray<string> list => "[" + string.Join(",", list.Select(i => JsonSerializer.Serialize(i))) + "]",
                SourceSettings source => "{" + string.Join(",", CollectSettings.SourceKeys(key.Key).Select(k => k switch
                {
                    "enabled" => $"\"enabled\":{(source.Enabled ? "true" : "false")}",
                    "baseUrl" => $"\"baseUrl\":{JsonSerializer.Serialize(source.BaseUrl.AbsoluteUri)}",
                    _ => $"\"embedUrl\":{JsonSerializer.Serialize(source.EmbedUrl!.AbsoluteUri)}",
                })) + "}",
                var other => throw new InvalidOperationException(other.GetType().Name),
            };
            Assert.True(node.ContainsKey("default"), name + " has no default in the schema");
            Assert.Equal(expected, node["default"]?.ToJsonString() ?? "null");
            Assert.False(string.IsNullOrWhiteSpace(node["description"]?.GetValue<string>()), name + " has no description");
        }
    }

    public static TheoryData<string> Documents() =>
    [
        "",
        "flavor: hugo\n",
        "flavor: jekyll\n",
        "flavor: 1\n",
        "timezone: Asia/Tokyo\n",
        "timezone: \"+09:00\"\n",
        "timezone: 9\n",
        "timezone: \"Asia Tokyo\"\n",
        "records: data\n",
        "records: \"\"\n",
        "records:\n",
        "output: [a]\n",
        "fileName: \"{date}.md\"\n",
        "fileName: post.md\n",
        "fileName: \"/abs/{date}.md\"\n",
        "fileName: \"a/../{date}.md\"\n",
        "fileName: \"..{date}.md\"\n",
        // Found by a new user's trial: no file name, which failed at the commit.
        "fileName: \"{date}/\"\n",
        "fileName: \"posts//{date}.md\"\n",
        "fileName: \"./{date}.md\"\n",
        "fileName: \"{date}/./index.md\"\n",
        "fileName: \"{date}/.\"\n",
        "fileName: \".{date}.md\"\n",
        "fileName: \"{date}\\\\\"\n",
        "templates:\n",
        "templates: null\n",
        "templates: tpl\n",
        "templates: 3\n",
        "ranking:\n",
        "ranking: 3\n",
        "ranking:\n  minPaperScore: 0\n",
        "ranking:\n  minPaperScore: -1\n",
        "ranking:\n  minPaperScore: 2147483648\n",
        "ranking:\n  minPaperScore: \"5\"\n",
        "ranking:\n  maxTweets: 0x10\n",
        "ranking:\n  maxTweets: 1.5\n",
        "ranking:\n  minPaperScore: 12.5\n",
        "ranking:\n  minTweetScore: 0.5\n",
        "ranking:\n  minMentionScore: 2147483647.5\n",
        "ranking:\n  maxMentions: 3\n",
        "ranking:\n  minMentionScore: -3\n",
        "ranking:\n  minTweetScore: 3\n",
        "ranking:\n  weights: {}\n",
        "ranking:\n  weights:\n    bluesky: 2\n    hackernews: 0.5\n    twitter: 0\n",
        "ranking:\n  weights:\n    mastodon: 1e1\n",
        "ranking:\n  weights:\n    bluesky: -1\n",
        "ranking:\n  weights:\n    myspace: 1\n",
        "ranking:\n  weights:\n    reddit: \"2\"\n",
        "ranking:\n  weights: 2\n",
        "ranking:\n  requirePdf: false\n",
        "ranking:\n  requirePdf: no\n",
        "ranking:\n  requirePdf: \"true\"\n",
        "ranking:\n  unknown: 1\n",
        "post:\n  title: Hot {date}\n",
        "post:\n  title: Hot papers\n",
        "post:\n  title: \"Papers {data}\"\n",
        "post:\n  title: \"Hot {date} {x\"\n",
        "post:\n  description: \"{title} of {date}\"\n",
        "post:\n  slug: papers\n",
        "post:\n  slug: papers-{date}\n",
        "post:\n  slug: \"{Date}-{date}\"\n",
        "fileName: \"{date}/index.md\"\n",
        "fileName: \"{date}-{slug}.md\"\n",
        "post:\n  title: \"Hot Papers {{ date }}\"\n",
        "post:\n  title: \"Hot Papers { date }\"\n",
        "post:\n  title: \"Hot Papers {date}}\"\n",
        "post:\n  description: \"a } b\"\n",
        "post:\n  slug: \"{date}-{date}\"\n",
        "fileName: \"{date}/{ date }.md\"\n",
        "post:\n  title: 2021\n",
        "post:\n  title: \"2021\"\n",
        "post:\n  title: yes\n",
        "post:\n  title: null\n",
        "post:\n  tags: []\n",
        "post:\n  tags: [a, b]\n",
        "post:\n  tags: [a, true]\n",
        "post:\n  tags: a\n",
        "post:\n  draft: true\n",
        "post:\n  draft: 1\n",
        "post:\n  socialImage: \"\"\n",
        "post:\n  layout: x\n",
        "collect:\n",
        "collect:\n  contact: you@example.org\n",
        "collect:\n  contact: null\n",
        "collect:\n  contact: 3\n",
        "collect:\n  contact: \"J\u00f6rg <jorg@example.org>\"\n",
        "collect:\n  contact: \"\"\n",
        "collect:\n  contact: \"   \"\n",
        "collect:\n  contact: \"a\\tb\"\n",
        "collect:\n  cache: .cache\n",
        "collect:\n  cache: \"\"\n",
        "collect:\n  cacheMaxAge: 12h\n",
        "collect:\n  cacheMaxAge: 0s\n",
        "collect:\n  cacheMaxAge: 0\n",
        "collect:\n  cacheMaxAge: 12 hours\n",
        "collect:\n  arxiv: { baseUrl: \"http://127.0.0.1:8080\" }\n",
        "collect:\n  arxiv: { enabled: false }\n",
        "collect:\n  arxiv: https://export.arxiv.org\n",
        "collect:\n  huggingface: { enabled: false }\n",
        "collect:\n  huggingface: { enabled: no }\n",
        "collect:\n  hackernews: { baseUrl: \"ftp://hn.example\" }\n",
        "collect:\n  hackernews: { baseUrl: \"https://hn.example/?q=1\" }\n",
        "collect:\n  bluesky: { enabled: true, baseUrl: \"https://pds.example\", embedUrl: \"https://embed.example/x\" }\n",
        "collect:\n  mastodon: { embedUrl: \"https://m.example\" }\n",
        "collect:\n  twitter:\n",
        "collect:\n  reddit: { enabled: true }\n",
        "site:\n  language: pt-BR\n",
        "site:\n  language: zh-Hant-TW\n",
        "site:\n  language: en_US\n",
        "site:\n  language: \"\"\n",
        "site:\n  language: \"en\\\" onload=x\"\n",
        "site:\n  language: 1\n",
        "colour: red\n",
        "[1, 2]\n",
        "just text\n",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_schema_and_the_reader_accept_the_same_files(string yaml)
    {
        var readerAccepts = true;
        try
        {
            SettingsFile.Parse("hotpapers.yml", yaml, "");
        }
        catch (InputException)
        {
            readerAccepts = false;
        }
        var errors = new List<string>();
        Validate(Schema(), ToJson(yaml), "$", errors);
        Assert.True(readerAccepts == (errors.Count == 0),
            $"reader {(readerAccepts ? "accepts" : "rejects")}, schema {(errors.Count == 0 ? "accepts" : "rejects: " + string.Join("; ", errors))}");
    }

    [Fact]
    public void The_validator_here_can_reject()
    {
        var errors = new List<string>();
        Validate(Schema(), ToJson("flavor: jekyll\nranking:\n  maxTweets: -2\n"), "$", errors);
        Assert.Equal(2, errors.Count);
    }

    // The one difference, by design: a zone name of the right shape that no zone database knows.
    [Fact]
    public void Only_the_reader_knows_which_zones_exist()
    {
        var errors = new List<string>();
        Validate(Schema(), ToJson("timezone: Mars/Olympus\n"), "$", errors);
        Assert.Empty(errors);
        Assert.Throws<InputException>(() => SettingsFile.Parse("hotpapers.yml", "timezone: Mars/Olympus\n", ""));
    }

    /// <summary>The YAML as an editor's YAML 1.2 core schema reads it; an empty file as an empty mapping.</summary>
    private static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? new JsonObject() : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode m:
                var o = new JsonObject();
                foreach (var (k, v) in m.Children) o[((YamlScalarNode)k).Value!] = Convert(v);
                return o;
            case YamlSequenceNode s:
                var a = new JsonArray();
                foreach (var item in s.Children) a.Add(Convert(item));
                return a;
            case YamlScalarNode { Style: not ScalarStyle.Plain } q:
                return JsonValue.Create(q.Value);
            case YamlScalarNode { Value: var v }:
                if (v is null or "" or "~" or "null" or "Null" or "NULL") return null;
                if (v is "true" or "True" or "TRUE") return JsonValue.Create(true);
                if (v is "false" or "False" or "FALSE") return JsonValue.Create(false);
                if (Regex.IsMatch(v, "^[-+]?[0-9]+$")) return JsonValue.Create(decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture));
                if (Regex.IsMatch(v, "^0x[0-9a-fA-F]+$")) return JsonValue.Create((decimal)System.Convert.ToInt64(v[2..], 16));
                if (Regex.IsMatch(v, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")) return JsonValue.Create(double.Parse(v, System.Globalization.CultureInfo.InvariantCulture));
                return JsonValue.Create(v);
            default:
                throw new InvalidOperationException();
        }
    }

    /// <summary>The part of JSON Schema the settings schema uses: type, enum, properties, additionalProperties, items, minimum, maximum, minLength, pattern.</summary>
    private static void Validate(JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        var kind = value switch
        {
            null => "null",
            JsonObject => "object",
            JsonArray => "array",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => "string",
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValue v when v.TryGetValue<decimal>(out _) => "integer",
            _ => "number",
        };
        if (schema["type"] is { } type)
        {
            var allowed = type is JsonArray list ? list.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            if (!allowed.Contains(kind) && !(kind == "integer" && allowed.Contains("number")))
            {
                errors.Add($"{path}: {kind} is not {string.Join("|", allowed)}");
                return;
            }
        }
        if (schema["enum"] is JsonArray choices && !choices.Any(c => JsonNode.DeepEquals(c, value)))
            errors.Add($"{path}: not one of the enum");
        if (value is JsonObject obj)
        {
            var properties = schema["properties"]?.AsObject();
            foreach (var (name, child) in obj)
            {
                if (properties?[name] is JsonObject sub) Validate(sub, child, $"{path}.{name}", errors);
                else if (schema["patternProperties"]?.AsObject().FirstOrDefault(p => Regex.IsMatch(name, p.Key, RegexOptions.ECMAScript)).Value is JsonObject matched)
                    Validate(matched, child, $"{path}.{name}", errors);
                else if (schema["additionalProperties"]?.GetValue<bool>() == false) errors.Add($"{path}.{name}: not allowed");
            }
        }
        if (value is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++) Validate(items, array[i], $"{path}[{i}]", errors);
        }
        if (kind is "integer" or "number")
        {
            var n = kind == "integer" ? value!.GetValue<decimal>() : (decimal)value!.GetValue<double>();
            if (schema["minimum"] is { } min && n < min.GetValue<decimal>()) errors.Add($"{path}: below minimum");
            if (schema["maximum"] is { } max && n > max.GetValue<decimal>()) errors.Add($"{path}: above maximum");
        }
        if (kind == "string")
        {
            var s = value!.GetValue<string>();
            if (schema["minLength"] is { } minLength && s.Length < minLength.GetValue<int>()) errors.Add($"{path}: too short");
            if (schema["pattern"] is { } pattern && !Regex.IsMatch(s, pattern.GetValue<string>(), RegexOptions.ECMAScript)) errors.Add($"{path}: does not match pattern");
        }
    }
}
