using System.Buffers;
using System.Text;
using System.Text.Unicode;
using HotPapers.Output;
using Scriban.Runtime;

namespace HotPapers.Rendering;

/// <summary>
/// A post as the template writes it, encoded to UTF-8 as it comes, in a pooled buffer: what
/// <see cref="PostRenderer"/> renders into for a build. Dispose it when its bytes have been used.
/// </summary>
/// <remarks>
/// Scriban's own output collects a string in a StringBuilder, copies it out, and then, to clear it,
/// allocates one more array the size of the post (a large-object allocation for a day of 37 KB). Three
/// copies of every post, with the byte copy the writer needs, were a tenth of a rebuild's garbage.
/// </remarks>
internal sealed class PostBytes : IScriptOutput, IDisposable
{
    // An encoder keeps a surrogate pair that two writes split, as encoding the whole text at once would.
    private readonly Encoder _encoder = PostWriter.Utf8.GetEncoder();
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _length;
    private bool _finished;
    // The last text written ended in the first half of a surrogate pair, which the encoder holds.
    private bool _pairOpen;

    /// <summary>The post's bytes, with CRLF line ends made LF, twice over (a template saved on Windows writes the same post).</summary>
    public ReadOnlySpan<byte> Span
    {
        get
        {
            Finish();
            return _buffer.AsSpan(0, _length);
        }
    }

    public void Write(string text, int offset, int count) => Write(text.AsSpan(offset, count));

    /// <summary>Writes text, encoded to UTF-8.</summary>
    public void Write(ReadOnlySpan<char> chars)
    {
        if (_finished) throw new InvalidOperationException("the post was already read");
        Reserve(PostWriter.Utf8.GetMaxByteCount(chars.Length));
        var free = _buffer.AsSpan(_length);
        // Whole text is encoded at once, without the encoder's bookkeeping (a twelfth of rendering). A text
        // that ends in the first half of a surrogate pair, and the one after it, go through the encoder,
        // which joins the pair; so does text that is not valid UTF-16, for the encoder's exception.
        if (!_pairOpen && (chars.IsEmpty || !char.IsHighSurrogate(chars[^1]))
            && Utf8.FromUtf16(chars, free, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            _length += written;
            return;
        }
        _encoder.Convert(chars, free, flush: false, out _, out written, out _);
        _length += written;
        if (!chars.IsEmpty) _pairOpen = char.IsHighSurrogate(chars[^1]);
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    private void Finish()
    {
        if (_finished) return;
        Reserve(PostWriter.Utf8.GetMaxByteCount(0));
        _length += _encoder.GetBytes([], _buffer.AsSpan(_length), flush: true);
        // Twice, as builds did before (the renderer and then the writer each made CRLF LF): a template
        // saved with CR CR LF line ends keeps writing the same posts.
        _length = WithoutCarriageReturns(_buffer.AsSpan(0, _length));
        _length = WithoutCarriageReturns(_buffer.AsSpan(0, _length));
        _finished = true;
    }

    /// <summary>Removes the CR of each CRLF in place; the length that remains.</summary>
    private static int WithoutCarriageReturns(Span<byte> bytes)
    {
        // Nearly every post has no CR at all: a search for one byte settles it faster than one for two.
        if (!bytes.Contains((byte)'\r')) return bytes.Length;
        var at = bytes.IndexOf("\r\n"u8);
        if (at < 0) return bytes.Length;
        var length = at;
        for (var read = at + 1; read < bytes.Length;)
        {
            var next = bytes[(read + 1)..].IndexOf("\r\n"u8);
            var end = next < 0 ? bytes.Length : read + 1 + next;
            bytes[read..end].CopyTo(bytes[length..]);
            length += end - read;
            read = end + 1;
        }
        return length;
    }

    private void Reserve(int bytes)
    {
        if (_buffer.Length - _length >= bytes) return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    public void Dispose()
    {
        if (_buffer.Length == 0) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }
}
