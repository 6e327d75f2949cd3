using System.Text.Json;
using HotPapers.Safety;

namespace HotPapers.Tests.Safety;

/// <summary>
/// The fast look at an embed (<see cref="OEmbedShape"/>) may say "not sure" as often as it likes, but
/// never "safe" for a blockquote the tokenizer check (<see cref="EmbedGuard.MarkupProblem"/>) refuses.
/// </summary>
public sealed class OEmbedShapeTests
{
    private static string Quote(string embed) => embed.TrimEnd('\n')[..embed.TrimEnd('\n').LastIndexOf("\n<script", StringComparison.Ordinal)];

    /// <summary>The blockquotes of every embed in the shipped sample: real oEmbed output.</summary>
    private static List<string> SampleQuotes()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Fixture.RepoRoot(), "content", "records", "2021-04-30.json")));
        return [.. doc.RootElement.GetProperty("papers").EnumerateArray()
            .SelectMany(p => p.GetProperty("tweets").EnumerateArray())
            .Where(t => t.TryGetProperty("embedHtml", out _))
            .Select(t => Quote(t.GetProperty("embedHtml").GetString()!))];
    }

    [Fact]
    public void Real_embeds_are_recognised_without_the_tokenizer()
    {
        var quotes = SampleQuotes();
        Assert.NotEmpty(quotes);
        Assert.All(quotes, q => Assert.True(OEmbedShape.IsCertainlySafe(q), q));
        Assert.All(quotes, q => Assert.Null(EmbedGuard.MarkupProblem(q)));
    }

    // Pieces a mutation inserts: markup, quotes, entities and characters the tokenizer treats specially.
    private static readonly string[] Pieces =
    [
        "<", ">", "\"", "'", "&", "=", "/", " ", "\n", "\t", "\0", "\u0001", "\u0085", "\uFDD0", "\uFFFE", "\uD800", "\uDC00", "\uD83D\uDE00",
        "<br>", "<br/>", "</br>", "<p lang=\"en\" dir=\"ltr\">", "</p>", "<a href=\"https://t.co/x\">", "</a>", "<a href=\"javascript:alert(1)\">",
        "<a href='https://t.co/x'>", "<a href=https://t.co/x>", "<a href=\"https://t.co/x\" onclick=\"x\">", "<script>", "</blockquote>", "<blockquote>",
        "<!--", "-->", "<img src=x onerror=alert(1)>", "&amp;", "&amp", "&mdash;", "&#39;", "&#0;", "&#x41;", "&#128;", "&notin;", "&lt;script&gt;",
        "<P LANG=\"en\" DIR=\"ltr\">", "<svg>", "<a href=\"https://t.co/&quot;x\">", "<![CDATA[", "<?xml>", "<!DOCTYPE html>",
    ];

    private static string Mutate(string quote, Random random)
    {
        var s = quote;
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = random.Next(s.Length + 1);
            s = random.Next(3) switch
            {
                0 => s.Insert(at, Pieces[random.Next(Pieces.Length)]),
                1 when at < s.Length => s.Remove(at, Math.Min(random.Next(1, 12), s.Length - at)),
                _ when at < s.Length => s.Remove(at, 1).Insert(at, Pieces[random.Next(Pieces.Length)]),
                _ => s,
            };
        }
        return s;
    }

    [Fact]
    public void What_it_calls_safe_the_tokenizer_check_accepts_too()
    {
        var quotes = SampleQuotes();
        var random = new Random(20210430);
        int safe = 0, notSure = 0;
        for (var i = 0; i < 60_000; i++)
        {
            var quote = Mutate(quotes[i % quotes.Count], random);
            if (OEmbedShape.IsCertainlySafe(quote))
            {
                safe++;
                Assert.True(EmbedGuard.MarkupProblem(quote) is null, $"called safe, refused by the tokenizer: {quote}");
            }
            else notSure++;
        }
        // The mutations must reach both answers, or the property says nothing.
        Assert.True(safe > 1_000 && notSure > 1_000, $"{safe} safe, {notSure} not sure");
    }

    [Fact]
    public void No_xss_vector_anywhere_in_an_embed_is_called_safe_unless_the_tokenizer_agrees()
    {
        var quote = SampleQuotes()[0];
        var places = new[] { quote.IndexOf("<p ", StringComparison.Ordinal), quote.IndexOf("</p>", StringComparison.Ordinal),
            quote.IndexOf("&mdash;", StringComparison.Ordinal), quote.LastIndexOf("</blockquote>", StringComparison.Ordinal) };
        var vectors = File.ReadAllLines(Fixture.Path("safety", "xss-vectors.txt")).Where(l => l.Length > 0).ToList();
        Assert.True(vectors.Count > 100);
        foreach (var vector in vectors)
        {
            foreach (var at in places)
            {
                var hostile = quote.Insert(at, vector);
                if (OEmbedShape.IsCertainlySafe(hostile)) Assert.Null(EmbedGuard.MarkupProblem(hostile));
            }
            Assert.False(OEmbedShape.IsCertainlySafe(quote.Insert(places[1], vector)) && vector.Contains("<script", StringComparison.OrdinalIgnoreCase));
        }
    }
}
