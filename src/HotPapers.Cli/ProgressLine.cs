namespace HotPapers.Cli;

/// <summary>
/// Progress while collect waits on the network: on a terminal one line rewritten in place; when the output
/// is redirected or CI is set, nothing but the report (a log keeps every line, so progress would only bury it)
/// unless <see cref="Plain"/> asks for each step as a plain line.
/// </summary>
/// <param name="columns">The terminal's width now (a window can be resized while collect runs); by default the console's.</param>
internal sealed class ProgressLine(TextWriter? terminal, TextWriter? plain, Func<int>? columns = null)
{
    public static ProgressLine None { get; } = new(null, null);

    private readonly Func<int> columns = columns ?? ConsoleColumns;

    // 80 where the console cannot say (its size is asked of standard output, which may be redirected).
    private static int ConsoleColumns()
    {
        try
        {
            return Console.WindowWidth is var width and >= 20 ? width : 80;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            return 80;
        }
    }

    public void Show(string text)
    {
        if (terminal is not null)
        {
            var shown = ControlEscapingWriter.Escape(text);
            // Kept short of the last column: a line that wraps leaves rows that "\r\e[2K" does not clear (found by a
            // user's trial: in an 80-column tmux each step left a stale row behind).
            var room = columns() - 1;
            terminal.Write("\r\x1b[2K" + (shown.Length > room ? shown[..(room - 1)] + "…" : shown));
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
