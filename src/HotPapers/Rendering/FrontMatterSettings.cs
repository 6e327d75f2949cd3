using System.Collections.Immutable;

namespace HotPapers.Rendering;

/// <summary>
/// The front matter values of a post. In the patterns, <c>{date}</c> stands for the digest's date text
/// (<see cref="Output.DatePattern"/>): <c>2021-04-30</c>, or <c>2021-04-30 - 2021-05-02</c> for a range. The defaults are the old blog's.
/// </summary>
public sealed record FrontMatterSettings
{
    public string TitlePattern { get; init; } = "Hot Papers {date}";
    public string DescriptionPattern { get; init; } = "Hot papers {date}";
    public string SlugPattern { get; init; } = "hot-papers-{date}";
    public string Template { get; init; } = "post";
    public bool Draft { get; init; }
    public string Category { get; init; } = "arXiv";
    public ImmutableArray<string> Tags { get; init; } = ["arXiv", "Twitter", "Machine Learning", "Computer Science"];
    public string SocialImage { get; init; } = "/media/flying-marine.jpg";

    public static FrontMatterSettings Default { get; } = new();
}
