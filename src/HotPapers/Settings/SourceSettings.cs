namespace HotPapers.Settings;

/// <summary>One source's part of <c>hotpapers.yml</c>'s <c>collect:</c> section.</summary>
/// <param name="Enabled">Whether collect asks it.</param>
/// <param name="BaseUrl">Where its API lives (a mirror, or a test's loopback server); paths under it are the API's documented ones.</param>
/// <param name="EmbedUrl">Where its oEmbed endpoint lives, for the networks that have one.</param>
internal sealed record SourceSettings(bool Enabled, Uri BaseUrl, Uri? EmbedUrl = null);
