namespace HotPapers.Rendering;

/// <summary>A template that does not parse or fails while rendering: file, line, column and Scriban's words.</summary>
public sealed class TemplateException(string file, int line, int column, string message)
    : Exception($"{file}({line},{column}): {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;

    /// <summary>Scriban's (or our) words, without the place.</summary>
    public string Reason { get; } = message;
}
