using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace HotPapers.Records;

/// <summary>The keys a JSON object of the format may have, also as UTF-8, which the reader compares names with without decoding them.</summary>
internal sealed class JsonKeys
{
    public JsonKeys(params string[] names)
    {
        if (names.Length > 64) throw new ArgumentException("at most 64 keys: repeats are tracked in a 64-bit mask", nameof(names));
        Names = [.. names];
        Utf8 = [.. names.Select(n => Encoding.UTF8.GetBytes(n))];
        _byLength = new int[Utf8.Max(u => u.Length) + 1][];
        for (var length = 0; length < _byLength.Length; length++)
            _byLength[length] = [.. Enumerable.Range(0, Utf8.Length).Where(i => Utf8[i].Length == length)];
    }

    // The indexes of the keys of each UTF-8 length: most names in a file are of other keys (the old
    // crawler's thirty), and their length alone rules out all or all but one of ours.
    private readonly int[][] _byLength;

    public ImmutableArray<string> Names { get; }
    public ImmutableArray<byte[]> Utf8 { get; }

    /// <summary>The index of the key a reader asks for by name; asking for a key not listed is a bug in the reader.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (ReferenceEquals(Names[i], name) || Names[i] == name) return i;
        }
        throw new ArgumentException($"\"{name}\" is not one of the keys {string.Join(", ", Names)}", nameof(name));
    }

    /// <summary>The index of the property's key, or -1.</summary>
    /// <param name="rawName">The name as written in the file, escapes and all.</param>
    public int IndexOf(JsonProperty property, ReadOnlySpan<byte> rawName)
    {
        if (rawName.Contains((byte)'\\'))
        {
            // A name written with escapes is compared unescaped, by System.Text.Json.
            for (var i = 0; i < Utf8.Length; i++)
            {
                if (property.NameEquals(Utf8[i])) return i;
            }
            return -1;
        }
        return IndexOfUnescaped(rawName);
    }

    /// <summary>The index of the key whose name is <paramref name="name"/>, written without escapes, or -1.</summary>
    public int IndexOfUnescaped(ReadOnlySpan<byte> name)
    {
        if (name.Length >= _byLength.Length) return -1;
        foreach (var i in _byLength[name.Length])
        {
            if (name.SequenceEqual(Utf8[i])) return i;
        }
        return -1;
    }
}
