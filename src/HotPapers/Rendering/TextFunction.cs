using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HotPapers.Rendering;

/// <summary>
/// A template function of one text argument (<c>md</c>, <c>yaml</c>, ...). A missing value (null) is an
/// empty string, as in Scriban's own functions.
/// </summary>
internal sealed class TextFunction(string name, Func<string, string> function) : OneArgumentFunction(typeof(string), "text")
{
    public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (arguments.Count != 1)
            throw new ScriptRuntimeException(callerContext?.Span ?? default, $"`{name}` takes one argument (a text), found {arguments.Count}");
        var text = arguments[0] switch
        {
            null => "",
            string s => s,
            var other => context.ObjectToString(other) ?? "",
        };
        return function(text);
    }
}
