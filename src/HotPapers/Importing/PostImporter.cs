using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.Rendering;
using HotPapers.Output;

namespace HotPapers.Importing;

/// <summary>
/// Turns one old post into records: checks it is text, repairs mojibake, parses it, keeps everything a
/// rebuild needs (per-paper stamps and totals, each embed as it was, front matter values that differ
/// from the settings), then checks itself: the records are written, read back and built with the
/// normal pipeline, and the result is compared with the post, line by line, the date line aside
/// (its form is the one thing that changes on purpose).
/// </summary>
internal sealed partial class PostImporter(TimeZoneInfo zone, FrontMatterSettings? frontMatter = null, TemplateSet? templates = null)
{
    private readonly FrontMatterSettings _front = frontMatter ?? FrontMatterSettings.Default;
    // The post is checked against the template of its own flavor, with its own embeds setting, as it was built:
    // Gatsby, Hugo, then each with embeds: static.
    private readonly PostRenderer[] _renderers = [.. new[] { false, true }.SelectMany(_ => new[] { Flavor.Gatsby, Flavor.Hugo }, (cards, f) =>
        new PostRenderer(templates ?? TemplateSet.BuiltIn, frontMatter ?? FrontMatterSettings.Default, Flavors.PostTemplate(f),
            TemplateSettings.Default with { Flavor = f, StaticEmbeds = cards }))];
    private readonly Ranker _ranker = new(RankingSettings.Default);

