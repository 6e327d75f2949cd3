using System.Globalization;

namespace HotPapers.Records;

/// <summary>RFC 3339 timestamps with an explicit offset, the only form of time hotpapers reads or writes.</summary>
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
        if (TryParseCommon(text, out value)) return true;
        value = default;
        // "F" fraction digits may be none, which would let the old posts' invalid "18:50:48.Z" through.
        var dot = text.IndexOf('.');
        if (dot >= 0 && (dot + 1 == text.Length || !char.IsAsciiDigit(text[dot + 1]))) return false;
        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>Seconds precision, offset as <c>+09:00</c> (<c>Z</c> is never written: an offset says more).</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0
            ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string text, out DateOnly value)
    {
        // A timestamp is asked first whether it is a date; the exact parser takes ten characters, no more or fewer.
        if (text.Length != 10)
        {
            value = default;
            return false;
        }
        // The exact parser is a fiftieth of a rebuild: the common shape is read here, anything else by it.
        if (DateShape(text, out var year, out var month, out var day)) return IsDate(year, month, day, out value);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary><c>HH:mm:ss</c>, as <see cref="TimeOnly.TryParseExact(string?, string?, IFormatProvider?, DateTimeStyles, out TimeOnly)"/> reads it.</summary>
    public static bool TryParseTime(string text, out TimeOnly value)
    {
        if (text.Length == 8 && text[2] == ':' && text[5] == ':'
            && Digits(text, 0, 2, out var hour) && Digits(text, 3, 2, out var minute) && Digits(text, 6, 2, out var second))
        {
            var valid = hour < 24 && minute < 60 && second < 60;
            value = valid ? new TimeOnly(hour, minute, second) : default;
            return valid;
        }
        return TimeOnly.TryParseExact(text, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>
    /// <c>2021-05-01T18:50:48+09:00</c> and <c>2021-05-01T18:50:48Z</c>, the forms of nearly every
    /// timestamp, read without the exact parser; false sends anything else (and the edges of the
    /// calendar and of offsets) to it.
    /// </summary>
    private static bool TryParseCommon(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length is not (20 or 25) || !DateShape(text, out var year, out var month, out var day)
            || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second)
            || year is < 2 or > 9998 || hour > 23 || minute > 59 || second > 59 || !IsDate(year, month, day, out _))
            return false;
        TimeSpan offset;
        if (text.Length == 20)
        {
            if (text[19] != 'Z') return false;
            offset = TimeSpan.Zero;
        }
        else
        {
            if (text[19] is not ('+' or '-') || text[22] != ':' || !Digits(text, 20, 2, out var oh) || !Digits(text, 23, 2, out var om)
                || oh > 13 || om > 59)
                return false;
            offset = new TimeSpan(oh, om, 0) * (text[19] == '-' ? -1 : 1);
        }
        value = new DateTimeOffset(year, month, day, hour, minute, second, offset);
        return true;
    }

    /// <summary><c>yyyy-MM-dd</c> in ASCII digits at the start of the text (at least ten characters long).</summary>
    private static bool DateShape(string text, out int year, out int month, out int day)
    {
        month = day = 0;
        return Digits(text, 0, 4, out year) && text[4] == '-' && Digits(text, 5, 2, out month) && text[7] == '-' && Digits(text, 8, 2, out day);
    }

    private static bool IsDate(int year, int month, int day, out DateOnly value)
    {
        var valid = year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        value = valid ? new DateOnly(year, month, day) : default;
        return valid;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i])) return false;
            value = value * 10 + (text[i] - '0');
        }
        return true;
    }

    public static string FormatDate(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
