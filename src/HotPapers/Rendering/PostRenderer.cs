using HotPapers.Ranking;
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

    /// <summary>The escaping functions templates use: <c>yaml</c>, <c>yaml_quoted</c>, <c>md</c>, <c>md_heading</c>.</summary>
    private static ScriptObject Functions(bool rawText)
    {
        var functions = new ScriptObject();
        functions["yaml"] = DelegateCustomFunction.CreateFunc<string, string>(YamlText.Plain);
        functions["yaml_quoted"] = DelegateCustomFunction.CreateFunc<string, string>(YamlText.Quoted);
        // An imported post whose text was written unescaped keeps its bytes (post.rawText).
        functions["md"] = DelegateCustomFunction.CreateFunc<string, string>(rawText
            ? MarkdownText.OneLine
            : text => MarkdownText.Escape(text ?? "", MarkdownText.Context.Paragraph));
        functions["md_heading"] = DelegateCustomFunction.CreateFunc<string, string>(rawText
            ? MarkdownText.OneLine
            : text => MarkdownText.Escape(text ?? "", MarkdownText.Context.Heading));
        return functions;
    }
}
