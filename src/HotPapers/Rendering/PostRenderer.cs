using System.Text;
using HotPapers.Ranking;
using HotPapers.Safety;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HotPapers.Rendering;

/// <summary>Renders a ranked digest into the text of its post through the post template.</summary>
/// <param name="postTemplate">The template's file name (see <see cref="Flavors.PostTemplate"/>).</param>
/// <param name="settings">The settings a template sees as <c>settings</c>; the defaults when null.</param>
public sealed class PostRenderer(TemplateSet templates, FrontMatterSettings front, string postTemplate = TemplateSet.PostTemplate, TemplateSettings? settings = null)
{
    /// <summary>
    /// Makes Scriban's builtins (built by reflection, about ten milliseconds, a third of a one-day build
    /// under Native AOT) and parses the post template on a pool thread, so that it happens while the
    /// records load. Errors are not reported here: <see cref="Render(Digest, PostBytes, ICollection{string})"/> meets them again in their place.
    /// </summary>
    public void Prepare() => Task.Run(() =>
    {
        _ = Builtins.Count;
        try
        {
            templates.Get(postTemplate);
        }
        catch (Exception e) when (e is TemplateException or IOException or UnauthorizedAccessException)
        {
        }
    });

    /// <summary>The post's text (LF line ends).</summary>
    /// <param name="warnings">Collects what was not used as given (e.g. an unsafe stored embed), for the caller to report.</param>
    public string Render(Digest digest, ICollection<string>? warnings = null)
    {
        using var post = new PostBytes();
        Render(digest, post, warnings);
        return Encoding.UTF8.GetString(post.Span);
    }

    /// <summary>Renders the post into <paramref name="post"/>, as the bytes its file is written with.</summary>
    /// <param name="warnings">Collects what was not used as given (e.g. an unsafe stored embed), for the caller to report.</param>
    public void Render(Digest digest, PostBytes post, ICollection<string>? warnings = null)
    {
        var template = templates.Get(postTemplate);
        var model = PostModel.Create(digest, front, warnings);
        // Built per render: a template may assign to it, and renders run in parallel.
        model["settings"] = (settings ?? TemplateSettings.Default).ToScriptObject();
        var context = new TemplateContext(Builtins)
        {
            TemplateLoader = templates,
            StrictVariables = true,
            LoopLimit = 0,
            RecursiveLimit = 64,
            NewLine = "\n",
            MemberRenamer = member => member.Name,
        };
        // A copy per render: a template may assign to these names, and renders run in parallel.
        var functions = new ScriptObject();
        foreach (var (name, function) in FunctionSets[(digest.Records.Post.RawText ?? false ? 2 : 0) + ((settings ?? TemplateSettings.Default).Flavor == Flavor.Hugo ? 1 : 0)])
            functions[name] = function;
        context.PushGlobal(functions);
        context.PushGlobal(model);
        context.PushOutput(post);
        try
        {
            template.Render(context);
        }
        catch (ScriptParserRuntimeException e) when (e.ParserMessages.FirstOrDefault(m => m.Type == Scriban.Parsing.ParserMessageType.Error) is { } first)
        {
            // An included template that does not parse: its own file, line and column.
            throw new TemplateException(templates.Describe(first.Span.FileName ?? postTemplate), first.Span.Start.Line + 1, first.Span.Start.Column + 1, first.Message);
        }
        catch (ScriptRuntimeException e) when (e.InnerException is TemplateException missing)
        {
            // An include the loader could not find: the place of the include, the loader's words.
            throw new TemplateException(templates.Describe(e.Span.FileName ?? postTemplate), e.Span.Start.Line + 1, e.Span.Start.Column + 1, missing.Reason);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException(templates.Describe(e.Span.FileName ?? postTemplate), e.Span.Start.Line + 1, e.Span.Start.Column + 1, e.OriginalMessage);
        }
    }

    /// <summary>
    /// The functions templates use: <c>yaml</c>, <c>yaml_quoted</c>, <c>md</c>, <c>md_heading</c>,
    /// <c>md_link_text</c> and <c>md_url</c> (a link's text and destination), <c>hugo_tweet</c>.
    /// </summary>
    // Scriban's own functions (string.*, array.*, ...) are otherwise copied into every context, a twentieth
    // of a rebuild. Shared by parallel renders, so read-only: a template cannot reassign them.
    private static readonly ScriptObject Builtins = new Scriban.Functions.BuiltinFunctions { IsReadOnly = true };

    // Made once, for each of raw text or not and Hugo or not: making the function objects per post cost more than copying them.
    private static readonly ScriptObject[] FunctionSets =
        [Functions(false, Flavor.Gatsby), Functions(false, Flavor.Hugo), Functions(true, Flavor.Gatsby), Functions(true, Flavor.Hugo)];

    private static ScriptObject Functions(bool rawText, Flavor flavor)
    {
        var functions = new ScriptObject();
        functions["yaml"] = new TextFunction("yaml", text => YamlText.Plain(text));
        functions["yaml_quoted"] = new TextFunction("yaml_quoted", text => YamlText.Quoted(text));
        // An imported post whose text was written unescaped keeps its bytes (post.rawText), unless the
        // raw text would build HTML or a script link: rawText keeps bytes, not hazards. In a Hugo page,
        // text must not call shortcodes either way.
        Func<string, string> site = flavor == Flavor.Hugo ? HugoShortcode.EscapeText : text => text;
        functions["md"] = new TextFunction("md", rawText
            ? text => site(Raw(text, MarkdownText.Context.Paragraph))
            : text => site(MarkdownText.Escape(text, MarkdownText.Context.Paragraph)));
        functions["md_heading"] = new TextFunction("md_heading", rawText
            ? text => site(Raw(text, MarkdownText.Context.Heading))
            : text => site(MarkdownText.Escape(text, MarkdownText.Context.Heading)));
        functions["md_link_text"] = new TextFunction("md_link_text", text => site(MarkdownText.LinkText(text)));
        functions["md_url"] = new TextFunction("md_url", url => MarkdownText.LinkDestination(url));
        functions["hugo_tweet"] = new TextFunction("hugo_tweet", embed => HugoShortcode.Tweet(embed));
        return functions;
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
