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

    public static bool TryParse(string text, out DateTimeOffset value)
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
    public static bool TryParseWithOffset(string text, out DateTimeOffset value) =>
        TryParse(text, out value)
        && (text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':'));

    /// <summary>Seconds precision, offset as <c>+09:00</c> (<c>Z</c> is never written: an offset says more).</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0
            ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public static bool TryParseTime(string text, out TimeOnly value) =>
        TimeOnly.TryParseExact(text, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public static string FormatDate(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
