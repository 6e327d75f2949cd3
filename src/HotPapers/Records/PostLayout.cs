namespace HotPapers.Records;

/// <summary>
/// Empty-line counts of one post where they differ from its template's standard layout: the old
/// generator's layout varied over its two years, and an imported early post keeps its own counts so
/// that a rebuild gives its bytes back. A null count is the template's own.
/// </summary>
/// <param name="AfterFrontMatter">Empty lines between the front matter's closing <c>---</c> and the first paper.</param>
/// <param name="BetweenSections">Empty lines between a paper's sections (heading, authors, counts, links, abstract, each embed).</param>
/// <param name="AfterEmbeds">Empty lines between a paper's last line (its last embed, else its abstract) and the next paper.</param>
/// <param name="EndOfFile">Empty lines after the post's last line.</param>
internal sealed record PostLayout(int? AfterFrontMatter = null, int? BetweenSections = null, int? AfterEmbeds = null, int? EndOfFile = null)
{
    /// <summary>The most a count may be: enough for any layout, small enough that no records file makes a huge post.</summary>
    public const int MaxCount = 100;

    public static PostLayout Standard { get; } = new();

    public bool IsStandard => this == Standard;
}
