using System.Text;
using System.Text.Json;
using CsCheck;
using HotPapers.Ranking;
using HotPapers.Records;
using HotPapers.Tests.Safety;

namespace HotPapers.Tests.Records;

/// <summary>Property-based tests of the loader (round trip, garbage) and the ranking (invariants), with CsCheck.</summary>
public sealed class RecordsProperties
{
    internal sealed record GenTweet(string Name, string Handle, string Text, long? Retweets, long? Favorites, string? Lang);

    internal sealed record GenPaper(string Title, string[] Authors, string Abstract, string[] Categories, bool Pdf, GenTweet[] Mentions);

    private static readonly Gen<string> Handle = Gen.String[Gen.Char["abcXYZ019_"], 1, 15];
    private static readonly Gen<long?> Count = Gen.Frequency((1, Gen.Const((long?)null)), (6, Gen.Long[0, 120].Select(n => (long?)n)), (1, Gen.Long[0, 1L << 40].Select(n => (long?)n)));

    internal static readonly Gen<GenTweet> Tweet =
        from name in Generators.Text
        from handle in Handle
        from text in Generators.Text
        from retweets in Count
        from favorites in Count
        from lang in Gen.OneOf<string?>(null, "en", "ja")
        select new GenTweet(name, handle, text, retweets, favorites, lang);

    internal static readonly Gen<GenPaper> Paper =
        from title in Generators.NonBlankText
        from authors in Generators.NonBlankText.Array[1, 3]
        from summary in Generators.Text
        from categories in Gen.OneOf("cs.LG", "stat.ML", "hep-th").Array[0, 2]
        from pdf in Gen.Bool
        from tweets in Tweet.Array[0, 5]
        select new GenPaper(title, authors, summary, categories, pdf, tweets);

