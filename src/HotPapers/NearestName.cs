namespace HotPapers;

/// <summary>
/// The name a misspelt one was meant to be: a template's member (<c>post.dat</c>) and a settings key
/// (<c>minPaperScor</c>) are answered with "did you mean" by the same rule.
/// </summary>
internal static class NearestName
{
    /// <summary>
    /// The one of <paramref name="names"/> nearest to <paramref name="name"/> as a typo would make it, compared
    /// without case and underscores (so <c>socialImage</c> finds <c>social_image</c>); null when none is near.
    /// </summary>
    public static string? Of(string name, IEnumerable<string> names)
    {
        var wanted = Plain(name);
        // One slip in a short name, two in a longer one, three in a long one.
        var allowed = wanted.Length <= 3 ? 1 : wanted.Length <= 8 ? 2 : 3;
        string? best = null;
        var bestDistance = allowed + 1;
        foreach (var member in names)
        {
            var distance = Distance(wanted, Plain(member));
            if (distance < bestDistance) (best, bestDistance) = (member, distance);
        }
        return best;
    }

    private static string Plain(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>Edits (insert, delete, replace, swap two neighbours) from <paramref name="a"/> to <paramref name="b"/>.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
