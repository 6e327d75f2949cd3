namespace HotPapers.Rendering;

/// <summary>The kind of blog the posts go into: it picks the built-in post template.</summary>
public enum Flavor
{
    /// <summary>The old blog's format (Gatsby, Lumen theme): the reference posts, byte for byte.</summary>
    Gatsby,

    /// <summary>Hugo: its front matter keys, and tweets through the <c>hotpapers-tweet</c> shortcode.</summary>
    Hugo,
}

public static class Flavors
{
    public static IReadOnlyList<string> Names { get; } = ["gatsby", "hugo"];

    public static string Name(Flavor flavor) => flavor == Flavor.Hugo ? "hugo" : "gatsby";

    /// <summary>The flavor's name as prose writes it: Hugo, Gatsby.</summary>
    public static string Title(Flavor flavor) => flavor == Flavor.Hugo ? "Hugo" : "Gatsby";

    public static bool TryParse(string? text, out Flavor flavor)
    {
        flavor = Flavor.Gatsby;
        switch (text)
        {
            case "gatsby": return true;
            case "hugo": flavor = Flavor.Hugo; return true;
            default: return false;
        }
    }

    /// <summary>
    /// The post template of a flavor. Both are flat file names, so a user overrides either by putting a
    /// file of that name in the templates folder.
    /// </summary>
    public static string PostTemplate(Flavor flavor) => flavor == Flavor.Hugo ? "post.hugo.md.sbn" : TemplateSet.PostTemplate;
}
