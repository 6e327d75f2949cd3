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
            // No key: these two take none from the environment.
            (settings.HuggingFace, s => new HuggingFaceSource(s)),
            (settings.HackerNews, s => new HackerNewsSource(s)),
            (settings.Bluesky, s => new BlueskySource(s, environment)),
            (settings.Twitter, s => new TwitterSource(s, environment)),
            (settings.Mastodon, s => new MastodonSource(s, environment)),
        ];
        return [.. all.Where(a => a.Settings.Enabled).Select(a => a.Make(a.Settings))];
    }
}
