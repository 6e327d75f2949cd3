using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using HotPapers.Records;
using HotPapers.Rendering;
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

    // The old generator's keys and the Hugo template's (categories and images are lists there).
    private static readonly string[] FrontMatterKeys = ["title", "date", "template", "draft", "slug", "category", "tags", "description", "socialImage", "categories", "images"];

    /// <summary>The line that opens a tweet in a Hugo post, and the one that closes it (see <see cref="HugoShortcode.Tweet"/>).</summary>
    private static readonly string ShortcodeOpen = $"{{{{< {HugoShortcode.TweetName} >}}}}", ShortcodeClose = $"{{{{< /{HugoShortcode.TweetName} >}}}}";

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
        var papers = reader.ReadPapers(out var layout);
        // Hugo's front matter, or its shortcode around a tweet, says which template wrote the post.
        var flavor = front.IsHugo || reader.SawShortcode ? Flavor.Hugo : Flavor.Gatsby;
        return new ParsedPost(front, papers, flavor, layout);
    }

    private static PostFrontMatter ReadFrontMatter(string file, YamlFrontMatterBlock block)
    {
        // The block's lines hold the YAML without the two "---" lines; YAML line 1 is file line 2.
        var yamlText = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()));
        var values = new Dictionary<string, (string? Scalar, ImmutableArray<string>? List, int Line)>(StringComparer.Ordinal);
        var parser = new Parser(new StringReader(yamlText));
        try
        {
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
                    // Found by a user's trial: an alias (slug: *nope) was said to be a mapping.
                    throw Problem(file, line, $"a text or a list as the value of \"{key.Value}\"",
                        parser.Current is AnchorAlias alias ? $"an alias of an anchor (*{alias.Value})" : "a mapping");
                }
            }
            parser.Consume<DocumentEnd>();
        }
        catch (Exception error) when (YamlParse.Error(error, parser) is { } e)
        {
            // YAML line 1 is file line 2.
            throw Problem(file, (YamlParse.TabAt(yamlText, e)?.Line ?? (int)e.Start.Line) + 1, "well-formed YAML front matter", YamlParse.Reason(e));
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
        ImmutableArray<string>? List(string key)
        {
            if (!values.TryGetValue(key, out var v)) return null;
            // "tags:" with no item under it is an empty list.
            return v.List ?? (v.Scalar is "" ? [] : throw Problem(file, v.Line, $"{key} as a list of \"  - item\" lines", $"\"{v.Scalar}\""));
        }
        var tags = List("tags");
        var isHugo = values.ContainsKey("categories") || values.ContainsKey("images")
            || !(values.ContainsKey("template") || values.ContainsKey("category") || values.ContainsKey("socialImage"));
        string? category, socialImage;
        if (isHugo)
        {
            // The Hugo template leaves out an empty category, image or tag list.
            category = List("categories") is { } categories ? categories.FirstOrDefault() ?? "" : "";
            socialImage = List("images") is { } images ? images.FirstOrDefault() ?? "" : "";
            tags ??= [];
        }
        else
        {
            (category, socialImage) = (Scalar("category"), Scalar("socialImage"));
        }
        return new PostFrontMatter(title, date, values["date"].Line, Scalar("template"), draft, Scalar("slug"), category, tags,
            Scalar("description"), socialImage, isHugo);
    }

    /// <summary>
    /// Reads the paper sections line by line, in the old generator's order, and counts the empty lines
    /// between them: the layout varied over the old generator's years, and a rebuild must give them back.
    /// </summary>
    private sealed class SectionReader(string file, string[] lines, int start, HashSet<int> headings)
    {
        private int _i = start; // 0-based index of the next line

        /// <summary>A tweet stood in Hugo's shortcode.</summary>
        public bool SawShortcode { get; private set; }

        public ImmutableArray<ParsedPaper> ReadPapers(out PostLayout layout)
        {
            var papers = ImmutableArray.CreateBuilder<ParsedPaper>();
            int? front = null, sections = null, after = null;
            var gap = Gap();
            while (_i < lines.Length)
            {
                if (papers.Count == 0) front = gap;
                else after ??= gap;
                papers.Add(ReadPaper(papers.Count + 1, out var sectionGap));
                sections ??= sectionGap;
                gap = Gap();
            }
            // The last "line" of a file that ends in a line feed is the empty string after it.
            layout = new PostLayout(front, sections, after, Math.Max(0, gap - 1));
            return papers.ToImmutable();
        }

        /// <summary>Reads one paper; <paramref name="sectionGap"/> is the empty lines between its counts and its links.</summary>
        private ParsedPaper ReadPaper(int rank, out int sectionGap)
        {
            var headingLine = _i;
            var heading = HeadingPattern().Match(lines[_i]);
            if (!heading.Success || !(headings.Contains(_i) || IsHeadingOnItsOwn(lines[_i])))
                throw Fail($"a paper heading \"# {rank}. Title\"");
            if (heading.Groups[1].Value != rank.ToString(CultureInfo.InvariantCulture))
                throw Fail($"the paper heading \"# {rank}. ...\" (papers are numbered from 1 in order)");
            var title = heading.Groups[2].Value;
            _i++;
            Gap();
            // No authors leaves an empty line where they would stand, among the empty lines around it.
            var authors = "";
            if (_i < lines.Length && !IsCountsLine(lines[_i]))
            {
                authors = Line();
                _i++;
                Gap();
            }
            var totals = Counts(Line(), out var stampText);
            if (!DateTime.TryParseExact(stampText, "MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamp))
                throw Fail("a real date and time as (MM/DD/YYYY HH:MM:SS)");
            _i++;
            // Between two lines that are never empty: the paper's own count of empty lines between sections.
            sectionGap = Gap();
            var links = LinksPattern().Match(Line());
            if (!links.Success) throw Fail("\"- links: [abs](URL) | [pdf](URL)\"");
            var abs = links.Groups[1].Value;
            var pdf = links.Groups[2].Success ? links.Groups[2].Value : null;
            if (!HttpUrl.IsHttp(abs) || (pdf is not null && !HttpUrl.IsHttp(pdf)))
                throw Fail("absolute http(s) links to the abstract and the PDF");
            _i++;
            var categories = Categories(Line());
            _i++;
            var beforeAbstract = _i;
            var blank = Gap();
            // The abstract's own line, after the section's empty lines; an empty abstract is one more empty line.
            if (blank > sectionGap) _i = beforeAbstract + sectionGap;
            if (_i >= lines.Length) throw Fail("the abstract");
            var summary = lines[_i++];
            var embeds = ImmutableArray.CreateBuilder<ParsedEmbed>();
            while (true)
            {
                var save = _i;
                Gap();
                if (_i >= lines.Length || HeadingPattern().IsMatch(lines[_i]))
                {
                    _i = save;
                    break;
                }
                var first = _i;
                if (lines[_i] == ShortcodeOpen)
                {
                    // Hugo: the embed between the shortcode's lines, its "{{" given back (the template wrote "{&#123;").
                    SawShortcode = true;
                    _i++;
                    while (_i < lines.Length && lines[_i] != ShortcodeClose) _i++;
                    if (_i >= lines.Length) throw Problem(file, first + 1, $"the tweet's closing \"{ShortcodeClose}\"", "the end of the file");
                    var html = string.Join('\n', lines[(first + 1).._i]).Replace("{&#123;", "{{", StringComparison.Ordinal);
                    _i++;
                    embeds.Add(new ParsedEmbed(first + 2, html));
                    continue;
                }
                if (!lines[_i].StartsWith("<blockquote", StringComparison.Ordinal))
                    throw Fail($"a tweet embed (<blockquote class=\"twitter-tweet\">...), the next paper heading \"# {rank + 1}. Title\" or the end of the post");
                // To the next empty line, or to the next embed where no empty line stands between them.
                _i++;
                while (_i < lines.Length && lines[_i].Length > 0 && !lines[_i].StartsWith("<blockquote", StringComparison.Ordinal)) _i++;
                embeds.Add(new ParsedEmbed(first + 1, string.Join('\n', lines[first.._i])));
            }
            return new ParsedPaper(headingLine + 1, title, authors, totals, stamp, abs, pdf, categories, summary, embeds.ToImmutable());
        }

        private static bool IsCountsLine(string line) => CountsPattern().IsMatch(line) || NetworkCountsPattern().IsMatch(line);

        /// <summary>
        /// A paper's counts line: the old <c>- retweets: R, favorites: F (stamp)</c> (Twitter's totals), or,
        /// for a paper with mentions of other networks, each network's totals as the template writes them
        /// (<c>- Twitter: 40 retweets, 60 likes | Hacker News: 181 points (stamp)</c>). Each network's part
        /// is read back by writing its numbers again with the renderer's own <see cref="MentionEmbed.TotalsText"/>,
        /// so the words and plurals are known in one place. Networks whose line shows no reposts get 0.
        /// </summary>
        private ImmutableArray<EngagementTotals> Counts(string line, out string stamp)
        {
            var old = CountsPattern().Match(line);
            if (old.Success)
            {
                stamp = old.Groups[3].Value;
                return [new EngagementTotals(Number(old.Groups[1].Value), Number(old.Groups[2].Value))];
            }
            var counts = NetworkCountsPattern().Match(line);
            if (!counts.Success) throw Fail("\"- retweets: R, favorites: F (MM/DD/YYYY HH:MM:SS)\"");
            stamp = counts.Groups[2].Value;
            var totals = ImmutableArray.CreateBuilder<EngagementTotals>();
            foreach (var part in counts.Groups[1].Value.Split(" | "))
            {
                var m = NetworkTotalsPattern().Match(part);
                var network = m.Success ? Networks.All.FirstOrDefault(n => n.Title() == m.Groups[1].Value, (Network)(-1)) : (Network)(-1);
                if ((int)network < 0 || (totals.Count > 0 && totals[^1].Network >= network))
                    throw Fail("each network's counts once, in the order " + string.Join(", ", Networks.All.Select(n => n.Title())) + ", as \"- Twitter: R retweets, L likes | Bluesky: R reposts, L likes (MM/DD/YYYY HH:MM:SS)\"");
                var t = new EngagementTotals(m.Groups[2].Success ? Number(m.Groups[2].Value) : 0, Number(m.Groups[3].Value), network);
                if (MentionEmbed.TotalsText(t) != part)
                    throw Fail($"the {network.Title()} counts as \"{MentionEmbed.TotalsText(t)}\"");
                totals.Add(t);
            }
            return totals.ToImmutable();
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

        /// <summary>Skips the empty lines here and says how many there were.</summary>
        private int Gap()
        {
            var from = _i;
            while (_i < lines.Length && lines[_i].Length == 0) _i++;
            return _i - from;
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

    [GeneratedRegex(@"^- ([A-Z][A-Za-z ]*: [0-9].*) \(([0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2})\)$")]
    private static partial Regex NetworkCountsPattern();

    [GeneratedRegex(@"^([A-Z][A-Za-z ]*): (?:([0-9]+) [a-z]+, )?([0-9]+) [a-z]+$")]
    private static partial Regex NetworkTotalsPattern();

    [GeneratedRegex(@"^- links: \[abs\]\(([^()\s]+)\)(?: \| \[pdf\]\(([^()\s]+)\))?$")]
    private static partial Regex LinksPattern();

    [GeneratedRegex(@"^\[([^\[\]\s]+)\]\(https://arxiv\.org/list/([^()\s]+)/recent\)$")]
    private static partial Regex CategoryPattern();
}
