using System.Collections.Immutable;
using System.Text;

namespace HotPapers.Records;

/// <summary>The keys a JSON object of the format may have, also as UTF-8, which the reader compares names with without decoding them.</summary>
internal sealed class JsonKeys
{
    public JsonKeys(params string[] names)
    {
        if (names.Length > 64) throw new ArgumentException("at most 64 keys: repeats are tracked in a 64-bit mask", nameof(names));
        Names = [.. names];
        Utf8 = [.. names.Select(n => Encoding.UTF8.GetBytes(n))];
    }

    public ImmutableArray<string> Names { get; }
    public ImmutableArray<byte[]> Utf8 { get; }
}
