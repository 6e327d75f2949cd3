using System.Collections.Immutable;
using System.Text;

namespace HotPapers.Records;

/// <summary>
/// The keys a reader reads from one kind of JSON object, in the order it checks them (which is the order
/// of the problems it reports), also as UTF-8, which names in the file are compared with without decoding them.
/// </summary>
internal sealed class JsonKeys
{
    /// <param name="otherKeys">
    /// Whether the object may have keys besides these (the old crawler's, ignored) or another key is a
    /// problem (ours: a misspelt key must not be silently ignored).
    /// </param>
    /// <param name="names">The keys; a name ending in <c>?</c> is an optional key, any other is required.</param>
    public JsonKeys(bool otherKeys, params string[] names)
    {
        if (names.Length > 64) throw new ArgumentException("at most 64 keys: which are present is a 64-bit mask", nameof(names));
        OtherKeys = otherKeys;
        for (var i = 0; i < names.Length; i++)
        {
            if (!names[i].EndsWith('?')) Required |= 1UL << i;
        }
        Names = [.. names.Select(n => n.TrimEnd('?'))];
        Utf8 = [.. Names.Select(n => Encoding.UTF8.GetBytes(n))];
        _byLength = new int[Utf8.Max(u => u.Length) + 1][];
        for (var length = 0; length < _byLength.Length; length++)
            _byLength[length] = [.. Enumerable.Range(0, Utf8.Length).Where(i => Utf8[i].Length == length)];
    }

    // The indexes of the keys of each UTF-8 length: most names in a file are of other keys (the old
    // crawler's thirty), and their length alone rules out all or all but one of ours.
    private readonly int[][] _byLength;

    public bool OtherKeys { get; }

    /// <summary>Bit i is set where key i is required.</summary>
    public ulong Required { get; }

    public ImmutableArray<string> Names { get; }

    /// <summary>
    /// Keys that are not this object's but another version's, each with what to say of it after "the unknown key":
    /// a version 2 key in a file that says version 1 (or no version) is a wrong format, more often than a typo.
    /// </summary>
    public IReadOnlyDictionary<string, string> OtherVersions { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<byte[]> Utf8 { get; }

    public bool IsRequired(int index) => (Required & (1UL << index)) != 0;

    /// <summary>The index of the key whose name is <paramref name="name"/> (unescaped), or -1.</summary>
    public int IndexOf(string name) => Names.IndexOf(name, StringComparer.Ordinal);

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
