using HotPapers.Records;

namespace HotPapers.Importing;

/// <summary>Where a post would not come back byte for byte: its first differing line, as in the post and as rebuilt.</summary>
public sealed record SelfCheckDifference(int Line, string? Original, string? Rebuilt)
{
    // A quote shows a line's first characters (JsonChecker.QuotedLength). Two lines that differ only past
    // them (an embed's blockquote, a long abstract) would be quoted alike, so there the quotes start a
    // little before the difference, whose column is given.
    private const int Before = 20;

    public override string ToString() =>
        $"{Place}: the rebuilt post differs: the post has {Show(ShownOriginal)}, the rebuild {Show(ShownRebuilt)}";

    /// <summary>The first differing column (from 1), where it lies past what a quote shows; else null.</summary>
    internal int? Column
    {
        get
        {
            if (Original is null || Rebuilt is null) return null;
            var i = Original.AsSpan().CommonPrefixLength(Rebuilt);
            return i < JsonChecker.QuotedLength ? null : i + 1;
        }
    }

    /// <summary>"line N", with the column where it is given.</summary>
    internal string Place => Column is { } c ? $"line {Line}, column {c}" : $"line {Line}";

    /// <summary>The post's line, or its part from a little before the difference; null for no line.</summary>
    internal string? ShownOriginal => From(Original);

    /// <summary>The rebuild's line, or its part from a little before the difference; null for no line.</summary>
    internal string? ShownRebuilt => From(Rebuilt);

    private string? From(string? line)
    {
        if (line is null || Column is not { } c) return line;
        var start = c - 1 - Before;
        // Not in the middle of a character written as two UTF-16 units (an emoji): the quote would show half of it.
        if (char.IsLowSurrogate(line[start])) start--;
        return "..." + line[start..];
    }

    private static string Show(string? line) => line is null ? "no such line" : JsonChecker.Quote(line);
}

/// <summary>One post turned into records, with what the import repaired and what its self-check found.</summary>
public sealed record ImportedPost
{
    internal ImportedPost(string file, DigestRecords records, byte[] recordsBytes, string recordsFileName,
        IReadOnlyList<MojibakeFix> repairs, IReadOnlyList<string> notes, SelfCheckDifference? difference)
    {
        (File, Records, RecordsBytes, RecordsFileName, Repairs, Notes, Difference) = (file, records, recordsBytes, recordsFileName, repairs, notes, difference);
    }

    /// <summary>The post, as the user named it.</summary>
    public string File { get; }

    internal DigestRecords Records { get; }

    /// <summary>The records file's bytes, as <see cref="RecordsWriter"/> wrote them.</summary>
    internal byte[] RecordsBytes { get; }

    public string RecordsFileName { get; }

    public IReadOnlyList<MojibakeFix> Repairs { get; }

    /// <summary>What the import could not know or keep, to be shown as warnings.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Null when the records build the post again byte for byte (date line aside).</summary>
    public SelfCheckDifference? Difference { get; }
}
