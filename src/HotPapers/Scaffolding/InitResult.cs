using HotPapers.Rendering;

namespace HotPapers.Scaffolding;

/// <summary>What <c>init</c> did, and what the user should know and do next.</summary>
/// <param name="Flavor">The flavor whose files init wrote.</param>
/// <param name="FlavorReason">Why that flavor: the option, the file that shows the blog, or the default; with <see cref="KeptFlavor"/>, why that one.</param>
/// <param name="Notes">What the blog still lacks (a Hugo theme, the templates setting).</param>
/// <param name="NextSteps">The commands to run, in order.</param>
public sealed record InitResult(
    InitFlavor Flavor,
    string FlavorReason,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ScaffoldedFile> Files,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> NextSteps)
{
    /// <summary>
    /// The posts' flavor of the <c>hotpapers.yml</c> init kept, where it is not <see cref="Flavor"/>'s: the one build
    /// uses until the file says otherwise (null when they agree, or init wrote the file).
    /// </summary>
    public Flavor? KeptFlavor { get; init; }
}
