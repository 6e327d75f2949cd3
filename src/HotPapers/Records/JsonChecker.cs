using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace HotPapers.Records;

/// <summary>
/// Reads values out of a JSON tree and records a problem for each one that is missing or of the wrong
/// shape, so that a file with ten mistakes is reported once with all ten.
/// </summary>
internal sealed class JsonChecker(string file)
{
    private readonly List<InputProblem> _problems = [];

    public IReadOnlyList<InputProblem> Problems => _problems;

    public void Report(string path, string expected, string found) => _problems.Add(new(file, path, expected, found));

    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => Quote(e.GetString()!),
        JsonValueKind.Number => "the number " + e.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => $"an array of {e.GetArrayLength()}",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };

    public static string Quote(string s) => s.Length <= 60 ? $"\"{s}\"" : $"\"{s[..57]}...\"";

    public bool IsObject(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Object) return true;
        Report(path, "an object", Describe(e));
        return false;
    }

    /// <summary>
    /// The object's fields; reports keys the format does not define (a misspelt key must not be silently
    /// ignored), then keys given twice.
    /// </summary>
    public JsonFields Fields(JsonElement obj, string path, JsonKeys known)
    {
        var fields = new JsonFields(known);
        HashSet<string>? seenOther = null;
        List<string>? again = null;
        foreach (var p in obj.EnumerateObject())
        {
            var index = fields.Take(p, JsonMarshal.GetRawUtf8PropertyName(p), out var repeated);
            if (index >= 0)
            {
                if (repeated) (again ??= []).Add(known.Names[index]);
                continue;
            }
            var name = p.Name;
            Report($"{path}.{name}", "one of the keys " + string.Join(", ", known.Names), $"the unknown key \"{name}\"");
            if (!(seenOther ??= new HashSet<string>(StringComparer.Ordinal)).Add(name)) (again ??= []).Add(name);
        }
        // Repeats after the unknown keys, each where it appears a second time.
        foreach (var name in again ?? []) Report($"{path}.{name}", "each key once", $"the key \"{name}\" again");
        return fields;
    }

    /// <summary>
    /// The object's fields among <paramref name="wanted"/>, other keys allowed; reports any key given twice
    /// (JSON readers differ on which of its values wins).
    /// </summary>
    public JsonFields FieldsOnce(JsonElement obj, string path, JsonKeys wanted)
    {
        var fields = new JsonFields(wanted);
        var keys = new DistinctKeys();
        var exact = false;
        foreach (var p in obj.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(p);
            var index = fields.Take(p, raw, out _);
            if (!exact && !keys.Add(index, raw)) exact = true;
        }
        if (exact) EachKeyOnce(obj, path);
        return fields;
    }

    private void EachKeyOnce(JsonElement obj, string path)
    {
        HashSet<string>? seen = null;
        foreach (var p in obj.EnumerateObject())
        {
            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(p.Name)) Report($"{path}.{p.Name}", "each key once", $"the key \"{p.Name}\" again");
        }
    }

    public JsonElement? Get(JsonFields obj, string name, string path, bool required)
    {
        if (obj.TryGet(name, out var v)) return v;
        if (required) Report($"{path}.{name}", "a value", "no such key");
        return null;
    }

    public string? String(JsonFields obj, string name, string path, bool required = true, bool nonEmpty = false)
    {
        if (Get(obj, name, path, required) is not { } v) return null;
        return StringAt(v, new Place(path, name), nonEmpty, allowNull: !required);
    }

    // Paths of values are made only for the values reported: a tweet has a dozen.
    private string? StringAt(JsonElement v, Place at, bool nonEmpty, bool allowNull)
    {
        if (allowNull && v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String)
        {
            Report(at.ToString(), nonEmpty ? "a non-empty string" : "a string", Describe(v));
            return null;
        }
        var s = v.GetString()!;
        if (TextFault(s, nonEmpty) is { } fault)
        {
            Report(at.ToString(), fault.Expected, fault.Found);
            return null;
        }
        return s;
    }

    /// <summary>What is wrong with a string value as text, if anything.</summary>
    internal static (string Expected, string Found)? TextFault(string s, bool nonEmpty) =>
        nonEmpty && s.AsSpan().Trim().Length == 0 ? ("a non-empty string", "an empty string")
        : s.Contains('\0') ? ("text without NUL characters", "a NUL character")
        : null;

    /// <summary>Where a value is: an object's path and the value's key, or an array's path and the item's index.</summary>
    private readonly record struct Place(string Path, string? Name = null, int Index = -1)
    {
        public override string ToString() =>
            (Name is null ? Path : $"{Path}.{Name}") + (Index >= 0 ? $"[{Index}]" : "");
    }

    public string? Url(JsonFields obj, string name, string path, bool required = true)
    {
        var s = String(obj, name, path, required, nonEmpty: required);
        if (s is null) return null;
        if (!IsHttpUrl(s))
        {
            Report($"{path}.{name}", "an absolute http(s) URL", Quote(s));
            return null;
        }
        return s;
    }

    public static bool IsHttpUrl(string s) =>
        HttpUrl.IsPlainHttp(s) || (!s.Any(char.IsWhiteSpace) && HttpUrl.ParsesAsHttp(s));

    public bool? Bool(JsonFields obj, string name, string path)
    {
        if (Get(obj, name, path, required: false) is not { } v) return null;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        Report($"{path}.{name}", "true or false", Describe(v));
        return null;
    }

    /// <summary>A count: a whole number from 0 to 2^53 (what every JSON reader holds exactly).</summary>
    public long? Count(JsonFields obj, string name, string path, bool required, bool allowNumericString = false)
    {
        if (Get(obj, name, path, required) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && IsCount(n)) return n;
        // 1.0 and 1e2 are whole numbers too, as JSON Schema's "integer" has them.
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d >= 0 && d <= MaxCount) return (long)d;
        if (allowNumericString && v.ValueKind == JsonValueKind.String && TryCountText(v.GetString()!, out n)) return n;
        Report($"{path}.{name}", allowNumericString ? "a whole number from 0 to 2^53, or such a number as a string" : "a whole number from 0 to 2^53", Describe(v));
        return null;
    }

    public const long MaxCount = 1L << 53;

    internal static bool IsCount(long n) => n >= 0 && n <= MaxCount;

    /// <summary>A count written as a string of digits, as the old scraper wrote some.</summary>
    internal static bool TryCountText(string s, out long n) =>
        long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out n) && n <= MaxCount;

    /// <summary>A paper's tweets' counts must add up to a count too, or totals and scores would overflow.</summary>
    public void CountSums(IReadOnlyList<TweetRecord> tweets, string path)
    {
        if (!SumsFit(tweets)) Report(path, "retweet and favorite counts that add up to at most 2^53 per paper", "larger sums");
    }

    internal static bool SumsFit(IReadOnlyList<TweetRecord> tweets)
    {
        long retweets = 0, favorites = 0;
        foreach (var t in tweets)
        {
            retweets += t.Retweets ?? 0;
            favorites += t.Favorites ?? 0;
            if (retweets > MaxCount || favorites > MaxCount) return false;
        }
        return true;
    }

    /// <summary>The array's items with their paths.</summary>
    public IReadOnlyList<(JsonElement Item, string Path)> Array(JsonFields obj, string name, string path, bool required = true)
    {
        if (ArrayOf(obj, name, path, required) is not { } v) return [];
        var items = new List<(JsonElement, string)>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray()) items.Add((item, $"{path}.{name}[{items.Count}]"));
        return items;
    }

    private JsonElement? ArrayOf(JsonFields obj, string name, string path, bool required)
    {
        if (Get(obj, name, path, required) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Array) return v;
        Report($"{path}.{name}", "an array", Describe(v));
        return null;
    }

    /// <summary>An array of non-empty strings; the strings of it that are.</summary>
    public List<string> Strings(JsonFields obj, string name, string path, bool required = true)
    {
        var list = new List<string>();
        if (ArrayOf(obj, name, path, required) is not { } v) return list;
        var index = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (StringAt(item, new Place(path, name, index++), nonEmpty: true, allowNull: false) is { } s) list.Add(s);
        }
        return list;
    }

    public DateOnly? Date(JsonFields obj, string name, string path, bool required = true)
    {
        var s = String(obj, name, path, required);
        if (s is null) return null;
        if (Rfc3339.TryParseDate(s, out var d)) return d;
        Report($"{path}.{name}", "a date as YYYY-MM-DD", Quote(s));
        return null;
    }

    public DateTimeOffset? Instant(JsonFields obj, string name, string path, bool required = true)
    {
        var s = String(obj, name, path, required);
        if (s is null) return null;
        if (TryInstant(s, out var t)) return t;
        Report($"{path}.{name}", "an RFC 3339 timestamp with an offset, such as 2021-05-01T18:50:48+09:00", Quote(s));
        return null;
    }

    internal static bool TryInstant(string s, out DateTimeOffset instant) => Rfc3339.TryParse(s, out instant) && HasOffset(s);

    private static bool HasOffset(string s) => s.EndsWith('Z') || (s.Length > 6 && (s[^6] == '+' || s[^6] == '-') && s[^3] == ':');
}
