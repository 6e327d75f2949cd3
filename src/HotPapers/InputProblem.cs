namespace HotPapers;

/// <summary>One thing wrong with an input file: where, what was expected, what was found.</summary>
/// <param name="File">The file, as the user named it.</param>
/// <param name="Location">A JSON path such as <c>$.papers[3].tweets[0].url</c>, or <c>line 4, column 7</c>;
/// <see cref="WholeFile"/> for a problem with the file as a whole.</param>
public sealed record InputProblem(string File, string Location, string Expected, string Found)
{
    /// <summary>The line of the value at <see cref="Location"/>, where it is a JSON path and the file was walked for it.</summary>
    public int? Line { get; init; }

    /// <summary>
    /// The location of a problem with the whole file (missing, too large, empty, of the wrong kind): the
    /// JSON path of the root. It is not printed: <c>file: $: expected ...</c> read as a stray symbol.
    /// </summary>
    public const string WholeFile = "$";

    public override string ToString() =>
        Location == WholeFile ? $"{File}: expected {Expected}, found {Found}"
        : Line is { } line ? $"{File}: {Location} (line {line}): expected {Expected}, found {Found}"
        : $"{File}: {Location}: expected {Expected}, found {Found}";
}

/// <summary>Input that cannot be used; carries every problem found, not only the first.</summary>
public sealed class InputException(IReadOnlyList<InputProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<InputProblem> Problems { get; } = problems;
}
