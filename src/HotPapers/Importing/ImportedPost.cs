using HotPapers.Records;

namespace HotPapers.Importing;

/// <summary>Where a post would not come back byte for byte: its first differing line, as in the post and as rebuilt.</summary>
public sealed record SelfCheckDifference(int Line, string? Original, string? Rebuilt)
{
    public override string ToString() =>
        $"line {Line}: the rebuilt post differs: the post has {Show(Original)}, the rebuild {Show(Rebuilt)}";

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
