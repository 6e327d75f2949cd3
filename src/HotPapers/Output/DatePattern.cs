using System.Text.RegularExpressions;

namespace HotPapers.Output;

/// <summary>
/// The patterns that name a post, its file name and its title, description and slug: <c>{date}</c> stands for
/// the digest's date, and is the one placeholder there is. Found by a new user's trial: a slug of
/// <c>papers-{data}</c> built every post with that same slug, and Hugo kept one page of them, saying nothing.
/// </summary>
internal static partial class DatePattern
{
    public const string Placeholder = "{date}";

    /// <summary>The date (<c>2021-04-30</c>, or a range's text) put into a pattern.</summary>
    public static string Fill(string pattern, string dateText) => pattern.Replace(Placeholder, dateText, StringComparison.Ordinal);

    /// <summary>The first word in braces that is not <c>{date}</c> (a misspelt one, <c>{data}</c>, <c>{Date}</c>); null when there is none.</summary>
    public static string? Unknown(string pattern)
    {
        foreach (Match m in Word().Matches(pattern))
            if (m.Value != Placeholder) return m.Value;
        return null;
    }

    [GeneratedRegex(@"\{[A-Za-z_][A-Za-z0-9_]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