    public ImportedPost Import(string file, ReadOnlySpan<byte> bytes)
    {
        var notes = new List<string>();
        var bom = bytes.StartsWith(Encoding.UTF8.Preamble);
        var text = Decode(file, bytes, notes);
        var crlf = text.Contains("\r\n", StringComparison.Ordinal);
        if (crlf)
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
            notes.Add("the lines end in CRLF; a rebuild writes LF");
        }
        var (repaired, fixes) = MojibakeRepair.Repair(text);
        foreach (var (line, excerpt) in MojibakeRepair.Suspects(repaired))
            notes.Add($"line {line} may be garbled but could not be repaired with certainty; left as it is: \"{excerpt}\"");
        var post = PostParser.Parse(file, repaired);
        var (records, staticCards) = ToRecords(file, post);
        if (staticCards) notes.Add(StaticCardsNote);
        // Compared with the post as it was (mojibake repaired), so a CRLF or BOM file is reported too.
        var original = (bom ? "\uFEFF" : "") + (crlf ? repaired.Replace("\n", "\r\n", StringComparison.Ordinal) : repaired);
        var (recordsBytes, reloaded, difference) = Check(file, post, records, original, staticCards);
        if (difference is not null && OwnLayout(file, post, reloaded, staticCards) is { } layout)
        {
            // Empty lines where the template has others: the records keep the post's own counts.
            var withLayout = records with { Post = records.Post with { Layout = layout } };
            var check = Check(file, post, withLayout, original, staticCards);
            if (check.Difference is null || check.Difference.Line > difference.Line) (records, recordsBytes, reloaded, difference) = (withLayout, check.Bytes, check.Reloaded, check.Difference);
        }
        return new ImportedPost(file, reloaded, recordsBytes, PostNaming.RecordsFileName(records.Date, records.EndDate), fixes, notes, difference);
    }

    /// <summary>
    /// A post that shows a tweet or a Bluesky post as a static card was built with <c>embeds: static</c>:
    /// its self-check builds it so, and so must the user's builds. The setting is the site's, as the
    /// flavor is: a card holds the mention's fields, and they build the same card again under it.
    /// </summary>
    internal const string StaticCardsNote = "the post shows tweets or Bluesky posts as static cards: build it with \"embeds: static\" to get it back";

    /// <summary>Writes the records, reads them back and builds the post from them, as build would, and compares.</summary>
    private (byte[] Bytes, DigestRecords Reloaded, SelfCheckDifference? Difference) Check(string file, ParsedPost post, DigestRecords records, string original, bool staticCards)
    {
        var recordsBytes = RecordsWriter.Write(records);
        // What build will see is what the records file says, so the check starts from the written bytes.
        DigestRecords reloaded;
        try
        {
            reloaded = new RecordsLoader(TimeZoneInfo.Utc).Parse(file, recordsBytes);
        }
        catch (InputException e)
        {
            // Something the records format refuses (an empty author between two commas, say): said
            // at the line of the paper it came from, with the records field it would have gone to.
            throw new InputException([.. e.Problems.Select(p => p with
            {
                Location = $"line {PaperLine(post, p.Location)}",
                // The line of the records file the post became, which the user never sees.
                Line = null,
                Expected = $"{p.Expected} (records {p.Location})",
            })]);
        }
        var rebuilt = Render(reloaded, post.Flavor, staticCards);
        return (recordsBytes, reloaded, Compare(original, rebuilt, post.FrontMatter.DateLine));
    }

    private string Render(DigestRecords records, Flavor flavor, bool staticCards) =>
        _renderers[(flavor == Flavor.Hugo ? 1 : 0) + (staticCards ? 2 : 0)].Render(_ranker.Rank(records));

    /// <summary>
    /// The post's empty-line counts where they differ from the template's: the template's own are read
    /// from its rebuild of the post by the same parser, so no count is known twice. Null when none differ.
    /// </summary>
    private PostLayout? OwnLayout(string file, ParsedPost post, DigestRecords records, bool staticCards)
    {
        PostLayout standard;
        try
        {
            standard = PostParser.Parse(file, Render(records, post.Flavor, staticCards)).Layout;
        }
        catch (InputException)
        {
            return null; // a template whose posts are not of the old layout: nothing to count
        }
        static int? Own(int? count, int? standard) => count is { } c && c != standard && c <= PostLayout.MaxCount ? c : null;
        var own = post.Layout;
        var layout = new PostLayout(Own(own.AfterFrontMatter, standard.AfterFrontMatter), Own(own.BetweenSections, standard.BetweenSections),
            Own(own.AfterEmbeds, standard.AfterEmbeds), Own(own.EndOfFile, standard.EndOfFile));
        return layout.IsStandard ? null : layout;
    }

    /// <summary>
    /// Whether a file looks like a digest at all: a front matter line <c>title:</c> or <c>slug:</c> with the
    /// settings' title or slug pattern around a digest's date (<c>Hot Papers 2021-04-30</c>,
    /// <c>hot-papers-2021-04-30</c>). Read line by line, so that a digest whose YAML is broken still counts.
    /// </summary>
    public bool LooksLikeDigest(ReadOnlySpan<byte> bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r', ' ').TrimStart('\uFEFF') != "---") return false;
        const string Date = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
        string Pattern(string pattern) => "^" + Regex.Escape(pattern).Replace(Regex.Escape(DatePattern.Placeholder), $"{Date}(?: - {Date}|-{Date})?", StringComparison.Ordinal) + "$";
        var title = new Regex(Pattern(_front.TitlePattern), RegexOptions.None, TimeSpan.FromSeconds(1));
        var slug = new Regex(Pattern(_front.SlugPattern), RegexOptions.None, TimeSpan.FromSeconds(1));
        foreach (var raw in lines.Skip(1))
        {
            var line = raw.TrimEnd('\r');
            if (line == "---") break;
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            var value = line[(colon + 1)..].Trim().Trim('"', '\'');
            if ((line[..colon] == "title" && title.IsMatch(value)) || (line[..colon] == "slug" && slug.IsMatch(value))) return true;
        }
        return false;
    }

    private static int PaperLine(ParsedPost post, string jsonPath)
    {
        var m = PaperPathPattern().Match(jsonPath);
        return m.Success && int.TryParse(m.Groups[1].ValueSpan, out var i) && i < post.Papers.Length ? post.Papers[i].Line : post.FrontMatter.DateLine;
    }

    private static string Decode(string file, ReadOnlySpan<byte> bytes, List<string> notes)
    {
        if (bytes.Length == 0) throw PostParser.Problem(file, 1, "an old post", "an empty file");
        if (WideText.EncodingOf(bytes) is { } wide) throw PostParser.Problem(file, 1, "UTF-8 text", $"{wide} text");
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[3..];
            notes.Add("the file starts with a byte order mark, which a rebuild does not write");
        }
        var line = 1;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == '\n') line++;
            else if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r')
                throw PostParser.Problem(file, line, "text", $"binary data (the byte 0x{b:X2})");
        }
        return TextFile.Decode(bytes, out var badLine)
            ?? throw PostParser.Problem(file, badLine, "UTF-8 text", "bytes that are not UTF-8 (binary data or another encoding)");
    }

    /// <param name="post">The post as parsed.</param>
    /// <returns>The records, and whether the post was built with <c>embeds: static</c> (see <see cref="StaticCardsNote"/>).</returns>
    private (DigestRecords Records, bool StaticCards) ToRecords(string file, ParsedPost post)
    {
        var staticCards = false;
        var front = post.FrontMatter;
        var (date, end) = DigestDates(file, front);
        var collected = ReadDate(file, front);
        var papers = ImmutableArray.CreateBuilder<PaperRecord>();
        var (texts, rawText) = Texts(post);
        foreach (var p in post.Papers)
        {
            var idText = p.AbsUrl[(p.AbsUrl.LastIndexOf("/abs/", StringComparison.Ordinal) is var k and >= 0 ? k + 5 : p.AbsUrl.Length)..];
            if (!ArxivId.TryParse(idText, out var id))
                throw PostParser.Problem(file, p.Line + 6, "an abs link ending in an arXiv id, such as https://arxiv.org/abs/2104.14421", JsonChecker.Quote(p.AbsUrl));
            var tweets = ImmutableArray.CreateBuilder<MentionRecord>();
            foreach (var embed in p.Embeds)
            {
                var mention = ReadEmbed(file, embed);
                // Only embeds: static shows a tweet or a Bluesky post as a card.
                staticCards |= mention.EmbedHtml is null && mention.Network is Network.Twitter or Network.Bluesky;
                tweets.Add(mention);
            }
            var (title, authorsLine, summary) = texts[papers.Count];
            ImmutableArray<string> authors = authorsLine.Length == 0 ? [] : [.. authorsLine.Split(", ")];
            papers.Add(new PaperRecord(id.Value, title, authors, summary, p.Categories, p.AbsUrl, p.PdfUrl,
                LegacyCrawlerReader.Local(p.Stamp, zone), p.Totals, tweets.ToImmutable()));
        }
        if (papers.Count > 0 && papers.Select(p => p.Title).Any(t => t.Trim().Length == 0))
            throw PostParser.Problem(file, post.Papers.First(p => p.Title.Trim().Length == 0).Line, "a paper title", "an empty one");
        var dateText = PostModel.DateText(date, end);
        var overrides = new PostOverrides(
            Title: Differs(front.Title, DatePattern.Fill(_front.TitlePattern, dateText)),
            Template: Differs(front.Template, _front.Template),
            Draft: front.Draft is { } d && d != _front.Draft ? d : null,
            Slug: Differs(front.Slug, DatePattern.Fill(_front.SlugPattern, dateText)),
            Category: Differs(front.Category, _front.Category),
            Tags: front.Tags is { } tags && !tags.SequenceEqual(_front.Tags) ? tags : null,
            Description: Differs(front.Description, DatePattern.Fill(_front.DescriptionPattern, dateText)),
            SocialImage: Differs(front.SocialImage, _front.SocialImage),
            RawText: rawText ? true : null);
        return (new DigestRecords(date, end, collected, true, papers.ToImmutable(), overrides.IsEmpty ? PostOverrides.None : overrides, RecordsFormat.Records), staticCards);
    }

    /// <summary>
    /// A mention from its embed: a tweet's or a Bluesky post's oEmbed blockquote, kept as it is
    /// (<c>embedHtml</c>) with the fields read from it, or a static card, read back into the fields
    /// it was built from (no <c>embedHtml</c>: the rebuild makes the card again).
    /// </summary>
    private static MentionRecord ReadEmbed(string file, ParsedEmbed embed)
    {
        if (CardReader.IsCard(embed.Html))
        {
            if (CardReader.Read(embed.Html, out var cardProblem) is not { } card)
                throw PostParser.Problem(file, embed.Line, cardProblem!.Expected, cardProblem.Found);
            return Checked(file, embed, card);
        }
        if (EmbedReader.Read(embed.Html, out var problem) is not { } t)
            throw PostParser.Problem(file, embed.Line, problem!.Expected, problem.Found);
        return Checked(file, embed, new MentionRecord(t.Url, t.AuthorName, t.Handle, t.Text, t.Created, t.Lang, null, null, embed.Html, null, t.Network));
    }

    private static MentionRecord Checked(string file, ParsedEmbed embed, MentionRecord mention) =>
        mention.Network != Network.Twitter || RecordsReader.IsHandle(mention.Handle) ? mention
            : throw PostParser.Problem(file, embed.Line, "a Twitter handle of letters, digits and _", JsonChecker.Quote(mention.Handle));

    /// <summary>
    /// Each paper's title, authors and abstract as text. hotpapers escapes them for Markdown: each line is
    /// read back into the text it shows, and kept when escaping that text again, as the renderer does,
    /// gives the line back. The old generator wrote them unescaped: when any line does not come back so,
    /// the post's lines are taken as written, and <c>rawText</c> is set where escaping would change one.
    /// </summary>
    private static (List<(string Title, string Authors, string Abstract)> Texts, bool RawText) Texts(ParsedPost post)
    {
        const MarkdownText.Context Heading = MarkdownText.Context.Heading, Paragraph = MarkdownText.Context.Paragraph;
        string? Read(string line, MarkdownText.Context context) =>
            MarkdownReadBack.Text(line, context) is { } text && PostFunctions.Markdown(text, context, false, post.Flavor) == line ? text : null;
        var read = new List<(string, string, string)>(post.Papers.Length);
        foreach (var p in post.Papers)
        {
            if (Read(p.Title, Heading) is not { } title || Read(p.Authors, Paragraph) is not { } authors || Read(p.Abstract, Paragraph) is not { } summary) break;
            read.Add((title, authors, summary));
        }
        if (read.Count == post.Papers.Length) return (read, false);
        bool Changes(string line, MarkdownText.Context context) => PostFunctions.Markdown(line, context, false, post.Flavor) != line;
        return ([.. post.Papers.Select(p => (p.Title, p.Authors, p.Abstract))],
            post.Papers.Any(p => Changes(p.Title, Heading) || Changes(p.Authors, Paragraph) || Changes(p.Abstract, Paragraph)));
    }

    private static string? Differs(string? value, string setting) => value is not null && value != setting ? value : null;

    /// <summary>The digest's days, from the title's date text, else the slug's, else the file name's.</summary>
    private static (DateOnly Date, DateOnly End) DigestDates(string file, PostFrontMatter front)
    {
        foreach (var candidate in new[] { front.Title, front.Slug, front.Description, Path.GetFileName(file) })
        {
            if (candidate is null) continue;
            var m = DatesPattern().Match(candidate);
            if (!m.Success || !Rfc3339.TryParseDate(m.Groups[1].Value, out var date)) continue;
            var end = date;
            var endGroup = m.Groups[2].Success ? m.Groups[2] : m.Groups[3];
            if (endGroup.Success && (!Rfc3339.TryParseDate(endGroup.Value, out end) || end <= date)) continue;
            return (date, end);
        }
        throw PostParser.Problem(file, 2, "the digest's day in the title (\"Hot Papers 2021-04-30\"), the slug or the file name", JsonChecker.Quote(front.Title));
    }

    /// <summary>
    /// The post's <c>date:</c>: the old <c>2021-05-01T18:50:48.Z</c> is a naive wall clock in the import's
    /// zone (the "Z" was a formatting accident, not UTC); an RFC 3339 timestamp keeps its own offset.
    /// </summary>
    private DateTimeOffset ReadDate(string file, PostFrontMatter front)
    {
        var m = OldDatePattern().Match(front.Date);
        if (m.Success && DateTime.TryParseExact(m.Groups[1].Value, "yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var naive))
            return LegacyCrawlerReader.Local(naive, zone);
        if (Rfc3339.TryParseWithOffset(front.Date, out var instant))
            return instant;
        throw PostParser.Problem(file, front.DateLine, "date: as the old 2021-05-01T18:50:48.Z or an RFC 3339 timestamp with an offset", JsonChecker.Quote(front.Date));
    }

    /// <summary>The first line where the rebuilt post differs from the original, the date line aside.</summary>
    internal static SelfCheckDifference? Compare(string original, string rebuilt, int dateLine)
    {
        var a = original.Split('\n');
        var b = rebuilt.Split('\n');
        var n = Math.Max(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (i + 1 == dateLine) continue;
            var x = i < a.Length ? a[i] : null;
            var y = i < b.Length ? b[i] : null;
            if (x != y) return new SelfCheckDifference(i + 1, x, y);
        }
        return null;
    }

    [GeneratedRegex(@"([0-9]{4}-[0-9]{2}-[0-9]{2})(?: - ([0-9]{4}-[0-9]{2}-[0-9]{2})|-([0-9]{4}-[0-9]{2}-[0-9]{2}))?")]
    private static partial Regex DatesPattern();

    [GeneratedRegex(@"^\$\.papers\[([0-9]+)\]")]
    private static partial Regex PaperPathPattern();

    [GeneratedRegex(@"^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})\.Z$")]
    private static partial Regex OldDatePattern();
}
