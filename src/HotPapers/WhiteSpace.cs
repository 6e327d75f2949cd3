using System.Text;

namespace HotPapers;

/// <summary>Text as one line: for arXiv's titles and abstracts as collect stores them, and a digest's titles in the site's summaries.</summary>
internal static class WhiteSpace
{
    /// <summary>
    /// Each run of white space made one space, none at either end, NUL dropped: arXiv's titles and abstracts come
    /// wrapped at ~80 characters and indented, and titles imported from old posts keep those line breaks.
    /// </summary>
    public static string Collapse(string? text)
    {
        if (text is null) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
            }
            else if (c != '\0')
            {
                sb.Append(c);
            }
        }
        return sb.ToString().TrimEnd(' ');
    }
}
