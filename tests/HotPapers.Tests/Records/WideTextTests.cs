using System.Text;

namespace HotPapers.Tests.Records;

// Found by a review: any zero byte near the start was taken for UTF-16 or UTF-32, so a post with a stray
// NUL, or binary data, was told to be saved as UTF-8 instead of being called what it is.
public sealed class WideTextTests
{
    public static TheoryData<string, byte[]> Wide => new()
    {
        { "UTF-16", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{}")] },
        { "UTF-16", Encoding.Unicode.GetBytes("{\n") },
        { "UTF-16", Encoding.BigEndianUnicode.GetBytes("---\n") },
        { "UTF-32", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes("{}")] },
        { "UTF-32", Encoding.UTF32.GetBytes("{\n") },
        { "UTF-32", new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes("---\n") },
    };

    [Theory]
    [MemberData(nameof(Wide))]
    public void Text_in_UTF_16_or_UTF_32_is_named(string encoding, byte[] bytes) => Assert.Equal(encoding, WideText.EncodingOf(bytes));

    public static TheoryData<byte[]> NotWide => new(
        Encoding.UTF8.GetBytes("{\"date\": \"2021-04-30\"}"),
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("---\n")],
        Encoding.UTF8.GetBytes("a\0b\nc"),
        [0, 0, 0, 1, 0xC3, 0x28],
        [0x7B],
        [],
        Encoding.UTF8.GetBytes("é\0"));

    [Theory]
    [MemberData(nameof(NotWide))]
    public void UTF_8_a_stray_NUL_and_binary_data_are_not_taken_for_either(byte[] bytes) => Assert.Null(WideText.EncodingOf(bytes));
}
