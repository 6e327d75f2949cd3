using HotPapers.Rendering;
using HotPapers.Safety;

namespace HotPapers.Tests.Specs;

/// <summary>The functions spec examples go through: the ones templates call, by their template names, and the embed judge.</summary>
internal static class SpecFunctions
{
    private static readonly PostFunctions Gatsby = PostFunctions.For(rawText: false, Flavor.Gatsby);
    private static readonly PostFunctions GatsbyRaw = PostFunctions.For(rawText: true, Flavor.Gatsby);
    private static readonly PostFunctions Hugo = PostFunctions.For(rawText: false, Flavor.Hugo);

    public static string Apply(string function, string input) => function switch
    {
        "md" => Gatsby.Md(input),
        "md_heading" => Gatsby.MdHeading(input),
        "md_link_text" => Gatsby.MdLinkText(input),
        "md_url" => Gatsby.MdUrl(input),
        "md raw" => GatsbyRaw.Md(input),
        "md_heading raw" => GatsbyRaw.MdHeading(input),
        "md hugo" => Hugo.Md(input),
        "md_heading hugo" => Hugo.MdHeading(input),
        "md_link_text hugo" => Hugo.MdLinkText(input),
        "hugo_tweet" => Hugo.HugoTweet(input),
        "yaml" => Gatsby.Yaml(input),
        "yaml_quoted" => Gatsby.YamlQuoted(input),
        // The embed judge's verdict: "safe", or "unsafe: " and its reason.
        "embed" => EmbedGuard.Problem(input) is { } problem ? "unsafe: " + problem : "safe",
        _ => throw new ArgumentException($"no spec function \"{function}\""),
    };
}
