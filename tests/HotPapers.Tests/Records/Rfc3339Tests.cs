using HotPapers.Records;

namespace HotPapers.Tests.Records;

/// <summary>The dates, times and timestamps hotpapers reads, and those it refuses.</summary>
public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2021-05-01T18:50:48+09:00", "2021-05-01T18:50:48+09:00")]
    [InlineData("2021-05-01T18:50:48Z", "2021-05-01T18:50:48+00:00")]
    [InlineData("2020-02-29T00:00:00-13:59", "2020-02-29T00:00:00-13:59")]
    [InlineData("2021-05-01T18:50:48.5+09:00", "2021-05-01T18:50:48.5+09:00")]
    [InlineData("2021-05-01T18:50:48.1234567Z", "2021-05-01T18:50:48.1234567+00:00")]
    [InlineData("2021-05-01T18:50:48-00:00", "2021-05-01T18:50:48+00:00")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00+00:00")]
    [InlineData("9999-12-31T23:59:59Z", "9999-12-31T23:59:59+00:00")]
    [InlineData("2021-05-01T18:50:48+14:00", "2021-05-01T18:50:48+14:00")]
    public void Timestamps_with_an_offset_are_read(string text, string written)
    {
        Assert.True(Rfc3339.TryParse(text, out var value), text);
        Assert.Equal(written, Rfc3339.Format(value));
    }

    [Theory]
    [InlineData("2021-05-01T18:50:48.Z")]
    [InlineData("2021-05-01T18:50:48.+09:00")]
    [InlineData("2021-05-01T18:50:48.")]
    [InlineData("2021-05-01T18:50:48.12345678Z")]
    [InlineData("2021-05-01 18:50:48Z")]
    [InlineData("2021-05-01T18:50:48z")]
    [InlineData("2021-05-01T18:50:48+09")]
    [InlineData("2021-05-01T18:50:48+15:00")]
    [InlineData("2021-05-01T18:50:48+09:60")]
    [InlineData("2021-05-01T24:00:00Z")]
    [InlineData("2021-05-01T18:60:00Z")]
    [InlineData("2021-02-29T18:50:48Z")]
    [InlineData("2021-05-01T18:50:48+09:00 ")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2021-05-01")]
    public void Other_timestamps_are_refused(string text) => Assert.False(Rfc3339.TryParse(text, out _), text);

    // The exact parser's zzz takes these offsets; where a timestamp must have an offset as RFC 3339 writes it
    // (records' collectedAt, an imported post's date), they are refused.
    [Theory]
    [InlineData("2021-05-01T18:50:48+0900", true)]
    [InlineData("2021-05-01T18:50:48+9:00", true)]
    [InlineData("2021-05-01T18:50:48+09:00", false)]
    [InlineData("2021-05-01T18:50:48-00:00", false)]
    [InlineData("2021-05-01T18:50:48.5Z", false)]
    public void An_offset_as_rfc_3339_writes_it_is_told_from_other_forms(string text, bool otherForm)
    {
        Assert.True(Rfc3339.TryParse(text, out _), text);
        Assert.Equal(!otherForm, Rfc3339.TryParseWithOffset(text, out _));
    }

    [Theory]
    [InlineData("2021-04-30")]
    [InlineData("2020-02-29")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public void Dates_are_read(string text)
    {
        Assert.True(Rfc3339.TryParseDate(text, out var date), text);
        Assert.Equal(text, Rfc3339.FormatDate(date));
    }

    [Theory]
    [InlineData("2021-02-29")]
    [InlineData("2021-13-01")]
    [InlineData("2021-00-01")]
    [InlineData("2021-04-31")]
    [InlineData("0000-01-01")]
    [InlineData("2021-4-30")]
    [InlineData("21-04-30")]
    [InlineData("20211-04-30")]
    [InlineData("2021/04/30")]
    [InlineData(" 2021-04-30")]
    [InlineData("2021-04-30 ")]
    [InlineData("2021-04-30\0")]
    [InlineData("2021-04-30T00:00:00Z")]
    [InlineData("\uff12\uff10\uff12\uff11-04-30")]
    public void Other_dates_are_refused(string text) => Assert.False(Rfc3339.TryParseDate(text, out _), text);

    [Theory]
    [InlineData("00:00:00", 0, 0, 0)]
    [InlineData("09:05:07", 9, 5, 7)]
    [InlineData("23:59:59", 23, 59, 59)]
    public void Times_are_read(string text, int hour, int minute, int second)
    {
        Assert.True(Rfc3339.TryParseTime(text, out var time), text);
        Assert.Equal(new TimeOnly(hour, minute, second), time);
    }

    [Theory]
    [InlineData("24:00:00")]
    [InlineData("12:60:00")]
    [InlineData("12:00:60")]
    [InlineData("1:00:00")]
    [InlineData("12:00")]
    [InlineData("12:00:00Z")]
    [InlineData("\u0661\u0662:00:00")]
    public void Other_times_are_refused(string text) => Assert.False(Rfc3339.TryParseTime(text, out _), text);
}
