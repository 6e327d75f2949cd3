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

    /// <summary>
    /// The first brace that is not part of <c>{date}</c>, with what it encloses: <c>{data}</c>, <c>{Date}</c>, <c>{ date }</c>,
    /// <c>{{ date }}</c> (Hugo's way, found by a new user's trial: written out as it stood); null when there is none. A
    /// pattern has no other braces, so that no misspelt placeholder passes for text.
    /// </summary>
    public static string? Unknown(string pattern)
    {
        foreach (Match m in Brace().Matches(pattern))
            if (m.Value != Placeholder) return m.Value;
        return null;
    }

    // {date} itself; else braces around at most a few words ({data}, {{ date }}); else a lone brace.
    [GeneratedRegex(@"\{date\}|\{+[^{}]{0,38}\}+|[{}]", RegexOptions.CultureInvariant)]
    private static partial Regex Brace();

    /// <summary>The word in a brace <see cref="Unknown"/> found (<c>date</c> in <c>{{ date }}</c>); null when it holds none.</summary>
    public static string? WordIn(string brace) => Word().Match(brace) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
