using System.Text;
using HotPapers.Ranking;
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
    /// Reads the post template and, unless it is one in code (<see cref="CompiledTemplates"/>), makes
    /// Scriban's builtins (built by reflection, about ten milliseconds, a third of a one-day build under
    /// Native AOT) and parses it, on a pool thread, so that it happens while the records load. Errors are
    /// not reported here: <see cref="Render(Digest, PostBytes, ICollection{string})"/> meets them again in their place.
    /// </summary>
    public void Prepare() => Task.Run(() =>
    {
        try
        {
            if (templates.Compiled(postTemplate) is not null) return;
            _ = Builtins.Count;
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
        var flavor = (settings ?? TemplateSettings.Default).Flavor;
        var functions = PostFunctions.For(digest.Records.Post.RawText ?? false, flavor);
        if (templates.Compiled(postTemplate) is { } compiled)
        {
            // Held back until the post is whole: a post that fails here is rendered again below.
            var found = warnings is null ? null : new List<string>();
            try
            {
                compiled(digest, PostModel.FrontMatter(digest.Records, front), functions, post, found);
                foreach (var warning in found ?? []) warnings!.Add(warning);
                return;
            }
            catch (Exception e) when (e is EncoderFallbackException or YamlDotNet.Core.YamlException)
            {
                // Text that cannot be written (a lone surrogate, which records and settings files cannot
                // hold, but the API can) fails in Scriban too, with the template's file, line and column.
                post.Clear();
            }
        }
        var template = templates.Get(postTemplate);
        var model = PostModel.Create(digest, front, warnings);
        // Built per render: a template may assign to it, and renders run in parallel.
        model["settings"] = (settings ?? TemplateSettings.Default).ToScriptObject();
        var context = new TemplateContext(Builtins)
        {
            TemplateLoader = templates,
            StrictVariables = true,
            LoopLimit = 0,
            // Scriban otherwise cuts any text, and the whole output, at a million characters and adds
            // "...": a month's range digest is more.
            LimitToString = 0,
            RecursiveLimit = 64,
            NewLine = "\n",
            MemberRenamer = member => member.Name,
        };
        // A copy per render: a template may assign to these names, and renders run in parallel.
        var functionObject = new ScriptObject();
        foreach (var (name, function) in functions.ScriptFunctions) functionObject[name] = function;
        context.PushGlobal(functionObject);
        context.PushGlobal(model);
        context.PushOutput(post);
        templates.LendIncludes(context);
        try
        {
            template.Render(context);
            templates.KeepIncludes(context);
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

    // Scriban's own functions (string.*, array.*, ...) are otherwise copied into every context, a twentieth
    // of a rebuild. Shared by parallel renders, so read-only: a template cannot reassign them.
    private static readonly ScriptObject Builtins = new Scriban.Functions.BuiltinFunctions { IsReadOnly = true };
}
