using System.Text.Json;

namespace HotPapers.Records;

/// <summary>
/// The values of the keys a reader reads from one JSON object, found in one pass over its properties.
/// Looking each key up in the object instead scanned all of its properties per key: the old crawler's
/// tweets have thirty-odd keys, and that was a twentieth of a rebuild.
/// </summary>
internal sealed class JsonFields
{
    private readonly JsonKeys _keys;
    private readonly JsonElement[] _values;
    private ulong _present;

    public JsonFields(JsonKeys keys)
    {
        _keys = keys;
        _values = new JsonElement[keys.Names.Length];
    }

    /// <summary>
    /// Keeps the property's value if its key is one of the keys; the key's index, or -1. Of a key given
    /// twice the last value is kept, the one System.Text.Json's lookups find.
    /// </summary>
    public int Take(JsonProperty property, ReadOnlySpan<byte> rawName, out bool repeated)
    {
        var index = _keys.IndexOf(property, rawName);
        repeated = false;
        if (index < 0) return index;
        var bit = 1UL << index;
        repeated = (_present & bit) != 0;
        _present |= bit;
        _values[index] = property.Value;
        return index;
    }

    public bool TryGet(string name, out JsonElement value)
    {
        var index = _keys.IndexOf(name);
        value = _values[index];
        return (_present & (1UL << index)) != 0;
    }
}
