using System.Text;
using HotPapers.Rendering;
using HotPapers.Output;

namespace HotPapers.Tests.Rendering;

/// <summary>
/// PostBytes gives, for any sequence of writes, the bytes builds wrote before it for the text they make:
/// the renderer's CRLF-to-LF replace, then PostWriter.Encode's.
/// </summary>
public sealed class PostBytesTests
{
    private static readonly string[] Pieces =
        ["a", "\r", "\n", "\r\n", "\r\r\n", "\r\r\r\n", "é", "😀", "\uD83D", "\uDE00", "---", " ", "\t", "漢字", new string('x', 700)];

    [Fact]
    public void Any_writes_give_the_bytes_of_their_text_encoded_whole()
    {
        var random = new Random(11);
        var compared = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var writes = Enumerable.Range(0, random.Next(0, 12)).Select(_ => Pieces[random.Next(Pieces.Length)]).ToList();
            var text = string.Concat(writes);
            byte[]? expected;
            try
            {
                expected = Before(text);
            }
            catch (EncoderFallbackException)
            {
                expected = null;
            }
            using var post = new PostBytes();
            byte[]? actual;
            try
            {
                foreach (var w in writes) post.Write("<" + w + ">", 1, w.Length);
                actual = post.Span.ToArray();
            }
            catch (EncoderFallbackException)
            {
                actual = null;
            }
            var shown = string.Join(" | ", writes.Select(w => Convert.ToHexString(Encoding.Unicode.GetBytes(w))));
            Assert.True(expected is null == actual is null, $"one encoding refused what the other took: {shown}");
            if (expected is null) continue;
            Assert.Equal(expected, actual);
            compared++;
        }
        // Most draws have no lone surrogate: the comparison, not the refusal, is what ran.
        Assert.True(compared > 2_000, $"only {compared} compared");
    }

    private static byte[] Before(string text) => PostWriter.Encode(text.Replace("\r\n", "\n"));

    [Fact]
    public void A_surrogate_pair_split_between_two_writes_is_one_character()
    {
        using var post = new PostBytes();
        post.Write("\uD83D", 0, 1);
        post.Write("\uDE00", 0, 1);
        Assert.Equal("😀"u8.ToArray(), post.Span.ToArray());
    }

    [Fact]
    public void A_post_larger_than_the_first_buffer_is_kept_whole()
    {
        var line = "line with é and \r\n";
        using var post = new PostBytes();
        for (var i = 0; i < 20_000; i++) post.Write(line, 0, line.Length);
        Assert.Equal(Before(string.Concat(Enumerable.Repeat(line, 20_000))), post.Span.ToArray());
    }

    [Fact]
    public void Writing_after_the_bytes_were_read_is_refused()
    {
        using var post = new PostBytes();
        post.Write("a\r", 0, 2);
        _ = post.Span;
        Assert.Throws<InvalidOperationException>(() => post.Write("\n", 0, 1));
    }
}
