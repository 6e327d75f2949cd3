using System.Text;
using CsCheck;

namespace HotPapers.Tests.Safety;

/// <summary>CsCheck generators for hostile text: runs of Markdown, HTML, YAML and template tokens, and any Unicode.</summary>
internal static class Generators
{
    private static readonly string[] Tokens =
    [
        "<", ">", "&", "*", "_", "[", "]", "(", ")", "\\", "`", "#", "-", "+", "=", "|", ":", "!", "~", "'", "\"", ".", "1.", "2)",
        " ", "  ", "    ", "\t", "\n", "\r", "\r\n", "\n\n", "a", "b c", "---", "...", "{{", "}}", "{%", "%}", "<script>", "</p>",
        "<!--", "-->", "&amp;", "&#106;", "&lt;", "http://x.example", "javascript:", "[x](y)", "![i](j)", "[r]: z", "@", "%",
        "é", "漢字", "😀", "\u00a0", "\u2028", "\u200b", "null", "true", "no", "~", "? ", "- ", "> ", "*x*", "__", "$", "$$", "^",
    ];

    /// <summary>Valid text (no lone surrogates, no NUL: what a records file can hold), hostile by construction.</summary>
    public static readonly Gen<string> Text =
        Gen.Frequency(
            (3, Gen.Int[0, Tokens.Length - 1].Array[0, 12].Select(ix => string.Concat(ix.Select(i => Tokens[i])))),
            (1, Gen.Char.Array[0, 20].Select(Clean)));

    public static readonly Gen<string> NonBlankText = Text.Select(s => s.Trim().Length == 0 ? s + "x" : s);

    private static string Clean(char[] chars)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < chars.Length; i++)
        {
            var ch = chars[i];
            if (ch == '\0') continue;
            if (char.IsHighSurrogate(ch) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { sb.Append(ch).Append(chars[++i]); continue; }
            if (char.IsSurrogate(ch)) continue;
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
