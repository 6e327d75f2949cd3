using System.Text.Json;
using HotPapers.Records;

namespace HotPapers.Collecting;

/// <summary>
/// A place in a source's JSON answer, with its JSON path, so that every wrong shape is refused the same way:
/// a <see cref="SourceException"/> naming the source, the URL, the path, what was expected and what was
/// found. Unknown members are never looked at; optional ones may be missing or null. What was found is
/// named by its kind only (a string, a number...), never by its value: an answer may hold a token.
/// </summary>
internal readonly struct JsonReply
{
    public const long MaxCount = 1L << 53;

    private readonly JsonElement element;

    private JsonReply(string source, Uri url, JsonElement element, string path)
    {
        Source = source;
        Url = url;
        this.element = element;
        Path = path;
    }

    public string Source { get; }

    public Uri Url { get; }

    /// <summary>Where this value is, as <c>$.posts[2].record.text</c>.</summary>
    public string Path { get; }

    /// <summary>Parses <paramref name="response"/>'s body and hands its root to <paramref name="read"/> while the document is alive.</summary>
    public static T Read<T>(string source, FetchedResponse response, Func<JsonReply, T> read)
    {
        // The JSON reader checks a string's bytes only when the string is read, and then throws no JsonException.
        if (!System.Text.Unicode.Utf8.IsValid(response.Body)) throw new SourceException(source, response.Url, "the answer is not UTF-8 text");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(WithoutBom(response.Body), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new SourceException(source, response.Url, NotJson(response.Body, e));
        }
        using (document)
        {
            return read(new JsonReply(source, response.Url, document.RootElement, "$"));
        }
    }

    /// <summary>
    /// The body without a UTF-8 byte order mark at its start: RFC 8259 lets a parser ignore one, as System.Text.Json's
    /// own stream and serializer readers do. Found by a drift test: an answer that began with one (a proxy's, a
    /// server's encoder) was refused, "'0xEF' is an invalid start of a value".
    /// </summary>
    private static ReadOnlyMemory<byte> WithoutBom(byte[] body) => body.AsSpan().StartsWith("\uFEFF"u8) ? body.AsMemory(3) : body;

    /// <summary>
    /// Why a body is not JSON, for a person: an empty one as such; markup (a proxy's error page, a login page) by how
    /// it starts; else the reader's words, at the line and byte it counts from 1 (its own message counts from 0, in
    /// its own terms). A body that stops before its end is said to be cut short (a dropped connection, a proxy's limit).
    /// </summary>
    internal static string NotJson(ReadOnlySpan<byte> body, JsonException e)
    {
        var start = body.TrimStart(" \t\r\n"u8);
        // Found by a drift test: an empty 200 (a proxy's, a server's that had nothing to say) was told in the reader's
        // words, "The input does not contain any JSON tokens ... when isFinalBlock is true".
        if (start.Length == 0) return "the answer is not JSON but an empty body";
        if (start[0] == (byte)'<')
        {
            var text = System.Text.Encoding.UTF8.GetString(start[..Math.Min(start.Length, 40)]).ReplaceLineEndings(" ");
            return $"the answer is not JSON but markup, an HTML or XML page (it starts \"{text}{(start.Length > 40 ? "..." : "")}\")";
        }
        var what = e.Message;
        if (what.IndexOf(" LineNumber:", StringComparison.Ordinal) is var cut and >= 0) what = what[..cut].TrimEnd('.');
        var at = e.LineNumber is { } line && e.BytePositionInLine is { } column ? $" at line {line + 1}, byte {column + 1}" : "";
        return $"the answer is not JSON{at}: {what}{(CutShort(e.Message) ? " (the body is cut short)" : "")}";
    }

    // What System.Text.Json says of a document that stops before it ends.
    private static bool CutShort(string message) =>
        message.Contains("reached end of data", StringComparison.Ordinal) || message.Contains("end of the JSON payload", StringComparison.Ordinal);

    /// <summary>A refusal of this value: "expected ..., found ... at $.path".</summary>
    public SourceException Wrong(string expected) => Wrong(expected, Kind(element));

    public SourceException Wrong(string expected, string found) => new(Source, Url, $"expected {expected}, found {found} at {Path}");

    public bool IsNull => element.ValueKind is JsonValueKind.Null;

    /// <summary>The member <paramref name="name"/> of this object; when it is missing or null, reading it refuses it ("found nothing").</summary>
    public JsonReply Member(string name)
    {
        if (element.ValueKind != JsonValueKind.Object) throw Wrong("an object");
        return Child(name, element.TryGetProperty(name, out var value) ? value : default);
    }

    /// <summary>The member <paramref name="name"/> of this object, or null when it is missing or null.</summary>
    public JsonReply? OptionalMember(string name)
    {
        if (element.ValueKind != JsonValueKind.Object) throw Wrong("an object");
        return element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Child(name, value) : null;
    }

    /// <summary>The items of this array.</summary>
    public IEnumerable<JsonReply> Items()
    {
        if (element.ValueKind != JsonValueKind.Array) throw Wrong("an array");
        return ItemsOf(this);

        static IEnumerable<JsonReply> ItemsOf(JsonReply array)
        {
            var i = 0;
            foreach (var item in array.element.EnumerateArray())
            {
                yield return new JsonReply(array.Source, array.Url, item, $"{array.Path}[{i++}]");
            }
        }
    }

    /// <summary>The items of the array <paramref name="name"/>; none when it is missing or null.</summary>
    public IEnumerable<JsonReply> OptionalItems(string name) => OptionalMember(name)?.Items() ?? [];

    public int Count => element.ValueKind == JsonValueKind.Array ? element.GetArrayLength() : throw Wrong("an array");

    public bool Boolean() => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Wrong("true or false"),
    };

    public string String()
    {
        if (element.ValueKind != JsonValueKind.String) throw Wrong("a string");
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // The reader makes no string of a \u escape of half a UTF-16 pair ("\ud83d" alone: a text cut inside an
            // emoji), and threw out of the source with its own words, without the source's URL or the path.
            throw Wrong(JsonChecker.NoLoneSurrogates, "such an escape");
        }
    }

    public string String(string name) => Member(name).String();

    /// <summary>A member that is an id of ASCII digits (a post's, an item's): its page is named by it, so an empty or other one is refused as not <paramref name="expected"/>.</summary>
    public string DigitsId(string name, string expected)
    {
        var member = Member(name);
        var id = member.String();
        return id.Length > 0 && id.All(char.IsAsciiDigit) ? id : throw member.Wrong(expected, Found(id));
    }

    public string? OptionalString(string name) => OptionalMember(name)?.String();

    /// <summary>
    /// Text for people (a post's text, a name, a language tag) as a records file can hold it: without NUL
    /// characters, which records refuse and no reader would see; one such character must not cost a day.
    /// </summary>
    public string Text() => WithoutNul(String());

    public string Text(string name) => Member(name).Text();

    public string? OptionalText(string name) => OptionalString(name) is { } s ? WithoutNul(s) : null;

    /// <summary>
    /// A person's display name, or null when it is missing, null or shows nothing: empty, or only white space and
    /// invisible marks (zero-width spaces, direction marks), which the networks' own pages show as no name, the
    /// handle in its place. Found by a drift test: a name of one space was written as the author's, a name no reader sees.
    /// </summary>
    public string? OptionalName(string name) =>
        OptionalText(name) is { } s && s.Any(c => !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format) ? s : null;

    /// <summary>A handle: text that is not blank (records name every author by one), without a leading @.</summary>
    public string Handle(string name)
    {
        var m = Member(name);
        // Records refuse a leading @ (the post would show "(@@ada)"). No network documents one in its
        // answers, but a handle given as "@ada" is ada's, and must not make collect write what build refuses.
        var given = WithoutNul(m.String());
        var text = given.TrimStart('@');
        return text.AsSpan().Trim().Length > 0 ? text
            : throw m.Wrong("a handle", given.AsSpan().Trim().Length == 0 ? "an empty string" : Records.JsonChecker.Quote(given));
    }

    private static string WithoutNul(string s) => s.Contains('\0') ? s.Replace("\0", "", StringComparison.Ordinal) : s;

    /// <summary>A count (a whole number from 0), or null when missing or null.</summary>
    public long? OptionalCount(string name)
    {
        if (OptionalMember(name) is not { } m) return null;
        // Records hold counts up to 2^53, the whole numbers every JSON reader keeps exactly.
        return m.element.ValueKind == JsonValueKind.Number && m.element.TryGetInt64(out var n) && n is >= 0 and <= MaxCount ? n : throw m.Wrong("a count (a whole number from 0 to 2^53)");
    }

    /// <summary>A count (a whole number from 0) that must be there.</summary>
    public long RequiredCount(string name) => OptionalCount(name) ?? throw Member(name).Wrong("a count (a whole number from 0 to 2^53)");

    /// <summary>An RFC 3339 timestamp with an offset.</summary>
    public DateTimeOffset Instant(string name)
    {
        var m = Member(name);
        var text = m.String();
        return Rfc3339.TryParseWithOffset(WithinTicks(text), out var value) ? value : throw m.Wrong("an RFC 3339 date and time with an offset", Found(text));
    }

    /// <summary>
    /// <paramref name="text"/> with no more than 7 digits of a second's fraction, the ticks .NET's parser reads: RFC 3339
    /// bounds them not, atproto's datetimes allow any number (its spec's example has 9), and Go's RFC3339Nano writes 9.
    /// Found by a drift test: one post's createdAt in nanoseconds failed Bluesky's day. The digits after are dropped.
    /// </summary>
    private static string WithinTicks(string text)
    {
        var dot = text.IndexOf('.');
        if (dot < 0) return text;
        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        return end - dot - 1 > 7 ? text.Remove(dot + 8, end - dot - 8) : text;
    }

    /// <summary>Found text, quoted and shortened, for an answer's public value (a date, a link): never a token's.</summary>
    public static string Found(string text) => "\"" + (text.Length <= 60 ? text : text[..57] + "...") + "\"";

    private JsonReply Child(string name, JsonElement value) => new(Source, Url, value, $"{Path}.{name}");

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
