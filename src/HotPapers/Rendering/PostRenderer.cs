using System.Text;
using HotPapers.Ranking;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HotPapers.Rendering;

/// <summary>Renders a ranked digest into the text of its post through the post template.</summary>
/// <param name="postTemplate">The template's file name (see <see cref="Flavors.PostTemplate"/>).</param>
/// <param name="settings">The settings a template sees as <c>settings</c>; the defaults when null.</param>
internal sealed class PostRenderer(TemplateSet templates, FrontMatterSettings front, string postTemplate = TemplateSet.PostTemplate, TemplateSettings? settings = null)
{
    /// <summary>
    /// Reads and parses the post template, whose error (a <see cref="TemplateException"/>) is thrown here, before any
    /// records are read: a broken template is reported alone, as the README promises (found by a user's trial: a
    /// template and a records file both broken gave the records' error). Then makes Scriban's builtins (built by
    /// reflection, about ten milliseconds, a third of a one-day build under Native AOT) on a pool thread, so that
    /// it happens while the records load.
    /// </summary>
    public void Prepare()
    {
        templates.Get(postTemplate);
        Task.Run(() => _ = Builtins.Count);
    }

    /// <summary>The post's text (LF line ends).</summary>
    /// <param name="warnings">Collects what was not used as given (e.g. an unsafe stored embed), for the caller to report.</param>
    public string Render(Digest digest, ICollection<string>? warnings = null)
    {
        using var post = new PostBytes();
        Render(digest, post, warnings, rendering: null);
        return Encoding.UTF8.GetString(post.Span);
    }

    /// <summary>Renders the post into <paramref name="post"/>, as the bytes its file is written with.</summary>
    /// <param name="warnings">Collects what was not used as given (e.g. an unsafe stored embed), for the caller to report.</param>
    /// <param name="rendering">The post's path, for the message of a template that fails on it.</param>
    public void Render(Digest digest, PostBytes post, ICollection<string>? warnings, string? rendering)
    {
        var flavor = (settings ?? TemplateSettings.Default).Flavor;
        var functions = PostFunctions.For(digest.Records.Post.RawText ?? false, flavor);
        var model = PostModel.Create(digest, front, warnings, (settings ?? TemplateSettings.Default).StaticEmbeds);
        // Built per render: a template may assign to it, and renders run in parallel.
        model["settings"] = (settings ?? TemplateSettings.Default).ToScriptObject();
        Render(templates, postTemplate, functions, model, post, rendering);
    }

    /// <summary>
    /// Renders template <paramref name="name"/> of <paramref name="templates"/> with <paramref name="functions"/>
    /// and <paramref name="model"/> as its globals into <paramref name="output"/>: the one way any template is
    /// rendered (posts, and the HTML site's pages). Errors are <see cref="TemplateException"/>s naming the
    /// template's file, line and column (and, for one that fails while rendering, <paramref name="rendering"/>:
    /// the file being rendered). Thread-safe: a context per thread.
    /// </summary>
    internal static void Render(TemplateSet templates, string name, ScriptObject functions, ScriptObject model, IScriptOutput output, string? rendering)
    {
        var template = templates.Get(name);
        // Taken from the thread while in use, and given back only after a render that succeeded: one that
        // failed may have left anything on the context's stacks.
        var context = _idleContext ?? NewContext();
        _idleContext = null;
        context.TemplateLoader = templates;
        // Shared and read-only, as the builtins: a template that assigns to one of these names assigns
        // in its own model, the top of the globals.
        context.PushGlobal(functions);
        context.PushGlobal(model);
        context.PushOutput(output);
        try
        {
            template.Render(context);
        }
        catch (ScriptRuntimeException e) when (e.InnerException is TemplateException { IsSyntax: true } include)
        {
            // An included template that does not parse: its own file, line and column.
            throw include;
        }
        catch (ScriptRuntimeException e) when (e.InnerException is TemplateException missing)
        {
            // An include the loader could not find: the place of the include, the loader's words.
            throw new TemplateException(templates.Describe(e.Span.FileName ?? name), e.Span.Start.Line + 1, e.Span.Start.Column + 1, missing.Reason, rendering);
        }
        catch (ScriptRuntimeException e)
        {
            var file = e.Span.FileName ?? name;
            throw new TemplateException(templates.Describe(file), e.Span.Start.Line + 1, e.Span.Start.Column + 1,
                NotAFunction(e.OriginalMessage, templates.TextOf(file), e.Span.Start.Offset, model, functions) ?? UnknownName(e.OriginalMessage, model, functions), rendering);
        }
        // As a new context would be: no output, globals but the builtins, includes, cycles (Tags) or
        // line state of the post before.
        context.Reset();
        context.Tags.Clear();
        context.ResetPreviousNewLine();
        context.TemplateLoader = null;
        _idleContext = context;
    }

    /// <summary>
    /// Scriban's message for a name no scope has (<c>The variable or function `pubdate` was not found</c>), with the
    /// nearest of the template's names and the model's names listed, as a misspelt member is answered
    /// (<see cref="StrictMembers"/>); any other message as it is. Found by a new user's trial: <c>post.dat</c>
    /// was told the nearest member, <c>{{ pubdate }}</c> nothing of what there is.
    /// </summary>
    internal static string UnknownName(string message, ScriptObject model, ScriptObject functions)
    {
        const string Head = "The variable or function `", Tail = "` was not found";
        if (!message.StartsWith(Head, StringComparison.Ordinal) || !message.EndsWith(Tail, StringComparison.Ordinal)) return message;
        var unknown = message[Head.Length..^Tail.Length];
        var variables = model.Keys.Order(StringComparer.Ordinal).ToList();
        var nearest = NearestName.Of(unknown, [.. variables, .. functions.Keys]);
        return message + (nearest is null ? "" : $" (did you mean `{nearest}`?)") + "; the template's variables are " + string.Join(", ", variables);
    }

