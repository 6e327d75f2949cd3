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
/// <param name="RecordsBytes">The records file's bytes, as <see cref="RecordsWriter"/> wrote them.</param>
/// <param name="Difference">Null when the records build the post again byte for byte (date line aside).</param>
public sealed record ImportedPost(
    string File,
    DigestRecords Records,
    byte[] RecordsBytes,
    string RecordsFileName,
    IReadOnlyList<MojibakeFix> Repairs,
    IReadOnlyList<string> Notes,
    SelfCheckDifference? Difference);
