using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace HotPapers.Rendering;

/// <summary>
/// A template's text parsed by Scriban, and its syntax errors said where the mistake is. Scriban reports a
/// slip where it gave up, often lines below it, in the words of its grammar; a user's trials found each case.
/// </summary>
internal static class TemplateSyntax
{
    /// <summary>The parsed template; a syntax error is a <see cref="TemplateException"/> naming file, line and column.</summary>
    public static Template Parse(string path, string text)
    {
        var template = Template.Parse(text, path);
        if (template.HasErrors) throw Error(template, path, text);
        // Scriban takes a "{{" left open at the end of the file for code that ends there: "Footer {{ digest.date"
        // rendered the date, and the template's mistake was never said. Nor was one left open above a Markdown
        // heading: Scriban reads "# " in code as a comment up to the next "}}", "{{" included, and the post lost the
        // heading's line (found by a user's trial).
        if (Unclosed(text, path, before: int.MaxValue, firstRunOn: true) is { } open) throw NotClosed(path, text, open);
        return template;
    }

    private static TemplateException Error(Template template, string path, string text)
    {
        var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
        var at = first.Span.Start;
        // A block left open (a for without its end) is reported where the file ends, lines below the block.
        // Scriban's partial tree still holds the open block, on its last branch.
        if (first.Message.Contains("<end> statement was not found", StringComparison.Ordinal) && OpenBlock(template.Page) is { } block)
            return new TemplateException(path, block.Span.Start.Line + 1, block.Span.Start.Column + 1,
                $"{first.Message} (opened here and still open at the end of the file: Scriban stopped at line {at.Line + 1}, column {at.Column + 1}"
                + (LastClosedIn(block) is { } inner ? $"; the last `end` in it, at line {inner.Span.End.Line + 1}, closes the `{Keyword(text, inner)}` of line {inner.Span.Start.Line + 1}" : "")
                + ")") { IsSyntax = true };
        // A "{{" without its "}}": the code runs on into the next "{{", where Scriban stops ("Unexpected token `{`
        // while parsing object initializer"), lines below.
        // Found by a user's trial: a template's own text after the open "{{" ("---" of the front matter, a list's
        // "- a, b") stops Scriban there, before the next "{{" ("Expecting <expression> instead of `\n`"); the code
        // still runs on, to the next "{{" or the end of the file, with no "}}" between.
        if (Unclosed(text, path, before: at.Offset) is { } open) return NotClosed(path, text, open);
        return new TemplateException(path, at.Line + 1, at.Column + 1, first.Message + HugoHint(text, at.Offset)) { IsSyntax = true };
    }

    // Where a "{{" opened code that is still open, and the "{{" met inside it, if any (in a comment of that code, or not).
    private sealed record Open(int Offset, int Line, int Column, int EnterLength, TextPosition? Next, bool NextInComment = false);

    // Found by review: a "{{" in a comment of code that a "}}" closes later ("{{ # see {{ x }}") was told "not closed"
    // with no word of the comment, which is what took the next "{{" in.
    private static TemplateException NotClosed(string path, string text, Open open) =>
        new(path, open.Line + 1, open.Column + 1, open.Next is { } next
            ? $"`{Enter(text, open)}` is not closed: the next `{{{{`, at line {next.Line + 1}, column {next.Column + 1}, comes before any `}}}}`"
                + (open.NextInComment ? " (a # in code starts a comment that runs to the next `}}`, and took that `{{` in)" : "")
            : $"`{Enter(text, open)}` is not closed: no `}}}}` after it before the end of the file") { IsSyntax = true };

    /// <summary>
    /// The "{{" whose code is still open at the offset <paramref name="before"/> (the token there included), if any, with
    /// the next "{{" its code runs into. Past that offset, an open "{{" with no next one yet is followed on: to the next
    /// "{{" (found by a user's trial: a template's own text after it, "---" or "- a, b", stops Scriban there, lines above
    /// that "{{"), or the end of the file; a "}}" that closes it first gives null (the error is in the code, Scriban's words
    /// stand). With <paramref name="firstRunOn"/>, the first whose code runs into another "{{" (in a comment), closed later or not.
    /// </summary>
    private static Open? Unclosed(string text, string path, int before, bool firstRunOn = false)
    {
        Open? open = null;
        Token? previous = null;
        foreach (var token in new Lexer(text, path))
        {
            var past = token.Start.Offset > before;
            if (past && open is not { Next: null }) break;
            // Between two tokens of code there is only white space and comments: a "{{" there is in a comment ("# Heading
            // {{ paper.title }}" after a "{{" left open), a new block the open code took in.
            if (open is { Next: null } && previous is { } last && EnterBetween(text, last, token) is { } enter)
            {
                open = open with { Next = enter.At, NextInComment = enter.InComment };
                if (firstRunOn || past) return open;
            }
            if (token.Type == TokenType.Eof) break;
            if (token.Type == TokenType.CodeEnter) open = new(token.Start.Offset, token.Start.Line, token.Start.Column, token.End.Offset - token.Start.Offset + 1, null);
            else if (token.Type == TokenType.CodeExit) open = null;
            // Two braces side by side in code open no object (a member name comes first): a "{{" meant as a new block.
            else if (open is { Next: null } && token.Type == TokenType.OpenBrace && previous is { Type: TokenType.OpenBrace } brace && brace.End.Offset + 1 == token.Start.Offset)
                open = open with { Next = brace.Start };
            previous = token;
        }
        return open;
    }

