namespace HotPapers.Cli;

/// <summary>
/// Progress while collect waits on the network: on a terminal one line rewritten in place; when the output
/// is redirected or CI is set, nothing but the report (a log keeps every line, so progress would only bury it)
/// unless <see cref="Plain"/> asks for each step as a plain line.
/// </summary>
internal sealed class ProgressLine(TextWriter? terminal, TextWriter? plain)
{
    public static ProgressLine None { get; } = new(null, null);

    public void Show(string text)
    {
        if (terminal is not null)
        {
            var shown = ControlEscapingWriter.Escape(text);
            terminal.Write("\r\x1b[2K" + (shown.Length > 100 ? shown[..99] + "…" : shown));
            terminal.Flush();
        }
        plain?.WriteLine(text);
    }

    public void Clear()
    {
        if (terminal is null) return;
        terminal.Write("\r\x1b[2K");
        terminal.Flush();
    }
}
