using HotPapers.Rendering;
using HotPapers.Safety;
using Scriban;
using Scriban.Runtime;

namespace HotPapers.Tests.Specs;

/// <summary>The functions spec examples go through: the ones templates call, by their template names, and the embed judge.</summary>
internal static class SpecFunctions
{
    /// <summary>
    /// <paramref name="function"/> is a template function's name, then optionally <c>raw</c> (a post whose text
    /// is kept raw) or <c>hugo</c> (a Hugo post); or <c>embed</c>, the embed judge's verdict ("safe", or
    /// "unsafe: " and its reason).
    /// </summary>
    public static string Apply(string function, string input)
    {
        if (function == "embed") return EmbedGuard.Problem(input) is { } problem ? "unsafe: " + problem : "safe";
        var words = function.Split(' ');
        var set = PostFunctions.For(rawText: words.Contains("raw"), words.Contains("hugo") ? Flavor.Hugo : Flavor.Gatsby);
        if (!set.TryGetValue(words[0], out var value) || value is not IScriptCustomFunction called)
            throw new ArgumentException($"no template function \"{words[0]}\"");
        return (string)called.Invoke(new TemplateContext(), null, new ScriptArray { input }, null)!;
    }
}
