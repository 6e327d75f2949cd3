using HotPapers.Rendering;
using HotPapers.Scaffolding;

namespace HotPapers.Tests;

/// <summary>A Hugo site as init scaffolds it, with the least configuration and layouts a test needs to see the posts' pages.</summary>
internal static class HugoTestSite
{
    /// <param name="configuration">Lines added to hugo.toml (markup settings, ...).</param>
    /// <param name="single">The layout of a post's page.</param>
    public static void Create(string site, string configuration, string single)
    {
        Scaffolder.Scaffold(site, Flavor.Hugo, force: false);
        File.WriteAllText(Path.Combine(site, "hugo.toml"), """
            baseURL = "https://example.org/"
            title = "Test"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]

            """ + configuration);
        Directory.CreateDirectory(Path.Combine(site, "layouts", "_default"));
        File.WriteAllText(Path.Combine(site, "layouts", "_default", "list.html"), "<html><body>{{ range .Site.RegularPages }}{{ .Title }}{{ end }}</body></html>\n");
        File.WriteAllText(Path.Combine(site, "layouts", "_default", "single.html"), single);
    }
}
