using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using Events = YamlDotNet.Core.Events;
using Tokens = YamlDotNet.Core.Tokens;

namespace HotPapers.Rendering;

/// <summary>
/// Front matter scalars written by YamlDotNet's emitter, so that any text, a title with <c>: </c>, a
/// leading <c>-</c> or the word <c>no</c> included, reads back as the same string.
/// </summary>
internal static partial class YamlText
{
    // What the emitter made is remembered: each post asks again for the same category, tags, template and
    // image; both functions are pure. Bounded: titles, slugs and descriptions differ per post, and those
    // are made each time (an emitter, and for a plain one a scanner, a few microseconds).
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
    public static string Plain(string value) => Remembered(PlainMade, value, MakePlain);

    private static string MakePlain(string value)
    {
        if (ResolvesToNonString(value)) return Quoted(value);
        var plain = Emit(value, ScalarStyle.Plain);
        // The emitter quotes what it cannot write plain; what it writes plain, YamlDotNet's scanner judges:
        // a plain scalar that would not read back as the text (a tab, leading or trailing spaces, ...) is
        // quoted instead.
        return plain.Length > 0 && plain[0] is not ('\'' or '"') && ReadsBackAs(plain, value) ? plain : Quoted(value);
    }

    // The tokens of "k: <emitted>": the key, and the one plain scalar that is the text. The scanner alone
    // is enough for a single pair, and is half of a parser's work.
    private static bool ReadsBackAs(string emitted, string value)
    {
        try
        {
            var scanner = new Scanner(new StringReader("k: " + emitted + "\n"));
            return Next(scanner) is Tokens.StreamStart && Next(scanner) is Tokens.BlockMappingStart && Next(scanner) is Tokens.Key
                && Next(scanner) is Tokens.Scalar { Value: "k" } && Next(scanner) is Tokens.Value
                && Next(scanner) is Tokens.Scalar { Style: ScalarStyle.Plain } scalar && scalar.Value == value
                && Next(scanner) is Tokens.BlockEnd && Next(scanner) is Tokens.StreamEnd && !scanner.MoveNext();
        }
        // YamlDotNet's scanner also throws InvalidOperationException for a flow bracket it cannot close (see YamlParse).
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return false;
        }
    }

    private static Tokens.Token? Next(Scanner scanner) => scanner.MoveNext() ? scanner.Current : null;

    /// <summary>Always double-quoted, as the old posts wrote every string but the title.</summary>
    public static string Quoted(string value) => Remembered(QuotedMade, value, MakeQuoted);

    private static string MakeQuoted(string value) => Emit(value, ScalarStyle.DoubleQuoted);

    private static readonly EmitterSettings Settings = new(2, int.MaxValue, false, 1024, newLine: "\n");

    // The writer is kept per thread; an emitter cannot be: it ends with its stream.
    [ThreadStatic]
    private static StringWriter? _writer;

    // YamlDotNet's emitter escapes every character above U+FFFF (an emoji became "\U0001F389" and quoted a
    // title that YAML prints as it is: found by a user's trial). Such a character goes to the emitter as a
    // stand-in it writes as it is, a private-use character, and is put back in what the emitter wrote, in order
    // (a stand-in the text itself holds too). Without line folding the emitter writes each character once.
    private const char StandIn = '\uE000';

    private static string Emit(string value, ScalarStyle style)
    {
        if (value.AsSpan().IndexOfAnyInRange('\uD800', '\uDBFF') < 0) return EmitBmp(value, style);
        var originals = new List<string>();
        var standIns = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogatePair(value, i)) originals.Add(value.Substring(i++, 2));
            else if (value[i] == StandIn) originals.Add(StandIn.ToString());
            else
            {
                standIns.Append(value[i]);
                continue;
            }
            standIns.Append(StandIn);
        }
        var emitted = EmitBmp(standIns.ToString(), style);
        var text = new StringBuilder(emitted.Length + originals.Count);
        var next = 0;
        foreach (var c in emitted)
        {
            if (c == StandIn) text.Append(originals[next++]);
            else text.Append(c);
        }
        return text.ToString();
    }

    private static string EmitBmp(string value, ScalarStyle style)
    {
        var writer = _writer ??= new StringWriter { NewLine = "\n" };
        writer.GetStringBuilder().Clear();
        var emitter = new Emitter(writer, Settings);
        emitter.Emit(new Events.StreamStart());
        emitter.Emit(new Events.DocumentStart(null, null, true));
        emitter.Emit(new Events.Scalar(null, null, value, style, true, true));
        emitter.Emit(new Events.DocumentEnd(true));
        emitter.Emit(new Events.StreamEnd());
        var text = writer.GetStringBuilder();
        var start = text.Length >= 4 && text[0] == '-' && text[1] == '-' && text[2] == '-' && text[3] == ' ' ? 4 : 0;
        var end = text.Length;
        if (end - start >= 5 && text[end - 5] == '\n' && text[end - 4] == '.' && text[end - 3] == '.' && text[end - 2] == '.' && text[end - 1] == '\n') end -= 4;
        while (end > start && text[end - 1] == '\n') end--;
        return text.ToString(start, end - start);
    }

    // Plain scalars that a YAML 1.1 reader (or js-yaml, which Gatsby uses) would take for a null,
    // a boolean, a number or a timestamp, and the merge key.
    private static bool ResolvesToNonString(string value) => value.Length == 0 || NonString().IsMatch(value);

    [GeneratedRegex(@"^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|<<|=|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|[-+]?(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?0x[0-9a-fA-F_]+|[-+]?0o?[0-7_]+|[-+]?0b[01_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?)$")]
    private static partial Regex NonString();
}
