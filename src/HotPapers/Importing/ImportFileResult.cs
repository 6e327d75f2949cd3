using HotPapers.Output;

namespace HotPapers.Importing;


/// <summary>What happened to one post: its records file and how it was written, or the problems that stopped it.</summary>
/// <param name="Skipped">With <see cref="ImportRequest.SkipForeign"/>: the file is no digest (an "about" page, a trip report), and was left alone.</param>
/// <param name="Foreign">Without <see cref="ImportRequest.SkipForeign"/>: the file failed and is no digest at all, so that option would have skipped it.</param>
public sealed record ImportFileResult(string File, ImportedPost? Post, string? RecordsPath, WriteOutcome? Outcome, IReadOnlyList<InputProblem> Problems,
    bool Skipped = false, bool Foreign = false)
{
    public bool Failed => Problems.Count > 0;

    /// <summary>Why build will write the post under another name than the file's, or null when it keeps the name.</summary>
    public string? Renamed { get; init; }

    /// <summary>
    /// The records files a post hotpapers built was made from, there in the records folder (a day's own, or each day's
    /// of a range): the post was left alone, as importing it would only freeze or refuse them. Null otherwise.
    /// </summary>
    public string? BuiltFrom { get; init; }
}
