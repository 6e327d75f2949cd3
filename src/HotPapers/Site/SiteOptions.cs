namespace HotPapers.Site;

/// <summary>What the command line says over the settings' <c>site:</c> section.</summary>
/// <param name="OutputDirectory">The folder to write the site to (else <c>site.output</c>).</param>
/// <param name="BaseUrl">The site's absolute address (else <c>site.baseUrl</c>); see <see cref="Settings.BaseUrls"/>.</param>
/// <param name="Force">Replace files in the output folder that hotpapers did not write (else they stop the build).</param>
/// <param name="Prune">Remove the pages of the earlier site's digests whose records files are gone (else they stop the build: <see cref="RecordsGone"/>).</param>
public sealed record SiteOptions(string? OutputDirectory = null, Uri? BaseUrl = null, bool Force = false, bool Prune = false)
{
    public static SiteOptions None { get; } = new();
}
