using System.Text;
using System.Text.Json;

namespace HotPapers.Records;

/// <summary>Loads one records file in either format, detected from its content, and validates all of it.</summary>
internal sealed class RecordsLoader(TimeZoneInfo legacyZone)
{
    /// <summary>Records files larger than this are refused before they are read: a day is a few hundred KB.</summary>
    public const long MaxFileBytes = 32L * 1024 * 1024;

    /// <param name="daysCheck">See <see cref="JsonChecker.DaysCheck"/>.</param>
    public DigestRecords Load(string path, DaysCheck? daysCheck = null)
    {
        // A FIFO, a device or a folder is refused before it is opened; a symlink is read by its target.
        var fileLength = InputFile.Length(path, "a records file", "$");
        if (fileLength > MaxFileBytes)
            throw Fail(path, "$", $"a records file of at most {MaxFileBytes / 1024 / 1024} MB", $"{fileLength / 1024 / 1024} MB");
        // A day is 100-200 KB: a fresh array each would land on the large object heap, and thousands of
        // them in a rebuild keep the GC sweeping it. The parsed records hold no reference to the bytes.
        var length = (int)fileLength;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            // A file cut short while it is read fails here (EndOfStreamException, an IOException).
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
                stream.ReadExactly(buffer.AsSpan(0, length));
            return Parse(path, buffer.AsMemory(0, length), daysCheck);
        }
        // Caught here, not through InputFile.Read: no closure for each of a rebuild's thousands of files.
        catch (UnauthorizedAccessException)
        {
            throw InputFile.Unreadable(path, "a records file");
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public DigestRecords Parse(string file, ReadOnlyMemory<byte> bytes, DaysCheck? daysCheck = null)
    {
        var span = bytes.Span;
        if (span.Length == 0) throw Fail(file, "$", "a JSON object", "an empty file");
        // Found by a docs audit: UTF-32 was named UTF-16.
        if (WideText.EncodingOf(span) is { } wide) throw Fail(file, "$", "UTF-8 text", $"{wide} text (save the file as UTF-8)");
        if (span.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[3..];
        // System.Text.Json checks string bytes only when a string is read; bad bytes are found here, with their place.
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            throw Fail(file, JsonChecker.Place(bytes.Span, FirstInvalidUtf8(bytes.Span)), "UTF-8 text", "a byte sequence that is not UTF-8 (save the file as UTF-8)");
        }
        JsonChecker check;
        DigestRecords? records;
        try
        {
            var root = new Utf8JsonReader(bytes.Span, JsonChecker.Options);
            root.Read();
            // The format shows in the root's keys, which may come after the papers: the reader the first key
            // points to reads the file, and where its keys say otherwise (only odd files), the other reads it again.
            var legacy = FirstKeyIsMeta(root);
            var r = root;
            check = new JsonChecker(file, bytes) { DaysCheck = daysCheck };
            records = Read(ref r, check, legacy);
            // After the root value, nothing but white space (Read throws on anything else).
            r.Read();
            if (check.LooksLegacy != legacy)
            {
                r = root;
                check = new JsonChecker(file, bytes) { DaysCheck = daysCheck };
                records = Read(ref r, check, !legacy);
            }
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {e.BytePositionInLine + 1}" : "$";
            throw Fail(file, where, "well-formed JSON", JsonSyntax.ConflictMarker(bytes.Span, e.LineNumber) ?? JsonSyntax.FrontMatter(bytes.Span, e.LineNumber) ?? JsonSyntax.Found(e.Message));
        }
        // A \u escape of a lone surrogate is well-formed JSON but no text: reported alone.
        if (check.Unreadable is { } unreadable) throw new InputException([unreadable]);
        if (check.Problems.Count > 0) throw new InputException(ProblemLines.Add(bytes.Span, check.Problems));
        if (records is null) throw Fail(file, "$", "records", "nothing usable");
        return records;
    }

    private DigestRecords? Read(ref Utf8JsonReader r, JsonChecker check, bool legacy) =>
        legacy ? LegacyCrawlerReader.Read(ref r, check, legacyZone) : RecordsReader.Read(ref r, check);

    private static bool FirstKeyIsMeta(Utf8JsonReader r) =>
        r.TokenType == JsonTokenType.StartObject && r.Read() && r.TokenType == JsonTokenType.PropertyName && r.ValueTextEquals("meta"u8);

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length && Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
            at += consumed;
        return at;
    }

    private static InputException Fail(string file, string where, string expected, string found) =>
        new([new InputProblem(file, where, expected, found)]);
}