    // A "{{" between two tokens of code, where there is only white space and comments (a comment token's own text
    // included, for a lexer that keeps them), if any.
    // Whether a "#" before it began a comment (else a string left open took it in: "don't").
    private static (TextPosition At, bool InComment)? EnterBetween(string text, Token previous, Token token)
    {
        var from = previous.End.Offset + 1;
        var to = Math.Min(text.Length, token.Type is TokenType.Comment or TokenType.CommentMulti ? token.End.Offset + 1 : token.Start.Offset);
        if (to <= from || text.IndexOf("{{", from, to - from, StringComparison.Ordinal) is not (var at and >= 0)) return null;
        // Its line and column, from 0 as Scriban's.
        int line = 0, lineStart = 0;
        for (var i = 0; i < at; i++) if (text[i] == '\n') (line, lineStart) = (line + 1, i + 1);
        return (new TextPosition(at, line, at - lineStart), text.IndexOf('#', from, at - from) >= 0);
    }

    private static string Enter(string text, Open open) => text.Substring(open.Offset, open.EnterLength);

    // Hugo's templates and shortcodes are written in "{{ ... }}" too: "{{ .Title }}" and "{{< notice >}}" copied into a
    // post template fail on Scriban's "Unexpected token ." or "<".
    private static string HugoHint(string text, int offset)
    {
        var start = offset;
        while (start > 0 && text[start - 1] is ' ' or '\t') start--;
        // Hugo's and Scriban's trim markers: {{- .Title -}}, {{~ .Title }}.
        if (start > 2 && text[start - 1] is '-' or '~' && text[start - 2] == '{') start--;
        var afterEnter = start >= 2 && text[start - 2] == '{' && text[start - 1] == '{';
        return afterEnter && offset < text.Length && text[offset] is '.' or '<' or '%'
            ? " (templates are Scriban's, not Hugo's: to write Hugo's \"{{\" into the post, put it in {%{ ... }%}, e.g. {%{{{< notice >}}}%})"
            : "";
    }

    // Found by a user's trial: an `if` without its `end` inside a `for` was said to leave the `for` open, and the `if`'s
    // line was not named: the `end` meant for the `for` had closed it. The block inside the open one that the last `end`
    // closed, if any: the one that ends last.
    private static ScriptNode? LastClosedIn(ScriptNode open)
    {
        ScriptNode? last = null;
        void Visit(ScriptNode node)
        {
            for (var i = 0; i < node.ChildrenCount; i++)
            {
                if (node.GetChildren(i) is not { } child) continue;
                if (child is not ScriptBlockStatement && HasBlock(child) && (last is null || child.Span.End.Offset > last.Span.End.Offset)) last = child;
                Visit(child);
            }
        }
        Visit(open);
        return last;
    }

    private static bool HasBlock(ScriptNode node)
    {
        for (var i = 0; i < node.ChildrenCount; i++) if (node.GetChildren(i) is ScriptBlockStatement) return true;
        return false;
    }

    // The statement's keyword as the template writes it (if, for, while, capture, ...).
    private static string Keyword(string text, ScriptNode node)
    {
        var start = node.Span.Start.Offset;
        var end = start;
        while (end < text.Length && char.IsAsciiLetter(text[end])) end++;
        return text[start..end];
    }

    // The innermost block on the tree's last branch, the one the end of the file left open; null when there is none.
    private static ScriptNode? OpenBlock(ScriptNode? node)
    {
        ScriptNode? open = null;
        while (node is not null)
        {
            ScriptNode? last = null;
            for (var i = node.ChildrenCount - 1; i >= 0 && last is null; i--) last = node.GetChildren(i);
            if (last is ScriptBlockStatement && node is not ScriptPage and not ScriptBlockStatement) open = node;
            node = last;
        }
        return open;
    }
}
