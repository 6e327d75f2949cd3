using HotPapers.Writing;

namespace HotPapers.Building;

/// <summary>One post of a build: where it goes and what writing it did (or, with --check, would do).</summary>
public sealed record BuiltPost(string RecordsFile, string PostPath, WriteOutcome Outcome);

public sealed record BuildResult(IReadOnlyList<BuiltPost> Posts, bool CheckOnly)
{
    public IEnumerable<BuiltPost> Changed => Posts.Where(p => p.Outcome != WriteOutcome.Unchanged);
}
