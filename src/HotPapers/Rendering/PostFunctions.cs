using HotPapers.Safety;
using Scriban.Runtime;

namespace HotPapers.Rendering;

/// <summary>
/// The text functions templates call: <c>yaml</c>, <c>yaml_quoted</c>, <c>md</c>, <c>md_heading</c>,
/// <c>md_link_text</c> and <c>md_url</c> (a link's text and destination), <c>hugo_tweet</c>. The same
/// functions serve Scriban (<see cref="PostRenderer"/>) and the built-in templates in code
/// (<see cref="CompiledTemplates"/>), so that both write the same post.
/// </summary>
internal sealed class PostFunctions
{
    // Made once for each of raw text or not and Hugo or not.
    private static readonly PostFunctions[] Sets = [Make(false, Flavor.Gatsby), Make(false, Flavor.Hugo), Make(true, Flavor.Gatsby), Make(true, Flavor.Hugo)];

    private PostFunctions(Func<string, string> yaml, Func<string, string> yamlQuoted, Func<string, string> md, Func<string, string> mdHeading,
        Func<string, string> mdLinkText, Func<string, string> mdUrl, Func<string, string> hugoTweet)
    {
        (Yaml, YamlQuoted, Md, MdHeading, MdLinkText, MdUrl, HugoTweet) = (yaml, yamlQuoted, md, mdHeading, mdLinkText, mdUrl, hugoTweet);
        ScriptFunctions = new ScriptObject();
        foreach (var (name, function) in Named()) ScriptFunctions[name] = new TextFunction(name, function);
    }

    public Func<string, string> Yaml { get; }
    public Func<string, string> YamlQuoted { get; }
    public Func<string, string> Md { get; }
    public Func<string, string> MdHeading { get; }
    public Func<string, string> MdLinkText { get; }
    public Func<string, string> MdUrl { get; }
    public Func<string, string> HugoTweet { get; }

    /// <summary>
    /// The functions as Scriban calls them, made once: a render copies them into its own object (a
    /// template may assign to these names, and renders run in parallel), which costs less than making them.
    /// </summary>
    internal ScriptObject ScriptFunctions { get; }

    /// <summary>The functions for a post whose text is kept raw (<c>post.rawText</c>) or not, in a blog of that flavor.</summary>
    public static PostFunctions For(bool rawText, Flavor flavor) => Sets[(rawText ? 2 : 0) + (flavor == Flavor.Hugo ? 1 : 0)];

    /// <summary>The functions by the names templates call them.</summary>
    private IEnumerable<(string Name, Func<string, string> Function)> Named() =>
    [
        ("yaml", Yaml), ("yaml_quoted", YamlQuoted), ("md", Md), ("md_heading", MdHeading),
        ("md_link_text", MdLinkText), ("md_url", MdUrl), ("hugo_tweet", HugoTweet),
    ];

    private static PostFunctions Make(bool rawText, Flavor flavor)
    {
        // An imported post whose text was written unescaped keeps its bytes (post.rawText), unless the
        // raw text would build HTML or a script link: rawText keeps bytes, not hazards. In a Hugo page,
        // text must not call shortcodes either way.
        Func<string, string> site = flavor == Flavor.Hugo ? HugoShortcode.EscapeText : text => text;
        return new PostFunctions(
            yaml: text => YamlText.Plain(text),
            yamlQuoted: text => YamlText.Quoted(text),
            md: rawText
                ? text => site(Raw(text, MarkdownText.Context.Paragraph))
                : text => site(MarkdownText.Escape(text, MarkdownText.Context.Paragraph)),
            mdHeading: rawText
                ? text => site(Raw(text, MarkdownText.Context.Heading))
                : text => site(MarkdownText.Escape(text, MarkdownText.Context.Heading)),
            mdLinkText: text => site(MarkdownText.LinkText(text)),
            mdUrl: url => MarkdownText.LinkDestination(url),
            hugoTweet: embed => HugoShortcode.Tweet(embed));
    }

    private static string Raw(string text, MarkdownText.Context context)
    {
        var line = MarkdownText.OneLine(text);
        // Judged where it stands and also as inline text: indentation that makes a harmless code block
        // at a line start means nothing after "# 1. ".
        var harmless = MarkdownGuard.IsHarmless(line) && MarkdownGuard.IsHarmless(line.TrimStart())
            && (context != MarkdownText.Context.Heading || MarkdownGuard.IsHarmless("# 1. " + line));
        return harmless ? line : MarkdownText.Escape(text, context);
    }
}
