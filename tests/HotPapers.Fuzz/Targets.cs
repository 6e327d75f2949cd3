using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.Safety;

namespace HotPapers.Fuzz;

/// <summary>
/// What the fuzzer feeds: each target takes raw bytes and may only fail the way the tool fails on bad
/// input (<see cref="InputException"/>); anything else thrown is a finding.
/// </summary>
internal static class Targets
{
    // Lazy: under afl, instrumented code must not run before SharpFuzz has set up the coverage map.
    private static readonly Lazy<RecordsLoader> LazyLoader = new(() => new(TimeZones.Parse("+09:00", "fuzz")));
    private static readonly Lazy<PostRenderer> LazyRenderer = new(() => new(TemplateSet.BuiltIn, FrontMatterSettings.Default));
    private static readonly Lazy<Ranker> LazyRanker = new(() => new(RankingSettings.Default with { MinPaperScore = 0, MinMentionScore = 0 }));

    private static RecordsLoader Loader => LazyLoader.Value;
    private static PostRenderer Renderer => LazyRenderer.Value;
    private static Ranker Ranker => LazyRanker.Value;

    public static readonly Dictionary<string, Action<byte[]>> All = new(StringComparer.Ordinal)
    {
        // The records loader, both formats (the importer is not on main yet: no target for it).
        ["records"] = bytes =>
        {
            try { Loader.Parse("fuzz.json", bytes); }
            catch (InputException) { }
        },
        // Loader, ranking and rendering: whatever loads must render.
        ["render"] = bytes =>
        {
            DigestRecords records;
            try { records = Loader.Parse("fuzz.json", bytes); }
            catch (InputException) { return; }
            Renderer.Render(Ranker.Rank(records), []);
        },
        // The embed guard on any text; a built embed must always pass it.
        ["embed"] = bytes =>
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            EmbedGuard.Problem(text);
            var tweet = new MentionRecord("https://twitter.com/a/status/1", text, "a", text, null, text, 1, 1, null, null);
            if (EmbedGuard.Problem(TweetEmbed.Build(tweet)) is { } problem) throw new InvalidOperationException("built embed rejected: " + problem);
        },
        // The same for Bluesky's shape; a static card holds no script or iframe and stays on one line.
        ["bluesky-embed"] = bytes =>
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            EmbedGuard.Problem(text, bluesky: true);
            var post = new MentionRecord("https://bsky.app/profile/a.example/post/1", text, text, text, null, text, 1, 1, null, null, Network.Bluesky);
            if (EmbedGuard.Problem(MentionEmbed.BuildBluesky(post), bluesky: true) is { } problem) throw new InvalidOperationException("built Bluesky embed rejected: " + problem);
            var card = MentionEmbed.Card(post with { Network = Network.Mastodon });
            if (card.Contains("<script", StringComparison.OrdinalIgnoreCase) || card.Contains("<iframe", StringComparison.OrdinalIgnoreCase) || card.Contains('\n'))
                throw new InvalidOperationException("card holds markup or a line break: " + card);
        },
    };
}
