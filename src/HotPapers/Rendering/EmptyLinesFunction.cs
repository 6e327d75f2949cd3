using HotPapers.Records;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HotPapers.Rendering;

/// <summary>
/// <c>empty_lines n</c>: n line feeds, the empty lines after a line of the post. The built-in templates
/// write their standard counts with it, or a post's own where its records give them (<c>post.layout</c>).
/// </summary>
internal sealed class EmptyLinesFunction() : OneArgumentFunction(typeof(int), "count")
{
    public const string Name = "empty_lines";

    private static readonly string[] Lines = [.. Enumerable.Range(0, PostLayout.MaxCount + 1).Select(n => new string('\n', n))];

    public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var n = arguments.Count == 1 && arguments[0] is int or long ? Convert.ToInt64(arguments[0], System.Globalization.CultureInfo.InvariantCulture) : -1;
        if (n is < 0 or > PostLayout.MaxCount)
            throw new ScriptRuntimeException(callerContext?.Span ?? default,
                $"`{Name}` takes one argument (a whole number from 0 to {PostLayout.MaxCount}), found {(arguments.Count == 1 ? context.ObjectToString(arguments[0]) : arguments.Count + " arguments")}");
        return Lines[n];
    }
}
