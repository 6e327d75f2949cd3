using HotPapers.Ranking;
using Scriban.Runtime;

namespace HotPapers.Rendering;

/// <summary>The settings a template can read, as <c>settings.*</c>.</summary>
/// <param name="StaticEmbeds">Every mention as a static card (<c>embeds: static</c>).</param>
internal sealed record TemplateSettings(Flavor Flavor, string TimeZone, RankingSettings Ranking, bool StaticEmbeds = false)
{
    public static TemplateSettings Default { get; } = new(Flavor.Gatsby, "UTC", RankingSettings.Default);

    public ScriptObject ToScriptObject() => new()
    {
        ["flavor"] = Flavors.Name(Flavor),
        ["timezone"] = TimeZone,
        ["min_paper_score"] = Ranking.MinPaperScore,
        ["min_mention_score"] = Ranking.MinMentionScore,
        ["max_mentions"] = Ranking.MaxMentions,
        // The old names, for templates written before other networks.
        ["min_tweet_score"] = Ranking.MinMentionScore,
        ["max_tweets"] = Ranking.MaxMentions,
        ["require_pdf"] = Ranking.RequirePdf,
        ["embeds"] = StaticEmbeds ? "static" : "script",
    };
}
