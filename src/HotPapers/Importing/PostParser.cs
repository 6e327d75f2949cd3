using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using HotPapers.Records;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HotPapers.Importing;

/// <summary>
/// Reads a post the old generator wrote. Markdig's AST finds the YAML front matter and the level-1
/// paper headings (so a heading is what Markdown itself calls a heading, not what a regex guesses);
/// YamlDotNet's parser reads the front matter; the lines of each paper section are then read in the
/// old generator's fixed order, taking each text exactly as written, since that is what must come back.
/// Anything else is a <see cref="InputException"/> naming the file, the line, what was expected and
/// what was found.
/// </summary>
internal static partial class PostParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    private static readonly string[] FrontMatterKeys = ["title", "date", "template", "draft", "slug", "category", "tags", "description", "socialImage"];

    public static ParsedPost Parse(string file, string text)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException)
        {
            throw Problem(file, 1, "Markdown within Markdig's nesting limit", "elements nested too deeply to read");
        }
        var lines = text.Split('\n');
        if (document.FirstOrDefault() is not YamlFrontMatterBlock yaml || yaml.Line != 0)
            throw Problem(file, 1, "front matter between \"---\" lines at the start",
                lines[0].TrimEnd('\r') == "---" ? "no closing \"---\" line" : Found(lines, 0));
        var front = ReadFrontMatter(file, yaml);
        var headings = document.Descendants<HeadingBlock>().Where(h => h.Level == 1).Select(h => h.Line).ToHashSet();
        // The body starts after the closing "---" (Markdig's block holds only the YAML between the two).
        var close = yaml.Line + 1;
        while (close < lines.Length && lines[close] != "---") close++;
        var reader = new SectionReader(file, lines, close + 1, headings);
        return new ParsedPost(front, reader.ReadPapers());
    }

    private static PostFrontMatter ReadFrontMatter(string file, YamlFrontMatterBlock block)
    {
        // The block's lines hold the YAML without the two "---" lines; YAML line 1 is file line 2.
        var yamlText = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()));
        var values = new Dictionary<string, (string? Scalar, ImmutableArray<string>? List, int Line)>(StringComparer.Ordinal);
        try
        {
            var parser = new Parser(new StringReader(yamlText));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) throw Problem(file, 2, "front matter keys (title, date, ...)", "an empty front matter");
            parser.Consume<DocumentStart>();
            if (!parser.Accept<MappingStart>(out var start))
                throw Problem(file, 2, "front matter keys (title, date, ...)", "no mapping of keys");
            parser.Consume<MappingStart>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>();
                var line = (int)key.Start.Line + 1;
                if (System.Array.IndexOf(FrontMatterKeys, key.Value) < 0)
                    throw Problem(file, line, "a key of the old front matter (" + string.Join(", ", FrontMatterKeys) + ")", $"\"{key.Value}\"");
                if (values.ContainsKey(key.Value))
                    throw Problem(file, line, $"the key \"{key.Value}\" once", "it again");
                if (parser.TryConsume<Scalar>(out var scalar))
                {
                    values[key.Value] = (scalar.Value, null, line);
                }
                else if (parser.TryConsume<SequenceStart>(out _))
                {
                    var items = ImmutableArray.CreateBuilder<string>();
                    while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(parser.Consume<Scalar>().Value);
                    values[key.Value] = (null, items.ToImmutable(), line);
                }
                else
                {
                    throw Problem(file, line, $"a text or a list as the value of \"{key.Value}\"", "a mapping");
                }
            }
            parser.Consume<DocumentEnd>();
        }
        catch (YamlException e)
        {
            throw Problem(file, (int)e.Start.Line + 1, "well-formed YAML front matter", e.Message);
        }

        string? Scalar(string key)
        {
            if (!values.TryGetValue(key, out var v)) return null;
            return v.Scalar ?? throw Problem(file, v.Line, $"a text as the value of \"{key}\"", "a list");
        }
        var title = Scalar("title") ?? throw Problem(file, 2, "a \"title:\" in the front matter", "none");
        var date = Scalar("date") ?? throw Problem(file, 2, "a \"date:\" in the front matter", "none");
        bool? draft = null;
        if (Scalar("draft") is { } d)
        {
            draft = d switch { "true" => true, "false" => false, _ => throw Problem(file, values["draft"].Line, "draft: true or false", $"\"{d}\"") };
        }
        ImmutableArray<string>? tags = null;
        if (values.TryGetValue("tags", out var t))
            tags = t.List ?? throw Problem(file, t.Line, "tags as a list of \"  - tag\" lines", $"\"{t.Scalar}\"");
        return new PostFrontMatter(title, date, values["date"].Line, Scalar("template"), draft, Scalar("slug"), Scalar("category"), tags,
            Scalar("description"), Scalar("socialImage"));
    }

    /// <summary>Reads the paper sections line by line, in the old generator's order.</summary>
    private sealed class SectionReader(string file, string[] lines, int start, HashSet<int> headings)
    {
        private int _i = start; // 0-based index of the next line

        public ImmutableArray<ParsedPaper> ReadPapers()
        {
            var papers = ImmutableArray.CreateBuilder<ParsedPaper>();
            SkipBlank();
            while (_i < lines.Length)
            {
                papers.Add(ReadPaper(papers.Count + 1));
                SkipBlank();
            }
            return papers.ToImmutable();
        }

        private ParsedPaper ReadPaper(int rank)
        {
            var headingLine = _i;
            var heading = HeadingPattern().Match(lines[_i]);
            if (!heading.Success || !(headings.Contains(_i) || IsHeadingOnItsOwn(lines[_i])))
                throw Fail($"a paper heading \"# {rank}. Title\"");
            if (heading.Groups[1].Value != rank.ToString(CultureInfo.InvariantCulture))
                throw Fail($"the paper heading \"# {rank}. ...\" (papers are numbered from 1 in order)");
            var title = heading.Groups[2].Value;
            _i++;
            Blank();
            // No authors leaves an empty line where they would stand.
            var authors = Line();
            _i++;
            Blank();
            var counts = CountsPattern().Match(Line());
            if (!counts.Success) throw Fail("\"- retweets: R, favorites: F (MM/DD/YYYY HH:MM:SS)\"");
            var retweets = Number(counts.Groups[1].Value);
            var favorites = Number(counts.Groups[2].Value);
            if (!DateTime.TryParseExact(counts.Groups[3].Value, "MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamp))
                throw Fail("a real date and time as (MM/DD/YYYY HH:MM:SS)");
            _i++;
            Blank();
            var links = LinksPattern().Match(Line());
            if (!links.Success) throw Fail("\"- links: [abs](URL) | [pdf](URL)\"");
            var abs = links.Groups[1].Value;
            var pdf = links.Groups[2].Success ? links.Groups[2].Value : null;
            if (!HttpUrl.IsHttp(abs) || (pdf is not null && !HttpUrl.IsHttp(pdf)))
                throw Fail("absolute http(s) links to the abstract and the PDF");
            _i++;
            var categories = Categories(Line());
            _i++;
            Blank();
            // The abstract's own line, empty for a paper without one.
            if (_i >= lines.Length) throw Fail("the abstract");
            var summary = lines[_i++];
            Blank();
            var embeds = ImmutableArray.CreateBuilder<ParsedEmbed>();
            while (true)
            {
                var save = _i;
                SkipBlank();
                if (_i >= lines.Length || HeadingPattern().IsMatch(lines[_i]))
                {
                    _i = save;
                    break;
                }
                if (!lines[_i].StartsWith("<blockquote", StringComparison.Ordinal))
                    throw Fail($"a tweet embed (<blockquote class=\"twitter-tweet\">...), the next paper heading \"# {rank + 1}. Title\" or the end of the post");
                var first = _i;
                while (_i < lines.Length && lines[_i].Length > 0) _i++;
                embeds.Add(new ParsedEmbed(first + 1, string.Join('\n', lines[first.._i])));
            }
            return new ParsedPaper(headingLine + 1, title, authors, retweets, favorites, stamp, abs, pdf, categories, summary, embeds.ToImmutable());
        }

        // The old generator wrote abstracts unescaped: one that starts a code fence or an HTML comment
        // swallows the rest of the document in a whole-document parse, yet each heading line is still
        // a heading on its own, and the layout puts it on a line of its own.
        private static bool IsHeadingOnItsOwn(string line)
        {
            try
            {
                return Markdown.Parse(line, Pipeline) is [HeadingBlock { Level: 1 }];
            }
            catch (ArgumentException)
            {
                return false; // nested past Markdig's depth limit: no heading of the old layout
            }
        }

        private ImmutableArray<string> Categories(string line)
        {
            if (!line.StartsWith("- ", StringComparison.Ordinal)) throw Fail("the categories as \"- [cs.LG](https://arxiv.org/list/cs.LG/recent) | ...\"");
            var rest = line[2..];
            if (rest.Length == 0) return [];
            var list = ImmutableArray.CreateBuilder<string>();
            foreach (var part in rest.Split(" | "))
            {
                var m = CategoryPattern().Match(part);
                if (!m.Success || m.Groups[1].Value != m.Groups[2].Value)
                    throw Fail("the categories as \"- [cs.LG](https://arxiv.org/list/cs.LG/recent) | ...\"");
                list.Add(m.Groups[1].Value);
            }
            return list.ToImmutable();
        }

        private long Number(string digits) =>
            long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= JsonChecker.MaxCount ? n
                : throw Fail("a count from 0 to 2^53");

        private string Line() => _i < lines.Length ? lines[_i] : throw Fail("more of the paper");

        private void Blank()
        {
            if (_i >= lines.Length || lines[_i].Length != 0) throw Fail("an empty line");
            _i++;
        }

        private void SkipBlank()
        {
            while (_i < lines.Length && lines[_i].Length == 0) _i++;
        }

        private InputException Fail(string expected) =>
            Problem(file, Math.Min(_i, lines.Length - 1) + 1, expected, Found(lines, _i));
    }

    private static string Found(string[] lines, int index) =>
        index >= lines.Length ? "the end of the file"
        : lines[index].Length == 0 ? "an empty line"
        : JsonChecker.Quote(lines[index]);

    internal static InputException Problem(string file, int line, string expected, string found) =>
        new([new InputProblem(file, $"line {line}", expected, found)]);

    [GeneratedRegex(@"^# ([0-9]+)\. (.*)$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^- retweets: ([0-9]+), favorites: ([0-9]+) \(([0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2})\)$")]
    private static partial Regex CountsPattern();

    [GeneratedRegex(@"^- links: \[abs\]\(([^()\s]+)\)(?: \| \[pdf\]\(([^()\s]+)\))?$")]
    private static partial Regex LinksPattern();

    [GeneratedRegex(@"^\[([^\[\]\s]+)\]\(https://arxiv\.org/list/([^()\s]+)/recent\)$")]
    private static partial Regex CategoryPattern();
}
