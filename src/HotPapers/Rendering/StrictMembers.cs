using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace HotPapers.Rendering;

/// <summary>
/// Strict members, as <c>StrictVariables</c> makes names strict: <c>post.dat</c> is an error naming the
/// member, the object, its members and the nearest of them, not an empty string. Scriban asks
/// <see cref="TemplateContext.TryGetMember"/> for a member its accessor did not find; this answers by
/// refusing. (Scriban's own switch, <see cref="TemplateContext.EnableRelaxedMemberAccess"/> off, would say
/// only "Cannot get member with name dat." and would make a key missing from <c>x[key]</c> an error too.)
/// A member whose value is optional is in the model with a null value, which a template can test
/// (<c>post.layout.after_embeds ?? 4</c>, <c>if page.newer</c>); a member of null (<c>a.b</c> where
/// <c>a</c> is null) stays Scriban's error, and <c>a?.b</c> its null.
/// </summary>
internal static class StrictMembers
{
    /// <summary>For <see cref="TemplateContext.TryGetMember"/>: throws for a missing member of <c>a.b</c>; an indexer's key (<c>a[key]</c>) may be missing, and is null.</summary>
    public static bool Refuse(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        value = null;
        // The member expression being evaluated (Scriban sets it for each); an indexer's is not one.
        if (context.CurrentNode is not ScriptMemberExpression expression) return false;
        var members = context.GetMemberAccessor(target).GetMembers(context, span, target).ToList();
        throw new ScriptRuntimeException(span, Message(member, expression.Target?.ToString() ?? "", members));
    }

    /// <summary>
    /// <c>The member `dat` of `post` was not found (did you mean `date`?); its members are title, date, ...</c>,
    /// in the words of Scriban's message for a name (<c>The variable or function `x` was not found</c>).
    /// </summary>
    internal static string Message(string member, string target, IReadOnlyList<string> members)
    {
        var nearest = Nearest(member, members);
        return $"The member `{member}` of `{target}` was not found"
            + (nearest is null ? "" : $" (did you mean `{nearest}`?)")
            + (members.Count == 0 ? "; it has no members" : "; its members are " + string.Join(", ", members));
    }

    /// <summary>
    /// The member nearest to <paramref name="name"/> as a typo would make it, compared without case and
    /// underscores (so <c>socialImage</c> finds <c>social_image</c>); null when none is near.
    /// </summary>
    internal static string? Nearest(string name, IReadOnlyList<string> members)
    {
        var wanted = Plain(name);
        // One slip in a short name, two in a longer one, three in a long one.
        var allowed = wanted.Length <= 3 ? 1 : wanted.Length <= 8 ? 2 : 3;
        string? best = null;
        var bestDistance = allowed + 1;
        foreach (var member in members)
        {
            var distance = Distance(wanted, Plain(member));
            if (distance < bestDistance) (best, bestDistance) = (member, distance);
        }
        return best;
    }

    private static string Plain(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>Edits (insert, delete, replace, swap two neighbours) from <paramref name="a"/> to <paramref name="b"/>.</summary>
    private static int Distance(string a, string b)
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
