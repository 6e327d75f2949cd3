namespace HotPapers.Scaffolding;

/// <summary>What <c>hotpapers init</c> is asked to do.</summary>
/// <param name="Flavor">The flavor given on the command line (a blog's, or <c>site</c>); null to take the one the folder shows.</param>
/// <param name="Templates">Also copy the built-in templates the flavor uses (<see cref="Scaffolder.TemplatesOf"/>) into <c>templates/</c>, for editing.</param>
/// <param name="Update">Only bring the files init keeps (workflow, shortcode, schema, <c>.gitignore</c>, the tool manifest's pin) up to this version.</param>
public sealed record InitRequest(string Directory, InitFlavor? Flavor = null, bool Force = false, bool Templates = false, bool Update = false);
