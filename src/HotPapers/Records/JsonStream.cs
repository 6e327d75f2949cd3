using System.Collections.Immutable;
using System.Text.Json;

namespace HotPapers.Records;

/// <summary>
/// What the one-pass readers (<see cref="LegacyCrawlerStreamReader"/>, <see cref="RecordsStreamReader"/>)
/// share: values read off a <see cref="Utf8JsonReader"/> by <see cref="JsonChecker"/>'s rules, each false
/// for anything JsonChecker would report (or look at twice), so that the reader gives up and the careful
/// reader reads the file and says what is wrong.
/// </summary>
internal static class JsonStream
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Reads the value the reader is on into a <typeparamref name="T"/>, or null to give up.</summary>
    public delegate T? ValueReader<T>(ref Utf8JsonReader r) where T : class;

    /// <summary>What <paramref name="read"/> makes of the JSON's root value, or null where it gave up or the JSON is not well-formed.</summary>
    public static T? TryRead<T>(ReadOnlySpan<byte> json, ValueReader<T> read) where T : class
    {
        var r = new Utf8JsonReader(json, Options);
        try
        {
            // After the root value, nothing but white space (Read throws on anything else).
            return r.Read() && read(ref r) is { } value && !r.Read() ? value : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not well-formed, or a \u escape of a lone surrogate: the careful reader says where.
            return null;
        }
    }

    public delegate bool KeyReader(ref Utf8JsonReader r, string key);

    /// <summary>
    /// Reads the object the reader is on key by key: <paramref name="read"/> gets each of
    /// <paramref name="keys"/> there is, by name, and reads its value. Other keys are skipped where
    /// <paramref name="otherKeys"/> allows them; otherwise they end the reading (false), as does a key
    /// written with escapes or one that may be a repeat.
    /// </summary>
    public static bool Object(ref Utf8JsonReader r, JsonKeys keys, bool otherKeys, KeyReader read)
    {
        if (r.TokenType != JsonTokenType.StartObject) return false;
        var seen = new DistinctKeys();
        while (true)
        {
            // The reader has checked the JSON: in an object, a token is a key or the object's end.
            r.Read();
            if (r.TokenType == JsonTokenType.EndObject) return true;
            if (r.ValueIsEscaped) return false;
            var name = r.ValueSpan;
            var index = keys.IndexOfUnescaped(name);
            if (!seen.Add(index, name)) return false;
            r.Read();
            if (index < 0 ? !otherKeys || !Skip(ref r) : !read(ref r, keys.Names[index])) return false;
        }
    }

    /// <summary>The array the reader is on, each item read by <paramref name="read"/> (null ends the reading: false).</summary>
    public static bool Array<T>(ref Utf8JsonReader r, ValueReader<T> read, out ImmutableArray<T>? items) where T : class
    {
        items = null;
        if (r.TokenType != JsonTokenType.StartArray) return false;
        var list = ImmutableArray.CreateBuilder<T>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (read(ref r) is not { } item) return false;
            list.Add(item);
        }
        items = list.ToImmutable();
        return true;
    }

    public static bool Skip(ref Utf8JsonReader r)
    {
        r.Skip();
        return true;
    }

    public static bool Text(ref Utf8JsonReader r, bool nonEmpty, bool allowNull, out string? text)
    {
        text = null;
        if (allowNull && r.TokenType == JsonTokenType.Null) return true;
        if (r.TokenType != JsonTokenType.String) return false;
        text = r.GetString()!;
        return JsonChecker.TextFault(text, nonEmpty) is null;
    }

    /// <summary>An array of non-empty strings.</summary>
    public static bool Texts(ref Utf8JsonReader r, out ImmutableArray<string>? texts) =>
        Array(ref r, (ref Utf8JsonReader r) => Text(ref r, nonEmpty: true, allowNull: false, out var text) ? text : null, out texts);

    public delegate bool TextParser<T>(string text, out T value) where T : struct;

    /// <summary>A string that <paramref name="parse"/> takes (a date, a time), or null where not <paramref name="required"/>.</summary>
    public static bool Parsed<T>(ref Utf8JsonReader r, bool required, TextParser<T> parse, out T? value) where T : struct
    {
        value = null;
        if (!Text(ref r, nonEmpty: false, allowNull: !required, out var text)) return false;
        if (text is null) return true;
        if (!parse(text, out var parsed)) return false;
        value = parsed;
        return true;
    }

    public static bool Url(ref Utf8JsonReader r, bool required, out string? url) =>
        Text(ref r, nonEmpty: required, allowNull: !required, out url) && (url is null || JsonChecker.IsHttpUrl(url));

    // Whole numbers as such; 1.0 and 1e2 are counts too, but rare enough to leave to the careful reader.
    public static bool Count(ref Utf8JsonReader r, bool allowNumericString, out long? count)
    {
        count = null;
        long n;
        if (r.TokenType == JsonTokenType.Number ? !r.TryGetInt64(out n) || !JsonChecker.IsCount(n)
            : !allowNumericString || r.TokenType != JsonTokenType.String || !JsonChecker.TryCountText(r.GetString()!, out n))
            return false;
        count = n;
        return true;
    }

    public static bool Bool(ref Utf8JsonReader r, out bool? value)
    {
        value = r.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return value is not null;
    }
}
