using YamlDotNet.Core;

namespace HotPapers;

/// <summary>The errors of YamlDotNet's parser, all as <see cref="YamlException"/>s with a place.</summary>
internal static class YamlParse
{
    /// <summary>
    /// <paramref name="e"/> as a YAML error, or null for an exception of another kind. YamlDotNet 18 throws an
    /// <see cref="InvalidOperationException"/> of its scanner, not a <see cref="YamlException"/>, for a flow list
    /// or mapping (<c>[</c>, <c>{</c>) left open above a line indented less (<c>tags: [oops</c> above
    /// <c>slug: x</c>): found by a user's trial of import, a stack trace. It is placed at the last event
    /// <paramref name="parser"/> read, the open bracket or the item after it. Give it only what the parser threw.
    /// </summary>
    public static YamlException? Error(Exception e, IParser parser) => e switch
    {
        YamlException yaml => yaml,
        InvalidOperationException =>
            new SyntaxErrorException(parser.Current?.Start ?? Mark.Empty, parser.Current?.End ?? Mark.Empty,
                "a [ or { that is not closed (its ] or } missing?)"),
        _ => null,
    };
}
