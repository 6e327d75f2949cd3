using System.Text.RegularExpressions;

namespace HotPapers.Records;

/// <summary>
/// What a JSON syntax error found, in words for the person who edited the file. System.Text.Json's messages
/// speak of its reader ("... not supported in this mode. Change the reader options"); the common slips of a
/// hand edit (a comma after the last item, one missing, a single quote, a comment) are said as what they are,
/// and any other message is kept, without the position it ends with (the problem gives it).
/// </summary>
internal static partial class JsonSyntax
{
    public static string Found(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).TrimEnd(' ', '.', '|');
        if (text.Contains("trailing comma", StringComparison.Ordinal))
            return $"a comma after the last {(text.Contains("JSON array", StringComparison.Ordinal) ? "item, before ]" : "key's value, before }")} (JSON allows none there)";
        if (text.StartsWith("Expected depth to be zero", StringComparison.Ordinal))
            return "the end of the file inside an object or a list (a } or ] missing, or the file cut short?)";
        if (text.StartsWith("Expected end of string", StringComparison.Ordinal))
            return "the end of the file inside a string (a closing \" missing, or the file cut short?)";
        if (text.EndsWith("but instead reached end of data", StringComparison.Ordinal))
            return "the end of the file where a value should be (the file cut short?)";
        if (text.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal))
            return "no JSON value, only white space";
        if (text.StartsWith("The maximum configured depth of", StringComparison.Ordinal))
            return "objects and lists nested deeper than any records file's (64 levels)";
        // Found by a trial: the slips of text pasted into a string (a line break, LaTeX's backslashes) and of literals
        // written as in Python were System.Text.Json's own sentences, a misspelt literal with the rest of its line.
        if (InString().Match(text) is { Success: true } control)
        {
            var code = control.Groups[1].Value;
            return code switch
            {
                "0A" => "a line break inside a string (JSON writes it as \\n)",
                "0D" => "a carriage return inside a string (JSON writes it as \\r)",
                "09" => "a tab inside a string (JSON writes it as \\t)",
                _ => $"the control character U+00{code} inside a string (JSON writes it as \\u00{code})",
            };
        }
        if (BadEscape().Match(text) is { Success: true } escape)
            return $"\\{escape.Groups[1].Value} inside a string, which is no JSON escape (a backslash itself is written \\\\, as in \\\\alpha)";
        if (BadHex().Match(text) is { Success: true } hex)
            return $"\\u followed by '{hex.Groups[1].Value}' inside a string, where four hex digits should be";
        if (Literal().Match(text) is { Success: true } literal)
            return $"a misspelt literal where {literal.Groups[1].Value} should be (JSON's literals are true, false and null, in small letters)";
        if (text.StartsWith("Invalid leading zero", StringComparison.Ordinal))
            return "a number with a leading zero (JSON writes 7, not 07)";
        if (Quoted().Match(text) is not { Success: true } m) return text;
        var c = m.Groups[1].Value;
        var what = c switch { "'" => "a single quote (JSON strings and keys take double quotes)", "/" => "a / (JSON has no comments)", _ => $"'{c}'" };
        return m.Groups[2].Value switch
        {
            "is an invalid start of a property name" => $"{what} where a key in double quotes should begin",
            "is invalid after a value" => c == "/" ? $"{what} after a value" : $"{what} after a value, where a comma or the closing bracket should be (a comma missing?)",
            "is invalid after a property name" => $"{what} after a key, where a colon should be",
            "is invalid after a single JSON value" => $"{what} after the end of the file's object",
            // True, None, NaN: Python's words for what JSON calls true, null, and has not.
            _ => c is "'" or "/" ? $"{what} where a value should begin"
                : c is "T" or "F" or "N" or "I" ? $"'{c}' where a value should begin (JSON's literals are true, false and null, in small letters; it has no NaN or Infinity)"
                : text,
        };
    }

    /// <summary>
    /// Git's conflict marker, where the line (counted from 0) the error is on starts with one: found by a new user's trial,
    /// a records file merged with a conflict was "'&lt;' is an invalid start of a value". Null for any other line.
    /// </summary>
    public static string? ConflictMarker(ReadOnlySpan<byte> json, long? line)
    {
        if (line is not { } at) return null;
        for (var i = 0L; i < at; i++)
        {
            var end = json.IndexOf((byte)'\n');
            if (end < 0) return null;
            json = json[(end + 1)..];
        }
        foreach (var marker in (ReadOnlySpan<string>)["<<<<<<<", "=======", ">>>>>>>", "|||||||"])
        {
            if (json.StartsWith(System.Text.Encoding.ASCII.GetBytes(marker)))
                return $"git's conflict marker {marker} (a merge left both sides of a conflict in the file: keep one, or put the two together, and remove the markers)";
        }
        return null;
    }

    /// <summary>
    /// A Markdown file's front matter, where the file starts with one and the error is on its first line: found by a second
    /// trial, a post saved as a records file was "'-' is invalid within a number, immediately after a sign character".
    /// </summary>
    public static string? FrontMatter(ReadOnlySpan<byte> json, long? line) =>
        line == 0 && (json.StartsWith("---\n"u8) || json.StartsWith("---\r\n"u8))
            ? "a Markdown file's front matter (---), not JSON (a post saved as a records file?)"
            : null;

    [GeneratedRegex(@"^'0x([0-9A-F]{2})' is invalid within a JSON string", RegexOptions.CultureInvariant)]
    private static partial Regex InString();

    [GeneratedRegex(@"^'(.)' is an invalid escapable character within a JSON string", RegexOptions.CultureInvariant)]
    private static partial Regex BadEscape();

    [GeneratedRegex(@"^'(.)' is not a hex digit following '\\u' within a JSON string", RegexOptions.CultureInvariant)]
    private static partial Regex BadHex();

    [GeneratedRegex(@"is an invalid JSON literal\. Expected the literal '(true|false|null)'$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Literal();

    [GeneratedRegex(@"^'(.+?)' (is an invalid start of a property name|is invalid after a value|is invalid after a property name|is invalid after a single JSON value|is an invalid start of a value)", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();
}
