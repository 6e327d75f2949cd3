using System.Globalization;
using HotPapers.Records;

namespace HotPapers.Tests.Records;

/// <summary>
/// Rfc3339 reads the common shapes itself and leaves the rest to .NET's exact parser; for any text it
/// must answer as that parser does, with these formats.
/// </summary>
public sealed class Rfc3339Tests
{
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    // Whole fields at and around their limits, and pieces that break the shape.
    private static readonly string[] Years = ["2021", "2020", "0002", "0000", "0001", "1900", "9998", "9999", "202", "20211", "２０２１", " 202"];
    private static readonly string[] Months = ["01", "02", "12", "00", "13", "1", "99", "1a"];
    private static readonly string[] Days = ["01", "28", "29", "30", "31", "32", "00", "9", " 1", "01\0", "01\0\0", "01T00", "01 "];
    private static readonly string[] Hours = ["00", "09", "23", "24", "99", "1", "٠١"];
    private static readonly string[] Sixty = ["00", "30", "59", "60", "61", "5"];
    private static readonly string[] Offsets = ["Z", "+09:00", "+00:00", "z", "-00:00", "-05:30", "+13:59", "+14:00", "-14:00", "+14:01", "+15:00", "+09:60", "+0900", "+09", "09:00", "+9:00", "", " Z", "+09:00 "];
    private static readonly string[] Fractions = ["", "", "", ".5", ".1234567", ".12345678", "."];

    [Fact]
    public void Instants_are_read_as_the_exact_parser_reads_them()
    {
        var random = new Random(3339);
        var accepted = 0;
        for (var i = 0; i < 50_000; i++)
        {
            var text = $"{Pick(random, Years)}-{Pick(random, Months)}-{Pick(random, Days)}{(random.Next(20) == 0 ? " " : "T")}"
                + $"{Pick(random, Hours)}:{Pick(random, Sixty)}:{Pick(random, Sixty)}{Pick(random, Fractions)}{Pick(random, Offsets)}";
            var exact = ExactInstant(text, out var expected);
            Assert.True(exact == Rfc3339.TryParse(text, out var actual), text);
            if (!exact) continue;
            accepted++;
            Assert.Equal((expected.DateTime, expected.Offset), (actual.DateTime, actual.Offset));
        }
        Assert.True(accepted > 5_000, $"only {accepted} valid timestamps drawn");
    }

    [Fact]
    public void Dates_and_times_are_read_as_the_exact_parser_reads_them()
    {
        var random = new Random(1);
        var dates = 0;
        var times = 0;
        for (var i = 0; i < 50_000; i++)
        {
            var date = $"{Pick(random, Years)}-{Pick(random, Months)}-{Pick(random, Days)}";
            var exactDate = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expectedDate);
            Assert.True(exactDate == Rfc3339.TryParseDate(date, out var actualDate), date);
            Assert.Equal(expectedDate, actualDate);
            if (exactDate) dates++;

            var time = $"{Pick(random, Hours)}:{Pick(random, Sixty)}:{Pick(random, Sixty)}";
            var exactTime = TimeOnly.TryParseExact(time, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expectedTime);
            Assert.True(exactTime == Rfc3339.TryParseTime(time, out var actualTime), time);
            Assert.Equal(expectedTime, actualTime);
            if (exactTime) times++;
        }
        Assert.True(dates > 5_000 && times > 5_000, $"only {dates} valid dates and {times} valid times drawn");
    }

    [Theory]
    [InlineData("2021-05-01T18:50:48+09:00")]
    [InlineData("2021-05-01T18:50:48Z")]
    [InlineData("2020-02-29T00:00:00-13:59")]
    public void Common_timestamps_are_read(string text)
    {
        Assert.True(Rfc3339.TryParse(text, out var value));
        Assert.True(ExactInstant(text, out var expected));
        Assert.Equal((expected.DateTime, expected.Offset), (value.DateTime, value.Offset));
    }

    private static bool ExactInstant(string text, out DateTimeOffset value)
    {
        value = default;
        // As Rfc3339 has it: "F" fraction digits may be none, which would let "18:50:48.Z" through.
        var dot = text.IndexOf('.');
        if (dot >= 0 && (dot + 1 == text.Length || !char.IsAsciiDigit(text[dot + 1]))) return false;
        return DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    // Mostly the first values, which are valid ones, so that most draws are whole timestamps.
    private static string Pick(Random random, string[] values) => values[random.Next(random.Next(4) == 0 ? values.Length : 3)];
}
