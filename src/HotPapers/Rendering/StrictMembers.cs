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
        var nearest = NearestName.Of(member, members);
        return $"The member `{member}` of `{target}` was not found"
            + (nearest is null ? "" : $" (did you mean `{nearest}`?)")
            + (members.Count == 0 ? "; it has no members" : "; its members are " + string.Join(", ", members));
    }
}
