using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HotPapers.Rendering;

/// <summary>
/// A template function of one argument, called directly: Scriban's <see cref="DelegateCustomFunction"/>
/// calls its delegate through reflection, which was a tenth of a rebuild's time. What Scriban asks of
/// every custom function but the call itself is here once.
/// </summary>
internal abstract class OneArgumentFunction(Type parameterType, string parameterName) : IScriptCustomFunction
{
    public abstract object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement);

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(string);

    public ScriptParameterInfo GetParameterInfo(int index) => new(parameterType, parameterName);
}
