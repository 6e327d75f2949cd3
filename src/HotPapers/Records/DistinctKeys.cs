namespace HotPapers.Records;

/// <summary>
/// Proves the keys of one JSON object distinct as they are read, from their raw UTF-8 names, without
/// making a string of each: the old crawler's objects have thirty keys each. Repeats of the keys a reader
/// reads show in a bit mask; other keys are told apart by hashes of their names. <see cref="Add"/> is
/// false where it cannot prove a key new (a repeat, a shared hash, an escaped name, too many keys), and
/// the caller then takes the exact way.
/// </summary>
internal struct DistinctKeys
{
    private Hashes _hashes;
    private int _count;
    private ulong _read;

    /// <param name="index">The key's index among the keys read, or -1 for another key.</param>
    /// <param name="rawName">The name as written in the file.</param>
    public bool Add(int index, ReadOnlySpan<byte> rawName)
    {
        if (index >= 0)
        {
            var bit = 1UL << index;
            if ((_read & bit) != 0) return false;
            _read |= bit;
            return true;
        }
        if (_count == Hashes.Length || rawName.Contains((byte)'\\')) return false;
        var hash = Fnv1a(rawName);
        Span<ulong> seen = _hashes;
        if (seen[.._count].Contains(hash)) return false;
        seen[_count++] = hash;
        return true;
    }

    // Inline, not a span the caller stackallocs: a DistinctKeys is one value its reader just declares.
    [System.Runtime.CompilerServices.InlineArray(Length)]
    private struct Hashes
    {
        public const int Length = 64;
        private ulong _first;
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }
}
