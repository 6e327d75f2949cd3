namespace HotPapers.Cli;

/// <summary>
/// Progress while collect waits on the network: on <c>terminal</c>, one line rewritten in place; on <c>plain</c>,
/// each step as a line of its own. <see cref="CommandLine.Run"/> gives a terminal where a person watches, and
/// standard error as <c>plain</c> when the output is redirected or CI is set (a log cannot rewrite a line).
/// </summary>
internal sealed class ProgressLine(TextWriter? terminal, TextWriter? plain)
{
    // The terminal's width, asked at each line (a window can be resized while collect runs); 80 where the console
    // cannot say (its size is asked of standard output, which may be redirected).
    private static int Columns()
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
            var room = Columns() - 1;
            terminal.Write("\r\x1b[2K" + (shown.Length > room ? Cut(shown, room - 1) + "…" : shown));
            terminal.Flush();
        }
        plain?.WriteLine(text);
    }

    // The first length UTF-16 units, or one fewer where that would split a character beyond the BMP (an emoji in a handle).
    private static string Cut(string text, int length) => char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];

    public void Clear()
    {
        if (terminal is null) return;
        terminal.Write("\r\x1b[2K");
        terminal.Flush();
    }
}
