using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HotPapers.Rendering;

/// <summary>
/// Front matter scalars written by YamlDotNet's emitter, so that any text, a title with <c>: </c>, a
/// leading <c>-</c> or the word <c>no</c> included, reads back as the same string.
/// </summary>
public static partial class YamlText
{
    // What the emitter made is remembered: each post asks again for the same category, tags, template and
    // image, and a scalar the emitter makes costs an emitter and a parser (a fortieth of a rebuild); both
    // functions are pure. Simple text needs neither and is not remembered. Bounded: titles differ per post.
    private static readonly ConcurrentDictionary<string, string> PlainMade = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> QuotedMade = new(StringComparer.Ordinal);
    private const int MadeAtMost = 1024;
    // Counted here: ConcurrentDictionary.Count takes all of its locks, and a title with a colon is a miss each time.
    private static int _made;

    private static string Remembered(ConcurrentDictionary<string, string> made, string value, Func<string, string> make)
    {
        if (made.TryGetValue(value, out var text)) return text;
        text = make(value);
        if (Volatile.Read(ref _made) < MadeAtMost && made.TryAdd(value, text)) Interlocked.Increment(ref _made);
        return text;
    }

    /// <summary>Plain when the text reads back as that same string under YAML 1.1 and 1.2, else quoted.</summary>
    public static string Plain(string value) =>
        IsSimple(value) && !ResolvesToNonString(value) ? value : Remembered(PlainMade, value, PlainByEmitter);

    internal static string PlainByEmitter(string value)
    {
        if (ResolvesToNonString(value)) return Quoted(value);
        // YamlDotNet's parser is the judge: a plain scalar it would not read back as the text (a tab,
        // leading or trailing spaces, ...) is quoted instead.
        var plain = Emit(value, ScalarStyle.Plain);
        return ReadsBackAs(plain, value) ? plain : Quoted(value);
    }

    private static bool ReadsBackAs(string emitted, string value)
    {
        try
        {
            var parser = new Parser(new StringReader("k: " + emitted + "\n"));
            parser.Consume<StreamStart>();
            parser.Consume<DocumentStart>();
            parser.Consume<MappingStart>();
            parser.Consume<Scalar>();
            var scalar = parser.Consume<Scalar>();
            return scalar.Value == value && scalar.Style == ScalarStyle.Plain && parser.Accept<MappingEnd>(out _);
        }
        catch (YamlException)
        {
            return false;
        }
    }

    /// <summary>Always double-quoted, as the old posts wrote every string but the title.</summary>
    public static string Quoted(string value) => IsSimple(value) ? $"\"{value}\"" : Remembered(QuotedMade, value, QuotedByEmitter);

    internal static string QuotedByEmitter(string value) => Emit(value, ScalarStyle.DoubleQuoted);

    // Letters, digits, spaces and -_./() only, from a letter or digit to anything but a space: no YAML
    // indicator, no ": " or " #", nothing a double-quoted scalar escapes, so the emitter writes the text
    // as it is in either style. Every post's title, slug and description are such text, and each new one
    // cost an emitter (and for a plain one a parser), to no use in the memo. A property test holds this to
    // the emitter.
    private static bool IsSimple(string value) =>
        value.Length > 0 && char.IsAsciiLetterOrDigit(value[0]) && value[^1] != ' ' && !value.AsSpan().ContainsAnyExcept(SimpleChars);

    private static readonly System.Buffers.SearchValues<char> SimpleChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_./()");

    private static string Emit(string value, ScalarStyle style)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        emitter.Emit(new Scalar(null, null, value, style, true, true));
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        var text = writer.ToString();
        if (text.StartsWith("--- ", StringComparison.Ordinal)) text = text[4..];
        if (text.EndsWith("\n...\n", StringComparison.Ordinal)) text = text[..^4];
        return text.TrimEnd('\n');
    }

    // Plain scalars that a YAML 1.1 reader (or js-yaml, which Gatsby uses) would take for a null,
    // a boolean, a number or a timestamp, and the merge key.
    private static bool ResolvesToNonString(string value) => value.Length == 0 || NonString().IsMatch(value);

    [GeneratedRegex(@"^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|<<|=|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|[-+]?(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?0x[0-9a-fA-F_]+|[-+]?0o?[0-7_]+|[-+]?0b[01_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?)$")]
    private static partial Regex NonString();
}
