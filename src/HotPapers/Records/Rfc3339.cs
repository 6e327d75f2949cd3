using System.Globalization;

namespace HotPapers.Records;

/// <summary>
/// The forms of dates and times hotpapers reads and writes, read by .NET's exact parsers: RFC 3339
/// timestamps with an explicit offset, dates as <c>yyyy-MM-dd</c>, times of day as <c>HH:mm:ss</c>.
/// </summary>
public static class Rfc3339
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        // "F" fraction digits may be none, which would let the old posts' invalid "18:50:48.Z" through.
        var dot = text.IndexOf('.');
        if (dot >= 0 && (dot + 1 == text.Length || !char.IsAsciiDigit(text[dot + 1]))) return false;
        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>
    /// <see cref="TryParse"/>, with the offset written as RFC 3339 writes it, <c>Z</c> or <c>+09:00</c>: the
    /// exact parser's <c>zzz</c> also takes <c>+0900</c> and <c>+9:00</c>.
    /// </summary>
    public static bool TryParseWithOffset(ReadOnlySpan<char> text, out DateTimeOffset value) =>
        TryParse(text, out value)
        && (text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':'));

    /// <summary>
    /// An instant to the whole second, as the records, the posts' dates and the feeds give times (RSS's
    /// RFC 822 dates can say no less, so all three feeds give the same time for the same entry).
    /// </summary>
    public static DateTimeOffset ToSecond(DateTimeOffset time) =>
        new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, time.Offset);

    /// <summary>Seconds precision, offset as <c>+09:00</c> (<c>Z</c> is never written: an offset says more).</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0
            ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>
    /// For text shaped as YYYY-MM-DD that is no day (2021-04-31, 2021-13-01): why, such as "April 2021 has
    /// 30 days"; null for text of another shape, or a day that exists.
    /// </summary>
    public static string? NoSuchDay(string text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-' || !text.Remove(7, 1).Remove(4, 1).All(char.IsAsciiDigit)) return null;
        var year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var month = int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(text.AsSpan(8, 2), CultureInfo.InvariantCulture);
        if (year == 0) return "years start at 0001";
        if (month is < 1 or > 12) return "months are 01 to 12";
        var days = DateTime.DaysInMonth(year, month);
        if (day >= 1 && day <= days) return null;
        return day == 0 ? "days start at 01" : $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {year:D4} has {days} days";
    }

    public static bool TryParseTime(ReadOnlySpan<char> text, out TimeOnly value) =>
        TimeOnly.TryParseExact(text, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public static string FormatDate(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