    /// <summary>
    /// Scriban's message for a call of a value that is no function (<c>Invalid target function `{strip: Scriban.Runtime...}`
    /// (object)</c>, the value written out with .NET's type names), said with the name called, and the members of an
    /// object of functions (and <c>html</c> piped into in a post template, with where the function is); null for any other
    /// message. Found by a user's trial: <c>{{ html paper.title }}</c> in a post
    /// template, the site's function, called Scriban's <c>html</c> object of functions.
    /// </summary>
    internal static string? NotAFunction(string message, string? text, int offset, ScriptObject model, ScriptObject functions)
    {
        const string Head = "Invalid target function `";
        // Piped into (post.title | html), Scriban names the value itself, and only the hint is missing (found by review).
        if (message.StartsWith("Pipe expression destination `html` ", StringComparison.Ordinal))
            return functions.ContainsKey("html") ? null : message.TrimEnd() + HtmlHint;
        if (!message.StartsWith(Head, StringComparison.Ordinal) || text is null || offset < 0 || offset >= text.Length) return null;
        if (!char.IsAsciiLetter(text[offset]) && text[offset] != '_') return null;
        var callee = Callee(text, offset);
        var kind = message.EndsWith(')') && message.LastIndexOf(" (", StringComparison.Ordinal) is var open and > 0 ? message[(open + 2)..^1] : "value";
        // The members of a name's object (Scriban's html, string, array, ...; the model's post, digest, ...); of a name
        // alone or with its members, not of one indexed or looked up with ?. (papers[0].title, post?.title).
        object? value = null;
        var names = callee.Split('.');
        if (names.All(n => n.Length > 0 && n.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            foreach (var scope in (ScriptObject[])[model, functions, Builtins])
                if (scope.TryGetValue(names[0], out value)) break;
            foreach (var member in names.Skip(1)) value = value is ScriptObject o && o.TryGetValue(member, out var v) ? v : null;
        }
        var members = value is ScriptObject { Count: > 0 } found ? found.Keys.ToList() : [];
        return $"Invalid target function: `{callee}` is {(kind.Length > 0 && "aeiou".Contains(kind[0]) ? "an" : "a")} {kind}, not a function"
            + (members.Count > 0 ? $"; its members are {string.Join(", ", members)}" : "")
            + (callee == "html" && !functions.ContainsKey("html") ? HtmlHint : "");
    }

    private const string HtmlHint =
        "; the site's templates have an `html` function, the posts' have not: a post's text is escaped for Markdown by md, md_heading, md_link_text and md_url";

    // The value called, as the template writes it from where the call starts: the tokens Scriban's own lexer reads there
    // side by side (names, members, ?. and indexers: papers[0].title, post["title"]), up to the white space before the
    // first argument. Found by review: taken up to the first "[" or "?", papers[0].title was told as "`papers` is a string".
    private static string Callee(string text, int offset)
    {
        var end = offset;
        foreach (var token in new Lexer(text))
        {
            if (token.Start.Offset < offset) continue;
            if (token.Start.Offset != end || token.Type is TokenType.Eof or TokenType.CodeExit or TokenType.NewLine) break;
            end = token.End.Offset + 1;
        }
        return text[offset..end].TrimEnd('.', '?');
    }

    /// <summary>How many steps a loop may take, those of the loops inside it included (Scriban counts from each outermost loop).</summary>
    internal const int LoopLimit = 10_000_000;

    // A context per thread, reused from post to post: making one (its stacks, sixty-five argument arrays,
    // its dictionaries) was a twentieth of rendering. Its settings are the same for every render.
    [ThreadStatic]
    private static TemplateContext? _idleContext;

    private static TemplateContext NewContext() => new(Builtins)
    {
        StrictVariables = true,
        // A misspelt member (post.dat) is an error as a misspelt name is (StrictMembers).
        TryGetMember = StrictMembers.Refuse,
        // Found by a new user's trial: "{{ while true }}{{ end }}" hung the build, and a nightly job with it, past
        // Ctrl+C (the render never looks at it). Scriban's default, 1,000, is less than a month's range digest
        // or the site's archive needs; ten million steps (of a loop and those inside it) is no page's.
        LoopLimit = PostRenderer.LoopLimit,
        // Scriban otherwise cuts any text, and the whole output, at a million characters and adds
        // "...": a month's range digest is more.
        LimitToString = 0,
        RecursiveLimit = 64,
        NewLine = "\n",
        MemberRenamer = KeepName,
    };

    private static string KeepName(System.Reflection.MemberInfo member) => member.Name;

    // Scriban's own functions (string.*, array.*, ...) are otherwise copied into every context, a twentieth
    // of a rebuild. Shared by parallel renders, so read-only: a template cannot reassign them.
    private static readonly ScriptObject Builtins = new Scriban.Functions.BuiltinFunctions { IsReadOnly = true };
}
