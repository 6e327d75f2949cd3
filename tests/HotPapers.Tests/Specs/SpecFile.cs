using System.Text;

namespace HotPapers.Tests.Specs;

/// <summary>One example of a spec file: a rule's name, the function it goes through, its input and the output the spec expects.</summary>
public sealed record SpecExample(string File, int Number, string Rule, string Function, string Input, string Output, int OutputStart, int OutputEnd);

/// <summary>
/// Spec files in the style of CommonMark's and Markdig's: Markdown whose <c>##</c> headings state a rule, each
/// followed by examples
/// <code>
/// ```````````````````````````````` example md
/// input
/// .
/// expected output
/// ````````````````````````````````
/// </code>
/// The word after <c>example</c> names the function the input goes through (see <see cref="SpecFunctions"/>).
/// A tab is written <c>→</c> in input and output, as in the CommonMark spec, and any other control character
/// but the line feed as its Unicode control picture (<c>␍</c> for a carriage return, <c>␀</c> for NUL); every
/// other character is itself, and lines are joined with a line feed.
/// </summary>
public static class SpecFile
{
    private const string Fence = "````````````````````````````````";
    private const string Tab = "→";

    public static IReadOnlyList<SpecExample> Read(string path)
    {
        var lines = File.ReadAllText(path).Split('\n');
        var examples = new List<SpecExample>();
        var rule = "";
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal)) rule = lines[i][3..].Trim();
            if (!lines[i].StartsWith(Fence + " example ", StringComparison.Ordinal)) continue;
            var function = lines[i][(Fence.Length + " example ".Length)..].Trim();
            var start = i + 1;
            var dot = Array.IndexOf(lines, ".", start);
            var end = Array.IndexOf(lines, Fence, start);
            if (dot < 0 || end < 0 || dot > end) throw new FormatException($"{path}:{i + 1}: an example needs a \".\" line and a closing fence");
            examples.Add(new SpecExample(System.IO.Path.GetFileName(path), examples.Count + 1, rule, function,
                Unescape(string.Join('\n', lines[start..dot])), Unescape(string.Join('\n', lines[(dot + 1)..end])), dot + 1, end));
            i = end;
        }
        return examples;
    }

    /// <summary>The spec file with each example's expected output replaced by what the functions make now.</summary>
    public static string Rewrite(string path, Func<SpecExample, string> actual)
    {
        var lines = File.ReadAllText(path).Split('\n').ToList();
        // From the last example back, so that earlier line numbers stay right.
        foreach (var example in Read(path).Reverse())
        {
            lines.RemoveRange(example.OutputStart, example.OutputEnd - example.OutputStart);
            lines.InsertRange(example.OutputStart, Escape(actual(example)).Split('\n'));
        }
        return string.Join('\n', lines);
    }

    private static string Unescape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Replace(Tab, "\t", StringComparison.Ordinal))
            sb.Append(ch is >= '\u2400' and <= '\u241F' ? (char)(ch - 0x2400) : ch);
        return sb.ToString();
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Replace("\t", Tab, StringComparison.Ordinal))
            sb.Append(ch < ' ' && ch != '\n' ? (char)(ch + 0x2400) : ch);
        return sb.ToString();
    }
}