    internal static byte[] Write(GenPaper[] papers)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", "hotpapers-records/1");
            w.WriteString("date", "2021-04-30");
            w.WriteString("collectedAt", "2021-05-01T18:50:48+09:00");
            w.WriteStartArray("papers");
            for (var i = 0; i < papers.Length; i++)
            {
                var p = papers[i];
                w.WriteStartObject();
                w.WriteString("id", $"2104.{10000 + i}");
                w.WriteString("title", p.Title);
                w.WriteStartArray("authors"); foreach (var a in p.Authors) w.WriteStringValue(a); w.WriteEndArray();
                w.WriteString("abstract", p.Abstract);
                w.WriteStartArray("categories"); foreach (var c in p.Categories) w.WriteStringValue(c); w.WriteEndArray();
                w.WriteStartObject("links");
                w.WriteString("abs", $"https://arxiv.org/abs/2104.{10000 + i}");
                if (p.Pdf) w.WriteString("pdf", $"https://arxiv.org/pdf/2104.{10000 + i}");
                w.WriteEndObject();
                w.WriteStartArray("tweets");
                for (var t = 0; t < p.Mentions.Length; t++)
                {
                    var tw = p.Mentions[t];
                    w.WriteStartObject();
                    w.WriteString("url", $"https://twitter.com/{tw.Handle}/status/{i * 100 + t + 1}");
                    w.WriteStartObject("author"); w.WriteString("name", tw.Name); w.WriteString("handle", tw.Handle); w.WriteEndObject();
                    w.WriteString("text", tw.Text);
                    w.WriteString("created", "2021-04-30");
                    if (tw.Lang is not null) w.WriteString("lang", tw.Lang);
                    if (tw.Retweets is { } r) w.WriteNumber("retweets", r);
                    if (tw.Favorites is { } f) w.WriteNumber("favorites", f);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static readonly RecordsLoader Loader = new(TimeZoneInfo.Utc);

    [Fact]
    public void Any_valid_records_load_back_as_written() =>
        Paper.Array[0, 6].Sample(papers =>
        {
            var records = Loader.Parse("gen.json", Write(papers));
            Assert.Equal(papers.Length, records.Papers.Length);
            for (var i = 0; i < papers.Length; i++)
            {
                var (g, r) = (papers[i], records.Papers[i]);
                Assert.Equal(g.Title, r.Title);
                Assert.Equal(g.Authors, r.Authors);
                Assert.Equal(g.Abstract, r.Abstract);
                Assert.Equal(g.Categories, r.Categories);
                Assert.Equal(g.Pdf, r.PdfUrl is not null);
                Assert.Equal(g.Mentions.Length, r.Mentions.Length);
                for (var t = 0; t < g.Mentions.Length; t++)
                {
                    var (gt, rt) = (g.Mentions[t], r.Mentions[t]);
                    Assert.Equal((gt.Name, gt.Handle, gt.Text, gt.Retweets, gt.Favorites, gt.Lang), (rt.AuthorName, rt.Handle, rt.Text, rt.Reposts, rt.Likes, rt.Lang));
                }
            }
        }, iter: 300);

    [Fact]
    public void Random_bytes_are_refused_with_an_input_exception_only() =>
        Gen.Byte.Array[0, 400].Sample(bytes => OnlyInputException(bytes), iter: 3000);

    [Fact]
    public void Mutated_valid_records_load_or_are_refused_with_a_input_exception_only()
    {
        var valid = Write(Paper.Array[2, 2].Single());
        var legacy = MalformedRecords.Bytes(MalformedRecords.ValidLegacy());
        Gen.Select(Gen.Bool, Gen.Int[0, 3].Select(Gen.Int, Gen.Byte).Array[1, 6]).Sample((useLegacy, edits) =>
        {
            var bytes = (useLegacy ? legacy : valid).ToList();
            foreach (var (kind, at, value) in edits)
            {
                var i = (int)((uint)at % (uint)Math.Max(1, bytes.Count));
                switch (kind)
                {
                    case 0 when bytes.Count > 0: bytes[i] = value; break;
                    case 1: bytes.Insert(i, value); break;
                    case 2 when bytes.Count > 0: bytes.RemoveAt(i); break;
                    default: bytes.Insert(i, (byte)"{}[]\",:0\\"[value % 9]); break;
                }
            }
            OnlyInputException([.. bytes]);
        }, iter: 5000);
    }

    private static void OnlyInputException(byte[] bytes)
    {
        try
        {
            Loader.Parse("gen.json", bytes);
        }
        catch (InputException e)
        {
            Assert.NotEmpty(e.Problems);
            Assert.All(e.Problems, p => Assert.True(p.Location.StartsWith('$') || p.Location.StartsWith("line ", StringComparison.Ordinal), p.Location));
        }
    }

    [Fact]
    public void Ranking_keeps_its_invariants()
    {
        var settings = from minPaper in Gen.Int[0, 150] from minTweet in Gen.Int[0, 60] from max in Gen.Int[0, 4] from pdf in Gen.Bool
                       select new RankingSettings(minPaper, minTweet, max, pdf);
        Gen.Select(Paper.Array[0, 8], settings).Sample((papers, s) =>
        {
            var records = Loader.Parse("gen.json", Write(papers));
            var digest = new Ranker(s).Rank(records);
            var shown = digest.Papers;
            Assert.Equal(Enumerable.Range(1, shown.Length), shown.Select(p => p.Rank));
            Assert.All(shown, p => Assert.True(p.Score >= s.MinPaperScore && (!s.RequirePdf || p.Paper.PdfUrl is not null)));
            // Ordered by score, ties in input order; and every qualifying paper is shown.
            var order = shown.Select(p => records.Papers.IndexOf(p.Paper)).ToList();
            for (var i = 1; i < shown.Length; i++)
                Assert.True(shown[i - 1].Score > shown[i].Score || (shown[i - 1].Score == shown[i].Score && order[i - 1] < order[i]));
            var qualifying = records.Papers.Count(p => { var score = Ranker.Totals(p).Sum(t => t.Reposts + t.Likes); return score >= s.MinPaperScore && (!s.RequirePdf || p.PdfUrl is not null); });
            Assert.Equal(qualifying, shown.Length);
            foreach (var p in shown)
            {
                Assert.Equal(p.Paper.Mentions.Sum(t => t.Reposts ?? 0), p.Retweets);
                Assert.Equal(p.Paper.Mentions.Sum(t => t.Likes ?? 0), p.Favorites);
                Assert.True(p.Mentions.Length <= s.MaxMentions);
                Assert.All(p.Mentions, t => Assert.True(t.Score >= s.MinMentionScore && p.Paper.Mentions.Contains(t)));
                for (var i = 1; i < p.Mentions.Length; i++) Assert.True(p.Mentions[i - 1].Score >= p.Mentions[i].Score);
                Assert.Equal(p.Mentions.Length, p.Mentions.Select(t => t.StatusId).Distinct().Count());
            }
        }, iter: 500);
    }
}
