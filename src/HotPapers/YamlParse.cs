using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace HotPapers;

/// <summary>
/// The errors of YamlDotNet's parser, all as <see cref="YamlException"/>s with a place, said the same way for the
/// settings file and a post's front matter.
/// </summary>
internal static partial class YamlParse
{
    /// <summary>
    /// <paramref name="e"/> as a YAML error, or null for an exception of another kind. YamlDotNet 18 throws an
    /// <see cref="InvalidOperationException"/> of its scanner, not a <see cref="YamlException"/>, for a flow list
    /// or mapping (<c>[</c>, <c>{</c>) left open above a line indented less (<c>tags: [oops</c> above
    /// <c>slug: x</c>): found by a user's trial of import, a stack trace. It is placed at the last event
    /// <paramref name="parser"/> read, the open bracket or the item after it. Give it only what the parser threw.
    /// </summary>
    public static YamlException? Error(Exception e, IParser parser) => e switch
    {
        YamlException yaml => yaml,
        InvalidOperationException =>
            new SyntaxErrorException(parser.Current?.Start ?? Mark.Empty, parser.Current?.End ?? Mark.Empty,
                "a [ or { that is not closed (its ] or } missing?)"),
        _ => null,
    };

    /// <summary>
    /// Where the tab is that YamlDotNet refuses as indentation, as the line and column (1-based) in
    /// <paramref name="text"/>; null for an error of another kind. YamlDotNet gives the position of the mapping or
    /// scalar it was reading (line 1 for a tab on line 2), so it is the first line from there indented with a tab.
    /// Found by a user's trial of import: a tab before a front matter's tag was said to be on the mapping's line.
    /// </summary>
    public static (int Line, int Column)? TabAt(string text, YamlException e)
    {
        if (!e.Message.Contains("tab", StringComparison.Ordinal)) return null;
        var lines = text.Split('\n');
        for (var line = (int)Math.Max(e.Start.Line, 1); line <= lines.Length; line++)
        {
            var indent = lines[line - 1].AsSpan();
            indent = indent[..(indent.Length - indent.TrimStart(" \t").Length)];
            if (indent.IndexOf('\t') is var column and >= 0) return (line, column + 1);
        }
        return null;
    }

    /// <summary>
    /// What is wrong, without the position YamlDotNet puts in front of its message (the caller gives it). The
    /// common slips of a hand edit are said as what they are (found by a new user's trial: "found while parsing a
    /// block mapping, did not find expected key" for a line indented wrongly); any other message is kept.
    /// </summary>
    public static string Reason(YamlException e)
    {
        var reason = MarkPrefix().Replace(e.Message, "").Trim().TrimEnd('.');
        if (reason.Contains(" tab", StringComparison.Ordinal)) return "a tab in the indentation (YAML indents with spaces only)";
        if (reason.EndsWith("did not find expected key", StringComparison.OrdinalIgnoreCase))
            return "a line that is not the next key of its section (indented unlike the keys above it, or text after a closing quote?)";
        if (reason.Equals("while scanning a plain scalar value, found invalid mapping", StringComparison.OrdinalIgnoreCase))
            return "a ': ' inside a value (a line indented deeper than the key above it, or a value with ': ' in it, which wants quotes)";
        if (reason.Equals("while scanning a multiline plain scalar, found invalid mapping", StringComparison.OrdinalIgnoreCase))
            return "a key: value line after a line that is not one (its colon missing?)";
        if (reason.StartsWith("while scanning a multi-line double-quoted scalar", StringComparison.OrdinalIgnoreCase)
            || reason.StartsWith("while scanning a quoted scalar", StringComparison.OrdinalIgnoreCase))
            return "a quoted value not closed on its line (its closing quote missing?)";
        return reason.Length > 0 ? char.ToLowerInvariant(reason[0]) + reason[1..] : "a YAML error";
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPrefix();
}
