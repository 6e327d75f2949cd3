using BenchmarkDotNet.Attributes;
using HotPapers.Rendering;

namespace HotPapers.Benchmarks.Micro;

/// <summary>
/// Escaping a 1 MB abstract (the records format allows 32 MB files) for Markdown, math masking included:
/// it must take time in proportion to the text. Before the fix, a text of "$x " repeated took 10 s at
/// 100 KB and 175 s at 400 KB (every unclosed $ looked to the end of the text for its closer), and a
/// heading of many # looked to its end from each #.
/// </summary>
[MemoryDiagnoser]
public class EscapeBenchmarks
{
    public enum Text
    {
        /// <summary>Words, as an abstract is: written as it is.</summary>
        Plain,

        /// <summary>"$x " repeated, then "&amp;amp;": a thousand unclosed math openers, then text that must be escaped.</summary>
        UnclosedMath,

        /// <summary>Inline math spans with markup between them, escaped around the spans.</summary>
        MathAndMarkup,

        /// <summary>A heading ending in a run of # signs, each one escaped as a closing sequence.</summary>
        Hashes,
    }

    private const int Size = 1 << 20;
    private string _text = "";

    [Params(Text.Plain, Text.UnclosedMath, Text.MathAndMarkup, Text.Hashes)]
    public Text Kind { get; set; }

    [GlobalSetup]
    public void Setup() => _text = Kind switch
    {
        Text.Plain => Repeat("We study sparse regression with heavy tails and show a lower bound. "),
        Text.UnclosedMath => Repeat("$x ") + "&amp;",
        Text.MathAndMarkup => Repeat("with $\\ell_1$ and *stars* "),
        _ => "x " + Repeat("#"),
    };

    [Benchmark]
    public string Escape() => MarkdownText.Escape(_text, Kind == Text.Hashes ? MarkdownText.Context.Heading : MarkdownText.Context.Paragraph);

    private static string Repeat(string piece) => string.Concat(Enumerable.Repeat(piece, Size / piece.Length));
}
