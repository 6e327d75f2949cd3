using HotPapers.Safety;
using Scriban.Runtime;

namespace HotPapers.Rendering;

/// <summary>
/// The text functions templates call: <c>yaml</c>, <c>yaml_quoted</c>, <c>md</c>, <c>md_heading</c>,
/// <c>md_link_text</c> and <c>md_url</c> (a link's text and destination), <c>hugo_tweet</c>, <c>empty_lines</c>.
/// </summary>
internal static class PostFunctions
{
    // Made once for each of raw text or not and Hugo or not.
    private static readonly ScriptObject[] Sets = [Make(false, Flavor.Gatsby), Make(false, Flavor.Hugo), Make(true, Flavor.Gatsby), Make(true, Flavor.Hugo)];

    /// <summary>
    /// The functions, by the names templates call them, for a post whose text is kept raw
    /// (<c>post.rawText</c>) or not, in a blog of that flavor. Read-only: they are shared by every render.
    /// </summary>
    public static ScriptObject For(bool rawText, Flavor flavor) => Sets[(rawText ? 2 : 0) + (flavor == Flavor.Hugo ? 1 : 0)];

    private static ScriptObject Make(bool rawText, Flavor flavor)
    {
        // An imported post whose text was written unescaped keeps its bytes (post.rawText), unless the
        // raw text would build HTML or a script link: rawText keeps bytes, not hazards. In a Hugo page,
        // no text, link text or URL may call a shortcode or set attributes, either way.
        (string Name, Func<string, string> Function)[] named =
        [
            ("yaml", YamlText.Plain),
            ("yaml_quoted", YamlText.Quoted),
            ("md", text => Markdown(text, MarkdownText.Context.Paragraph, rawText, flavor)),
            ("md_heading", text => Markdown(text, MarkdownText.Context.Heading, rawText, flavor)),
            ("md_link_text", text => LinkText(text, flavor)),
            ("md_url", url => Site(MarkdownText.LinkDestination(url), flavor)),
            ("hugo_tweet", HugoShortcode.Tweet),
        ];
        var functions = new ScriptObject(named.Length);
        foreach (var (name, function) in named) functions[name] = new TextFunction(name, function);
        functions[EmptyLinesFunction.Name] = new EmptyLinesFunction();
        functions.IsReadOnly = true;
        return functions;
    }

    /// <summary>What <c>md</c> (paragraph) and <c>md_heading</c> (heading) write for <paramref name="text"/>.</summary>
    public static string Markdown(string text, MarkdownText.Context context, bool rawText, Flavor flavor) =>
        Site(rawText ? Raw(text, context) : MarkdownText.Escape(text, context), flavor);

    /// <summary>What <c>md_link_text</c> writes for <paramref name="text"/>.</summary>
    public static string LinkText(string text, Flavor flavor) => Site(MarkdownText.LinkText(text), flavor);

    // In a Hugo page, no text may call a shortcode or set a heading's attributes, raw or not.
    private static string Site(string markdown, Flavor flavor) => flavor == Flavor.Hugo ? HugoShortcode.EscapeText(markdown) : markdown;

    private static string Raw(string text, MarkdownText.Context context)
    {
        var line = MarkdownText.OneLine(text);
        return MarkdownGuard.IsHarmless(line, context == MarkdownText.Context.Heading) ? line : MarkdownText.Escape(text, context);
    }
}
