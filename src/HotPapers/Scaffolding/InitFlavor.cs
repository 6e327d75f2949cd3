using HotPapers.Rendering;

namespace HotPapers.Scaffolding;

/// <summary>
/// What <c>init</c> sets a repository up for: Markdown posts for a Gatsby or a Hugo blog (the posts'
/// <see cref="Flavor"/>), or hotpapers' own HTML site, made by <c>hotpapers site</c> and published with
/// GitHub Pages, which has no posts.
/// </summary>
public enum InitFlavor
{
    Gatsby,
    Hugo,
    Site,
}

public static class InitFlavors
{
    /// <summary>The posts' flavors by their own names, in <see cref="InitFlavor"/>'s order, then <c>site</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Flavors.Names, "site"];

    public static string Name(InitFlavor flavor) => Names[(int)flavor];

    public static bool TryParse(string? text, out InitFlavor flavor)
    {
        var at = Names.ToList().IndexOf(text ?? "");
        flavor = at < 0 ? InitFlavor.Gatsby : (InitFlavor)at;
        return at >= 0;
    }

    public static InitFlavor Of(Flavor flavor) => flavor == Flavor.Hugo ? InitFlavor.Hugo : InitFlavor.Gatsby;

    /// <summary>The posts' flavor, or null for the site, which writes none.</summary>
    public static Flavor? Posts(InitFlavor flavor) => flavor switch
    {
        InitFlavor.Hugo => Flavor.Hugo,
        InitFlavor.Gatsby => Flavor.Gatsby,
        _ => null,
    };
}
