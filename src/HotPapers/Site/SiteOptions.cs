namespace HotPapers.Site;

/// <summary>What the command line says over the settings' <c>site:</c> section.</summary>
/// <param name="OutputDirectory">The folder to write the site to (else <c>site.output</c>).</param>
/// <param name="BaseUrl">The site's absolute address (else <c>site.baseUrl</c>); see <see cref="Settings.BaseUrls"/>.</param>
public sealed record SiteOptions(string? OutputDirectory = null, Uri? BaseUrl = null)
{
    public static SiteOptions None { get; } = new();
}
