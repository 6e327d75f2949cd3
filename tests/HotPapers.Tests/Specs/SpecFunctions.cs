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
    /// <summary>
    /// <c>card NETWORK</c>: the static card of a mention of that network whose every text field (name,
    /// handle, text) is the input, with 3 reposts, 1 like and 2 replies.
    /// </summary>
    private static string Card(string network, string input)
    {
        if (!HotPapers.Records.Networks.TryParse(network, out var n)) throw new ArgumentException($"no network \"{network}\"");
        var mention = new HotPapers.Records.MentionRecord("https://example.org/post/1", input, input, input,
            HotPapers.Records.TweetTime.FromDay(new DateOnly(2021, 4, 30)), null, 3, 1, null, null, n, 2);
        return MentionEmbed.Card(mention);
    }

    public static string Apply(string function, string input)
    {
        if (function is "embed" or "bluesky-embed")
            return EmbedGuard.Problem(input, bluesky: function == "bluesky-embed") is { } problem ? "unsafe: " + problem : "safe";
        if (function.StartsWith("card ", StringComparison.Ordinal)) return Card(function[5..], input);
        var words = function.Split(' ');
        var set = PostFunctions.For(rawText: words.Contains("raw"), words.Contains("hugo") ? Flavor.Hugo : Flavor.Gatsby);
        if (!set.TryGetValue(words[0], out var value) || value is not IScriptCustomFunction called)
            throw new ArgumentException($"no template function \"{words[0]}\"");
        return (string)called.Invoke(new TemplateContext(), null, new ScriptArray { input }, null)!;
    }
}
