using System.Globalization;
using System.Text.Json;
using HotPapers.Records;

namespace HotPapers.Collecting;

/// <summary>
/// A source's JSON answer, read leniently (unknown keys ignored, documented-optional ones may be missing
/// or null) and strictly where the records need a value: a missing or mistyped one is a
/// <see cref="SourceException"/> naming the source, the URL and the JSON path, never a made-up value.
/// </summary>
internal sealed class JsonBody : IDisposable
{
    private readonly JsonDocument _document;

    private JsonBody(string source, Uri url, JsonDocument document)
    {
        Source = source;
        Url = url;
        _document = document;
    }

    public string Source { get; }
    public Uri Url { get; }
    public JsonElement Root => _document.RootElement;

    public static JsonBody Parse(string source, FetchedResponse response)
    {
        try
        {
            return new JsonBody(source, response.Url, JsonDocument.Parse(response.Body, new JsonDocumentOptions { MaxDepth = 64 }));
        }
        catch (JsonException e)
        {
            var what = e.Message.IndexOf(" LineNumber:", StringComparison.Ordinal) is var i and > 0 ? e.Message[..i] : e.Message;
            throw new SourceException(source, response.Url, string.Create(CultureInfo.InvariantCulture,
                $"malformed JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1} of {response.Body.Length}: {what.TrimEnd('.')}{(CutShort(e.Message) ? " (the body is cut short)" : "")}"));
        }
    }

    // What System.Text.Json says of a document that stops before it ends.
    private static bool CutShort(string message) =>
        message.Contains("reached end of data", StringComparison.Ordinal) || message.Contains("end of the JSON payload", StringComparison.Ordinal);

    public SourceException Fail(string path, string expected, JsonElement? found) =>
        new(Source, Url, $"{path}: expected {expected}, found {Describe(found)}");

    public JsonElement Array(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Array ? element : throw Fail(path, "an array", element);

    public JsonElement Object(JsonElement parent, string path, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : throw Fail($"{path}.{name}", "an object", Found(parent, name));

    public string String(JsonElement parent, string path, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s && !s.Contains('\0')
            ? s : throw Fail($"{path}.{name}", "a non-empty string", Found(parent, name));

    public string? OptionalString(JsonElement parent, string path, string name)
    {
        if (!parent.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.String && !v.GetString()!.Contains('\0') ? v.GetString() : throw Fail($"{path}.{name}", "a string or null", v);
    }

    /// <summary>A count: a whole number from 0 (the records' counts).</summary>
    public long Count(JsonElement parent, string path, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d >= 0 && d <= 9007199254740992 && Math.Floor(d) == d
            ? (long)d : throw Fail($"{path}.{name}", "a whole number from 0", Found(parent, name));

    public DateTimeOffset Time(JsonElement parent, string path, string name)
    {
        var text = String(parent, path, name);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) && text.Contains('T')
            ? t : throw Fail($"{path}.{name}", "an ISO 8601 time", parent.GetProperty(name));
    }

    private static JsonElement? Found(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) ? v : null;

    private static string Describe(JsonElement? element) => element switch
    {
        null => "none",
        { ValueKind: JsonValueKind.String } s => $"the string {JsonChecker.Quote(Cut(s.GetString()!))}",
        { ValueKind: JsonValueKind.Number } n => $"the number {n.GetRawText()}",
        { ValueKind: JsonValueKind.Object } => "an object",
        { ValueKind: JsonValueKind.Array } => "an array",
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => "null",
    };

    private static string Cut(string s) => s.Length > 60 ? s[..60] + "..." : s;

    public void Dispose() => _document.Dispose();
}
