using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HotPapers.Records;

/// <summary>
/// Reads the values of a records file off a <see cref="Utf8JsonReader"/>, in one pass over its bytes, and
/// records a problem for each one that is missing or of the wrong shape, so that a file with ten mistakes
/// is reported once with all ten, each at its JSON path.
/// </summary>
/// <remarks>
/// The problems come out in the order of the format's keys (<see cref="JsonKeys"/>), whatever the order of
/// the keys in the file: while an object is read, the problems of each of its keys are kept apart, and when
/// the object ends they are handed to the value that holds it, key by key, after those of unknown and
/// repeated keys. Of a key given twice the last value is the one read (as most JSON readers keep), its
/// problems replacing the first one's.
/// </remarks>
internal sealed class JsonChecker
{
    public static readonly JsonReaderOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow };

    private readonly string _file;
    private readonly ReadOnlyMemory<byte> _json;
    private readonly List<InputProblem> _problems = [];
    // The objects being read, outermost first; kept and reused for the next object at the same depth.
    private readonly List<Frame> _frames = [];
    private Frame? _frame;
    private bool _rootMeta, _rootFormat;

    /// <param name="json">The whole file, which the reader reads (an object's keys are read again where one may be a repeat).</param>
    public JsonChecker(string file, ReadOnlyMemory<byte> json)
    {
        _file = file;
        _json = json;
    }

    /// <summary>The caller's check of the digest's days (see <see cref="Records.DaysCheck"/>).</summary>
    public DaysCheck? DaysCheck { get; init; }

    /// <summary>Called by a reader with the digest's first and last day, once it has read them and they are in order.</summary>
    public void DaysRead(DateOnly first, DateOnly last)
    {
        if (DaysCheck?.Invoke(first, last) is var (expected, found)) Report(InputProblem.WholeFile, expected, found);
    }

    /// <summary>The problems of the file, once its root value is read.</summary>
    public IReadOnlyList<InputProblem> Problems => _problems;

    /// <summary>
    /// The first \u escape of a lone surrogate in a value or key that is read, at its string's line and
    /// column: well-formed JSON, but no text. The loader reports it alone. Null when there is none.
    /// </summary>
    public InputProblem? Unreadable { get; private set; }

    /// <summary>What a string holding a <c>\u</c> escape of half a UTF-16 pair was to be, for the records and for collect's answers alike.</summary>
    internal const string NoLoneSurrogates = "text without \\u escapes of lone surrogates (\\ud800 to \\udfff)";

    // Found by a docs audit: the problem named no place ("$"), in a file of thousands of strings. The place is
    // the string's start in the file. TokenStartIndex counts from the start of the reader's buffer, which is
    // the whole file for every reader but EachKeyOnce's (a slice): that one reads keys NextKey has already
    // read whole, so a bad key was reported, and kept (??=), by the whole file's reader first.
    private void ReportUnreadable(ref Utf8JsonReader r)
    {
        Unreadable ??= new(_file, Place(_json.Span, checked((int)r.TokenStartIndex)), NoLoneSurrogates, "such an escape");
        Sink.Add(Unreadable);
    }

    /// <summary>"line L, column C" of byte <paramref name="at"/> of <paramref name="bytes"/>, each counted from 1 (the column in bytes, as System.Text.Json counts it).</summary>
    public static string Place(ReadOnlySpan<byte> bytes, int at)
    {
        var before = bytes[..at];
        return string.Create(CultureInfo.InvariantCulture, $"line {before.Count((byte)'\n') + 1}, column {at - (before.LastIndexOf((byte)'\n') + 1) + 1}");
    }

    /// <summary>Whether the root was an object with a <c>meta</c> key and no <c>format</c> key: the old crawler's.</summary>
    public bool LooksLegacy => _rootMeta && !_rootFormat;

    /// <summary>How many characters of a long value <see cref="Quote"/> shows (then "...").</summary>
    public const int QuotedLength = 57;

    public static string Quote(string s)
    {
        if (s.Length <= QuotedLength + 3) return $"\"{s}\"";
        // Not between the two halves of a character beyond U+FFFF (an emoji).
        var cut = char.IsHighSurrogate(s[QuotedLength - 1]) ? QuotedLength - 1 : QuotedLength;
        return $"\"{s[..cut]}...\"";
    }

    public void Report(string path, string expected, string found) => Sink.Add(new(_file, path, expected, found));

    /// <summary>Reports a problem with the object being read after those of its key <paramref name="key"/>.</summary>
    public void ReportAt(int key, string path, string expected, string found)
    {
        var f = _frame!;
        f.HasValueProblems = true;
        (f.Values[key] ??= []).Add(new(_file, path, expected, found));
    }

    /// <summary>Where the value being read is: the root, or a key's value (<paramref name="index"/>: an item of its array).</summary>
    public string ValuePath(int index = -1) =>
        _frame is not { } f ? "$" : index < 0 ? KeyPath(f.Key) : $"{KeyPath(f.Key)}[{index}]";

    /// <summary>The path of a key of the object being read.</summary>
    public string KeyPath(int key) => $"{_frame!.Path}.{_frame.Keys.Names[key]}";

    // Problems go to the key being read, else to the object's key problems, else (outside any object) to the file's.
    private List<InputProblem> Sink
    {
        get
        {
            if (_frame is not { } f) return _problems;
            if (f.Key < 0) return f.Again ??= [];
            f.HasValueProblems = true;
            return f.Values[f.Key] ??= [];
        }
    }

    private bool KeyRequired => _frame!.Keys.IsRequired(_frame.Key);

    /// <summary>
    /// Starts reading the object the reader is on, with the keys <paramref name="keys"/>; false (and a
    /// problem) where the value is not an object.
    /// </summary>
    /// <param name="index">The object's index in the array that is the value being read, or -1.</param>
    public bool Object(ref Utf8JsonReader r, JsonKeys keys, int index = -1)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            Report(ValuePath(index), "an object", Describe(ref r));
            return false;
        }
        var depth = _frame is null ? 0 : _frame.Depth + 1;
        if (_frames.Count == depth) _frames.Add(new Frame(depth));
        var frame = _frames[depth];
        frame.Start(keys, _frame, _frame is null ? null : _frame.Keys.Names[_frame.Key], index, (int)r.TokenStartIndex);
        _frame = frame;
        return true;
    }

    /// <summary>
    /// Moves to the next key of the object being read that is one of its keys, and onto its value; false at
    /// the object's end. Keys of no interest are skipped, or reported where the object may have no others.
    /// </summary>
    public bool NextKey(ref Utf8JsonReader r, out int key)
    {
        var f = _frame!;
        while (true)
        {
            f.Key = -1;
            // The reader has checked the JSON: in an object, a token is a key or the object's end.
            r.Read();
            if (r.TokenType == JsonTokenType.EndObject)
            {
                key = -1;
                return false;
            }
            var raw = r.ValueSpan;
            string? name = null;
            int index;
            if (r.ValueIsEscaped)
                index = TryText(ref r, out name) ? f.Keys.IndexOf(name) : -1;
            else
                index = f.Keys.IndexOfUnescaped(raw);
            if (f.Depth == 0) NoteRootKey(raw, name, r.ValueIsEscaped);
            // The old crawler's objects: only proving their keys distinct, cheaply; see EndObject.
            if (f.Keys.OtherKeys && !f.Exact && !f.Distinct.Add(index, raw)) f.Exact = true;
            if (index >= 0)
            {
                var bit = 1UL << index;
                if ((f.Present & bit) != 0)
                {
                    if (!f.Keys.OtherKeys) Again(f, f.Keys.Names[index]);
                    f.Values[index]?.Clear();
                }
                f.Present |= bit;
                r.Read();
                f.Key = index;
                key = index;
                return true;
            }
            if (!f.Keys.OtherKeys && (r.ValueIsEscaped ? name : Encoding.UTF8.GetString(raw)) is { } unknown)
            {
                (f.Unknown ??= []).Add(new(_file, $"{f.Path}.{unknown}", "one of the keys " + string.Join(", ", f.Keys.Names),
                    $"the unknown key \"{unknown}\"{(f.Keys.OtherVersions.TryGetValue(unknown, out var other) ? $" ({other})" : "")}"));
                if (!(f.OtherNames ??= new HashSet<string>(StringComparer.Ordinal)).Add(unknown)) Again(f, unknown);
            }
            r.Read();
            r.Skip();
        }
    }

    private void Again(Frame f, string name) => (f.Again ??= []).Add(new(_file, $"{f.Path}.{name}", "each key once", $"the key \"{name}\" again"));

    private void NoteRootKey(ReadOnlySpan<byte> raw, string? name, bool escaped)
    {
        if (escaped ? name == "meta" : raw.SequenceEqual("meta"u8)) _rootMeta = true;
        if (escaped ? name == "format" : raw.SequenceEqual("format"u8)) _rootFormat = true;
    }

    /// <summary>
    /// Ends the object being read (the reader is on its end) and hands its problems to the value that holds
    /// it: unknown keys, repeated keys, then key by key, a missing required key where the key would be.
    /// </summary>
    /// <param name="only">A key whose value's problems are the only ones handed on (the object's other problems are dropped), or -1 for all.</param>
    /// <returns>How many of the problems are of its keys (unknown, repeated) and how many of its values.</returns>
    public (int Keys, int Values) EndObject(int only = -1)
    {
        var f = _frame!;
        f.Key = -1;
        if (only >= 0)
        {
            _frame = f.Parent;
            if (f.Values[only] is not { Count: > 0 } problems) return (0, 0);
            Sink.AddRange(problems);
            return (0, problems.Count);
        }
        if (f.Exact) EachKeyOnce(f);
        _frame = f.Parent;
        var keyProblems = (f.Unknown?.Count ?? 0) + (f.Again?.Count ?? 0);
        var missing = f.Keys.Required & ~f.Present;
        if (keyProblems == 0 && missing == 0 && !f.HasValueProblems) return (0, 0);
        var sink = Sink;
        if (f.Unknown is { } unknown) sink.AddRange(unknown);
        if (f.Again is { } again) sink.AddRange(again);
        var valueProblems = 0;
        for (var i = 0; i < f.Keys.Names.Length; i++)
        {
            if ((missing & (1UL << i)) != 0)
            {
                sink.Add(new(_file, $"{f.Path}.{f.Keys.Names[i]}", "a value", "no such key"));
                valueProblems++;
            }
            if (f.Values[i] is { Count: > 0 } values)
            {
                sink.AddRange(values);
                valueProblems += values.Count;
            }
        }
        return (keyProblems, valueProblems);
    }

    // Keys given twice in an object of the old crawler's, each where it appears again, by their names
    // unescaped: the object's keys read again, where the quick proof in NextKey failed.
    private void EachKeyOnce(Frame f)
    {
        var r = new Utf8JsonReader(_json.Span[f.StartIndex..], Options);
        r.Read();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (TryText(ref r, out var name) && !seen.Add(name)) Again(f, name);
            r.Read();
            r.Skip();
        }
    }

    /// <summary>Rewrites a text in place, only ever shortening it, and returns its new length.</summary>
    public delegate int TextRewrite(Span<char> text);

    /// <summary>
    /// The string the reader is on, or false (and <see cref="Unreadable"/>) where it has a lone surrogate;
    /// <paramref name="rewrite"/> is applied before the string is made, so that a rewritten text costs one string, not two.
    /// </summary>
    private bool TryText(ref Utf8JsonReader r, out string text, TextRewrite? rewrite = null)
    {
        try
        {
            if (rewrite is null)
            {
                text = r.GetString()!;
                return true;
            }
            // Unescaped, a string has no more UTF-16 chars than it has UTF-8 bytes.
            var chars = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, r.HasValueSequence ? checked((int)r.ValueSequence.Length) : r.ValueSpan.Length));
            try
            {
                var length = r.CopyString(chars);
                text = new string(chars, 0, rewrite(chars.AsSpan(0, length)));
            }
            finally
            {
                System.Buffers.ArrayPool<char>.Shared.Return(chars);
            }
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            ReportUnreadable(ref r);
            return false;
        }
    }

    /// <summary>The value the reader is on, for a problem; it reads the value to its end.</summary>
    private string Describe(ref Utf8JsonReader r)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                return TryText(ref r, out var s) ? Quote(s) : "";
            case JsonTokenType.Number:
                return "the number " + Encoding.UTF8.GetString(r.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Null:
                return "null";
            case JsonTokenType.StartArray:
                var count = 0;
                while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                {
                    r.Skip();
                    count++;
                }
                return $"an array of {count}";
            case JsonTokenType.StartObject:
                r.Skip();
                return "an object";
            default:
                return "nothing";
        }
    }

    /// <summary>A string; null allowed where the key is optional.</summary>
    /// <param name="rewrite">Applied to the text before it is checked.</param>
    public string? String(ref Utf8JsonReader r, bool nonEmpty = false, TextRewrite? rewrite = null) =>
        StringAt(ref r, -1, nonEmpty, allowNull: !KeyRequired, rewrite);

    /// <summary>The non-empty string that is item <paramref name="index"/> of an array, else a problem at its path.</summary>
    public string? StringItem(ref Utf8JsonReader r, int index) => StringAt(ref r, index, nonEmpty: true, allowNull: false);

    private string? StringAt(ref Utf8JsonReader r, int index, bool nonEmpty, bool allowNull, TextRewrite? rewrite = null) =>
        IsString(ref r, index, nonEmpty, allowNull) && TryText(ref r, out var s, rewrite) && IsText(s, r.ValueIsEscaped, index, nonEmpty) ? s : null;

    // The value is a string to read: false where it is null (allowed) or not a string (reported).
    private bool IsString(ref Utf8JsonReader r, int index, bool nonEmpty, bool allowNull)
    {
        if (r.TokenType == JsonTokenType.String) return true;
        if (!(allowNull && r.TokenType == JsonTokenType.Null)) Report(ValuePath(index), nonEmpty ? "a non-empty string" : "a string", Describe(ref r));
        return false;
    }

    // The string value's text is text (see TextFault): false, reported, where it is not.
    private bool IsText(ReadOnlySpan<char> text, bool escaped, int index, bool nonEmpty)
    {
        if (TextFault(text, nonEmpty, escaped) is not { } fault) return true;
        Report(ValuePath(index), fault.Expected, fault.Found);
        return false;
    }

    /// <summary>Makes a text into the one kept (a part of it); an empty part where the text has none.</summary>
    public delegate ReadOnlySpan<char> TextPart(ReadOnlySpan<char> text);

    /// <summary>
    /// A short string that repeats across files (a language, a category: <paramref name="part"/> of the
    /// string), checked as <see cref="String"/> checks it and shared from <see cref="RepeatedText"/>
    /// instead of made again.
    /// </summary>
    public string? Repeated(ref Utf8JsonReader r, bool nonEmpty = false, TextPart? part = null) =>
        RepeatedAt(ref r, -1, nonEmpty, allowNull: !KeyRequired, part);

    // The value's unescaped text into chars; false, with the file reported unreadable, where the reader cannot give it.
    private bool TryCopyString(ref Utf8JsonReader r, scoped Span<char> chars, out int length)
    {
        try
        {
            length = r.CopyString(chars);
            return true;
        }
        catch (InvalidOperationException)
        {
            ReportUnreadable(ref r);
            length = 0;
            return false;
        }
    }

    private string? RepeatedAt(ref Utf8JsonReader r, int index, bool nonEmpty, bool allowNull, TextPart? part, string? partExpected = null)
    {
        const int Short = 128;
        if (r.TokenType != JsonTokenType.String || r.HasValueSequence || r.ValueSpan.Length > Short)
            return StringAt(ref r, index, nonEmpty, allowNull) is { } s ? Kept(s, index, part, partExpected) : null;
        Span<char> chars = stackalloc char[Short];
        if (!TryCopyString(ref r, chars, out var length) || !IsText(chars[..length], r.ValueIsEscaped, index, nonEmpty)) return null;
        return Kept(chars[..length], index, part, partExpected);
    }

    // The shared string of the text, or of its part; null, reported, where the part is empty and partExpected says what the text should be.
    private string? Kept(ReadOnlySpan<char> text, int index, TextPart? part, string? partExpected)
    {
        if (part is null) return RepeatedText.Of(text);
        var kept = part(text);
        if (kept.IsEmpty && partExpected is not null)
        {
            Report(ValuePath(index), partExpected, Quote(text.ToString()));
            return null;
        }
        return RepeatedText.Of(kept);
    }

    /// <summary>What is wrong with a string value as text, if anything.</summary>
    /// <param name="escaped">Whether the string is written with escapes: JSON has a NUL character in a string only as <c>\u0000</c>.</param>
    private static (string Expected, string Found)? TextFault(ReadOnlySpan<char> s, bool nonEmpty, bool escaped) =>
        nonEmpty && s.Trim().Length == 0 ? ("a non-empty string", "an empty string")
        : escaped && s.Contains('\0') ? ("text without NUL characters", "a NUL character")
        : null;

    /// <summary>An absolute http(s) URL; a required one may not be empty or null.</summary>
    public string? Url(ref Utf8JsonReader r)
    {
        var required = KeyRequired;
        var s = StringAt(ref r, -1, nonEmpty: required, allowNull: !required);
        if (s is null || HttpUrl.IsHttp(s)) return s;
        Report(ValuePath(), "an absolute http(s) URL", Quote(s));
        return null;
    }

    /// <summary>A links object of two URLs, the abstract's and the PDF's, by the two names of <paramref name="keys"/>.</summary>
    public (string? Abs, string? Pdf) Links(ref Utf8JsonReader r, JsonKeys keys)
    {
        if (!Object(ref r, keys)) return (null, null);
        string? abs = null, pdf = null;
        while (NextKey(ref r, out var key))
        {
            if (key == 0) abs = Url(ref r);
            else pdf = Url(ref r);
        }
        EndObject();
        return (abs, pdf);
    }

    public bool? Bool(ref Utf8JsonReader r)
    {
        if (r.TokenType is JsonTokenType.True or JsonTokenType.False) return r.GetBoolean();
        Report(ValuePath(), "true or false", Describe(ref r));
        return null;
    }

    /// <summary>A count: a whole number from 0 to 2^53 (what every JSON reader holds exactly), or to <paramref name="max"/>.</summary>
    public long? Count(ref Utf8JsonReader r, bool allowNumericString = false, long max = MaxCount)
    {
        if (r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var n) && n >= 0 && n <= max) return n;
        // 1.0 and 1e2 are whole numbers too, as JSON Schema's "integer" has them.
        if (r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d >= 0 && d <= max) return (long)d;
        // A count written as a string of digits, as the old scraper wrote some.
        if (allowNumericString && r.TokenType == JsonTokenType.String && TryText(ref r, out var s)
            && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out n) && n <= max)
            return n;
        var range = max == MaxCount ? "a whole number from 0 to 2^53" : $"a whole number from 0 to {max}";
        Report(ValuePath(), allowNumericString ? range + ", or such a number as a string" : range, Describe(ref r));
        return null;
    }

    public const long MaxCount = 1L << 53;

    /// <summary>A paper's tweets' counts must add up to a count too, or totals and scores would overflow.</summary>
    public void CountSums(IReadOnlyList<MentionRecord> tweets, int key)
    {
        long retweets = 0, favorites = 0;
        foreach (var t in tweets)
        {
            retweets += t.Reposts ?? 0;
            favorites += t.Likes ?? 0;
            if (retweets > MaxCount || favorites > MaxCount)
            {
                ReportAt(key, KeyPath(key), "retweet and favorite counts that add up to at most 2^53 per paper", "larger sums");
                return;
            }
        }
    }

    /// <summary>Whether the value is an array (else a problem); then <see cref="Item"/> moves onto each of its items.</summary>
    public bool Array(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.StartArray) return true;
        Report(ValuePath(), "an array", Describe(ref r));
        return false;
    }

    public static bool Item(ref Utf8JsonReader r) => r.Read() && r.TokenType != JsonTokenType.EndArray;

    /// <summary>
    /// An array of non-empty strings; the strings of it that are. <paramref name="repeated"/>: each is a
    /// <see cref="Repeated"/> string (of <paramref name="part"/> of the text, where given).
    /// </summary>
    /// <param name="partExpected">
    /// Where given, a string whose <paramref name="part"/> is empty is a problem: expected this, found the string.
    /// </param>
    public ImmutableArray<string> Strings(ref Utf8JsonReader r, bool repeated = false, TextPart? part = null, string? partExpected = null)
    {
        if (!Array(ref r)) return [];
        // One list for every array of strings in the file (they do not nest), copied out at its length.
        _strings.Clear();
        for (var index = 0; Item(ref r); index++)
        {
            var s = !repeated ? StringAt(ref r, index, nonEmpty: true, allowNull: false) : RepeatedAt(ref r, index, nonEmpty: true, allowNull: false, part, partExpected);
            if (s is not null) _strings.Add(s);
        }
        return ImmutableArray.Create(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_strings));
    }

    private readonly List<string> _strings = [];

    /// <summary>A status id, as a string or a number as written; any other value means none (and is no problem).</summary>
    public string? StatusId(ref Utf8JsonReader r)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                return TryText(ref r, out var s) ? s : null;
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(r.ValueSpan);
            default:
                r.Skip();
                return null;
        }
    }

    /// <summary>Reads a value from text (a date, a time), as .NET's parsers do.</summary>
    public delegate bool TextParser<T>(ReadOnlySpan<char> text, out T value);

    /// <summary>
    /// A string that <paramref name="parse"/> reads, parsed from the file's bytes without making a string of
    /// it (a date or time is kept as one, its text is not); null allowed where the key is optional.
    /// </summary>
    /// <param name="textAt">
    /// Where the string is, for <see cref="QuoteAt"/> (the text of a problem) where it is text: parsed or not;
    /// -1 where it is null or no text (a problem reported).
    /// </param>
    /// <returns>The value, or null where there is none or <paramref name="parse"/> fails.</returns>
    public T? Parse<T>(ref Utf8JsonReader r, TextParser<T> parse, out long textAt) where T : struct
    {
        textAt = -1;
        if (!IsString(ref r, -1, nonEmpty: false, allowNull: !KeyRequired)) return null;
        // Unescaped, a string has no more UTF-16 chars than it has UTF-8 bytes; a date or time is short.
        var bytes = r.HasValueSequence ? checked((int)r.ValueSequence.Length) : r.ValueSpan.Length;
        char[]? rented = null;
        var chars = bytes <= 64 ? stackalloc char[64] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(bytes));
        try
        {
            if (!TryCopyString(ref r, chars, out var length) || !IsText(chars[..length], r.ValueIsEscaped, -1, nonEmpty: false)) return null;
            textAt = r.TokenStartIndex;
            return parse(chars[..length], out var value) ? value : null;
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The text of the string at <paramref name="at"/> (a <see cref="Parse"/>'s textAt), quoted for a problem.</summary>
    public string QuoteAt(long at)
    {
        var r = new Utf8JsonReader(_json.Span[(int)at..], Options);
        r.Read();
        return Quote(r.GetString()!);
    }

    public DateOnly? Date(ref Utf8JsonReader r)
    {
        var d = Parse<DateOnly>(ref r, Rfc3339.TryParseDate, out var at);
        if (d is null && at >= 0) Report(ValuePath(), "a date as YYYY-MM-DD", QuoteAt(at));
        return d;
    }

    public DateTimeOffset? Instant(ref Utf8JsonReader r)
    {
        var t = Parse<DateTimeOffset>(ref r, Rfc3339.TryParseWithOffset, out var at);
        if (t is null && at >= 0) Report(ValuePath(), "an RFC 3339 timestamp with an offset, such as 2021-05-01T18:50:48+09:00", QuoteAt(at));
        return t;
    }

    /// <summary>An object being read: its keys' problems, kept apart until it ends.</summary>
    private sealed class Frame(int depth)
    {
        public readonly int Depth = depth;
        public JsonKeys Keys = null!;
        public Frame? Parent;
        private string? _name;
        private int _index;
        private string? _path;
        public int StartIndex;
        /// <summary>The key whose value is being read, or -1.</summary>
        public int Key;
        public ulong Present;
        public DistinctKeys Distinct;
        /// <summary>Whether the quick proof that the keys are distinct failed: <see cref="EachKeyOnce"/> decides.</summary>
        public bool Exact;
        public List<InputProblem>? Unknown, Again;
        public HashSet<string>? OtherNames;
        public List<InputProblem>?[] Values = [];
        public bool HasValueProblems;

        public void Start(JsonKeys keys, Frame? parent, string? name, int index, int startIndex)
        {
            Keys = keys;
            Parent = parent;
            _name = name;
            _index = index;
            _path = null;
            StartIndex = startIndex;
            Key = -1;
            Present = 0;
            if (keys.OtherKeys) Distinct = default;
            Exact = false;
            Unknown = Again = null;
            OtherNames = null;
            if (Values.Length < keys.Names.Length) Values = new List<InputProblem>?[keys.Names.Length];
            else if (HasValueProblems) System.Array.Clear(Values);
            HasValueProblems = false;
        }

        // Made only for a problem: most objects have none.
        public string Path => _path ??= Parent is null ? "$" : _index < 0 ? $"{Parent.Path}.{_name}" : $"{Parent.Path}.{_name}[{_index}]";
    }
}
