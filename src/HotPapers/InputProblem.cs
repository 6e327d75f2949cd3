namespace HotPapers;

/// <summary>One thing wrong with an input file: where, what was expected, what was found.</summary>
/// <param name="File">The file, as the user named it.</param>
/// <param name="Location">A JSON path such as <c>$.papers[3].tweets[0].url</c>, or <c>line 4, column 7</c>.</param>
public sealed record InputProblem(string File, string Location, string Expected, string Found)
{
    public override string ToString() => $"{File}: {Location}: expected {Expected}, found {Found}";
}

/// <summary>Input that cannot be used; carries every problem found, not only the first.</summary>
public sealed class InputException(IReadOnlyList<InputProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<InputProblem> Problems { get; } = problems;
}
