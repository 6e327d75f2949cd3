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
    // What NextKey returns besides a key's index.
    public const int Other = -1, End = -2, GiveUp = -3;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow };

    public delegate T? RootReader<T>(ref Utf8JsonReader r) where T : class;

    /// <summary>What <paramref name="read"/> makes of the JSON's root value, or null where it gave up or the JSON is not well-formed.</summary>
    public static T? TryRead<T>(ReadOnlySpan<byte> json, RootReader<T> read) where T : class
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

    /// <summary>
    /// Moves to the next key's value: the key's index among <paramref name="keys"/>, <see cref="Other"/>,
    /// <see cref="End"/> at the end of the object, or <see cref="GiveUp"/> for a key written with escapes
    /// or one that may be a repeat.
    /// </summary>
    public static int NextKey(ref Utf8JsonReader r, JsonKeys keys, ref DistinctKeys seen)
    {
        // The reader has checked the JSON: in an object, a token is a key or the object's end.
        r.Read();
        if (r.TokenType == JsonTokenType.EndObject) return End;
        if (r.ValueIsEscaped) return GiveUp;
        var name = r.ValueSpan;
        var index = keys.IndexOfUnescaped(name);
        if (!seen.Add(index, name)) return GiveUp;
        r.Read();
        return index;
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
    public static bool Texts(ref Utf8JsonReader r, out ImmutableArray<string>? texts)
    {
        texts = null;
        if (r.TokenType != JsonTokenType.StartArray) return false;
        var list = ImmutableArray.CreateBuilder<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (!Text(ref r, nonEmpty: true, allowNull: false, out var text)) return false;
            list.Add(text!);
        }
        texts = list.ToImmutable();
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
