using System.Collections.Immutable;
using HotPapers.Settings;

namespace HotPapers.Collecting;

/// <summary>The one list of the networks collect asks, in the order it asks them (and reports them).</summary>
internal static class MentionSources
{
    /// <summary>Each enabled source of <paramref name="settings"/>, given the environment its credentials come from.</summary>
    public static ImmutableArray<IMentionSource> FromSettings(CollectSettings settings, Func<string, string?> environment)
    {
        (SourceSettings Settings, Func<SourceSettings, IMentionSource> Make)[] all =
        [
            (settings.HuggingFace, s => new HuggingFaceSource(s, environment)),
            (settings.HackerNews, s => new HackerNewsSource(s, environment)),
            // Bluesky, X and Mastodon go here: (settings.Bluesky, s => new BlueskySource(s, environment)), ...
        ];
        return [.. all.Where(a => a.Settings.Enabled).Select(a => a.Make(a.Settings))];
    }
}
