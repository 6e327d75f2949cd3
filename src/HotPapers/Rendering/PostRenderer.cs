using HotPapers.Ranking;
using HotPapers.Safety;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HotPapers.Rendering;

/// <summary>Renders a ranked digest into the text of its post through the post template.</summary>
public sealed class PostRenderer(TemplateSet templates, FrontMatterSettings front)
{
    /// <param name="warnings">Collects what was not used as given (e.g. an unsafe stored embed), for the caller to report.</param>
    public string Render(Digest digest, ICollection<string>? warnings = null)
    {
        var template = templates.Get(TemplateSet.PostTemplate);
        var model = PostModel.Create(digest, front, warnings);
        var context = new TemplateContext
        {
            TemplateLoader = templates,
            StrictVariables = true,
            LoopLimit = 0,
            RecursiveLimit = 64,
            NewLine = "\n",
            MemberRenamer = member => member.Name,
        };
        context.PushGlobal(Functions(digest.Records.Post.RawText ?? false));
        context.PushGlobal(model);
        try
        {
            var text = template.Render(context);
            return text.Replace("\r\n", "\n");
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException(e.Span.FileName ?? TemplateSet.PostTemplate, e.Span.Start.Line + 1, e.Span.Start.Column + 1, e.OriginalMessage);
        }
    }

    /// <summary>
    /// The escaping functions templates use: <c>yaml</c>, <c>yaml_quoted</c>, <c>md</c>, <c>md_heading</c>,
    /// <c>md_link_text</c> and <c>md_url</c> (a link's text and destination).
    /// </summary>
    private static ScriptObject Functions(bool rawText)
    {
        var functions = new ScriptObject();
        functions["yaml"] = DelegateCustomFunction.CreateFunc<string, string>(YamlText.Plain);
        functions["yaml_quoted"] = DelegateCustomFunction.CreateFunc<string, string>(YamlText.Quoted);
        // An imported post whose text was written unescaped keeps its bytes (post.rawText).
        // Raw text that would build HTML or a script link is escaped after all: rawText keeps bytes, not hazards.
        functions["md"] = DelegateCustomFunction.CreateFunc<string, string>(rawText
            ? text => Raw(text ?? "", MarkdownText.Context.Paragraph)
            : text => MarkdownText.Escape(text ?? "", MarkdownText.Context.Paragraph));
        functions["md_heading"] = DelegateCustomFunction.CreateFunc<string, string>(rawText
            ? text => Raw(text ?? "", MarkdownText.Context.Heading)
            : text => MarkdownText.Escape(text ?? "", MarkdownText.Context.Heading));
        functions["md_link_text"] = DelegateCustomFunction.CreateFunc<string, string>(text => MarkdownText.LinkText(text ?? ""));
        functions["md_url"] = DelegateCustomFunction.CreateFunc<string, string>(url => MarkdownText.LinkDestination(url ?? ""));
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
