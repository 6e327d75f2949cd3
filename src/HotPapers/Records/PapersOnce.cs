namespace HotPapers.Records;

/// <summary>
/// Each paper once in a records file, in either format: by its id without version, as merging days and
/// <c>ranking.repeatAfterDays</c> know a paper. A post would show a paper given twice twice, and could not be
/// imported back.
/// </summary>
internal sealed class PapersOnce
{
    private readonly Dictionary<string, int> _first = new(StringComparer.Ordinal);

    /// <summary>True for a paper's first time; else reports it at <paramref name="key"/> (where its id came from) and is false.</summary>
    public bool First(JsonChecker check, PaperRecord paper, int index, string key = "id")
    {
        if (_first.TryAdd(paper.Id.Versionless, index)) return true;
        check.Report($"{check.ValuePath(index)}.{key}", $"each paper once (it is already at {check.ValuePath(_first[paper.Id.Versionless])})", $"\"{paper.Id}\" again");
        return false;
    }
}
