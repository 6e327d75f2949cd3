using System.Globalization;

namespace HotPapers.Records;

/// <summary>Zones as users write them: an IANA name (<c>Asia/Tokyo</c>), <c>UTC</c>, or a fixed offset (<c>+09:00</c>).</summary>
public static class TimeZones
{
    public static bool TryParse(string text, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (text is "UTC" or "Z" or "Etc/UTC") return true;
        if ((text[0] == '+' || text[0] == '-') && TimeSpan.TryParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var offset)
            && offset <= TimeSpan.FromHours(14))
        {
            if (text[0] == '-') offset = -offset;
            zone = TimeZoneInfo.CreateCustomTimeZone(text, offset, text, text);
            return true;
        }
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(text);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    public static TimeZoneInfo Parse(string text, string where) =>
        TryParse(text, out var zone) ? zone
            : throw new InputException([new InputProblem(where, "timezone", "an IANA zone name such as Asia/Tokyo, UTC, or an offset such as +09:00", JsonChecker.Quote(text))]);
}
