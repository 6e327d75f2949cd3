using System.Collections.Immutable;

namespace HotPapers.Records;

/// <summary>
/// Front matter values one post carries in place of the settings' values. The old blog changed its
/// values over the years; import keeps a post's own where they differ so a rebuild gives its bytes back.
/// </summary>
internal sealed record PostOverrides(
    string? Title = null,
    string? Template = null,
    bool? Draft = null,
    string? Slug = null,
    string? Category = null,
    ImmutableArray<string>? Tags = null,
    string? Description = null,
    string? SocialImage = null,
    bool? RawText = null,
    PostLayout? Layout = null)
{
    public static PostOverrides None { get; } = new();

    public bool IsEmpty => this == None;
}
