using HotPapers.Rendering;
using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HotPapers.Site;

/// <summary>
/// The site templates' <c>include</c>: Scriban's own (<see cref="IncludeFunction"/>), whose included template
/// writes into the page as it renders rather than into a string that the page then copies. Scriban renders an
/// include into a StringBuilder of its own and returns it as one string: a digest's papers, 40 KB of text on
/// each day page, were built twice and made a large-object string per page, whose collections were a tenth
/// of the site's time.
/// </summary>
/// <remarks>
/// The template is found, loaded, cached and guarded against recursion by the same <see cref="TemplateContext"/>
/// calls Scriban's include makes, and sees the same <c>$</c> arguments, so a missing or broken include gets
/// the same message. Where Scriban's include does more than that, it is Scriban's that runs: an include with
/// spaces before it on its line (Scriban indents each line of its text by them), named arguments,
/// and any output other than the page's bytes (a <c>capture</c>, an include inside such an include), which
/// <see cref="Template.Render(TemplateContext)"/> would read and clear.
/// </remarks>
internal sealed class SiteInclude : IScriptCustomFunction
{
    private static readonly IScriptCustomFunction Scriban = new IncludeFunction();

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        // Scriban's indent of a line's first include is "", which indents nothing.
        var indent = context.CurrentIndent;
        if (context.Output is not PostBytes || indent is { Length: > 0 } || arguments.Count != 1
            || callerContext is not ScriptFunctionCall call || call.Arguments.Any(a => a is ScriptNamedArgument)
            || context.ObjectToString(arguments[0]) is not { Length: > 0 } name)
            return Scriban.Invoke(context, callerContext, arguments, blockStatement);
        if (context.GetTemplatePathFromName(name, callerContext) is not { } path) return null;
        var template = context.GetOrCreateTemplate(path, callerContext);
        // As Scriban's include, but for the output it pushes and pops.
        context.EnterRecursive(callerContext);
        context.CurrentIndent = null;
        context.PushLocal();
        try
        {
            context.SetValue(ScriptVariable.Arguments, arguments, true, true);
            if (indent is not null) context.ResetPreviousNewLine();
            template.Render(context);
        }
        finally
        {
            context.PopLocal();
            context.CurrentIndent = indent;
            context.ExitRecursive(callerContext);
        }
        return null;
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

    public int RequiredParameterCount => Scriban.RequiredParameterCount;

    public int ParameterCount => Scriban.ParameterCount;

    public ScriptVarParamKind VarParamKind => Scriban.VarParamKind;

    public Type ReturnType => Scriban.ReturnType;

    public ScriptParameterInfo GetParameterInfo(int index) => Scriban.GetParameterInfo(index);
}
