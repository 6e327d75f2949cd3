using System.Collections.Concurrent;

namespace HotPapers.Records;

/// <summary>
/// Short texts that every day's records repeat (a tweet's language, a paper's arXiv categories), made into
/// a string once per process and shared, instead of once per tweet or paper.
/// </summary>
internal static class RepeatedText
{
    // Bounded: odd files with thousands of made-up languages cost a string each again, not memory for ever.
    private const int MaxCount = 4096;
    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByChars = Known.GetAlternateLookup<ReadOnlySpan<char>>();
    private static int _count;

    public static string Of(ReadOnlySpan<char> text)
    {
        if (ByChars.TryGetValue(text, out var known)) return known;
        var s = text.ToString();
        if (Volatile.Read(ref _count) < MaxCount && Known.TryAdd(s, s)) Interlocked.Increment(ref _count);
        return s;
    }
}
