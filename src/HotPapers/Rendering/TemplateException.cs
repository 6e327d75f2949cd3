namespace HotPapers.Rendering;

/// <summary>A template that does not parse or fails while rendering: file, line, column and Scriban's words.</summary>
/// <param name="rendering">For a failure while rendering, the file being rendered (a post, a page of the
/// site): a template may fail on one digest's data only, and its line alone does not say which.</param>
public sealed class TemplateException(string file, int line, int column, string message, string? rendering = null)
    : Exception(rendering is null ? $"{file}({line},{column}): {message}" : $"{file}({line},{column}), rendering {rendering}: {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;

    /// <summary>Scriban's (or our) words, without the place.</summary>
    public string Reason { get; } = message;

    /// <summary>The file being rendered when the template failed; null for one that does not parse.</summary>
    public string? Rendering { get; } = rendering;

    /// <summary>The template does not parse: the place is in its own text (an include's too, not where it is included).</summary>
    internal bool IsSyntax { get; init; }
}
