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
            : throw new InputException([new InputProblem(where, "timezone", Expected, JsonChecker.Quote(text) + Meant(text))]);

    public const string Expected = "an IANA zone name such as Asia/Tokyo, UTC, or an offset such as +09:00";

    /// <summary>
    /// " (did you mean "Europe/Paris"?)" for a misspelt zone (<c>Europe/Pariss</c>), from the system's zones; empty
    /// when none is near. Found by a user's trial: a misspelt zone was told the pattern alone.
    /// </summary>
    public static string Meant(string text)
    {
        IEnumerable<string> ids;
        try
        {
            ids = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidTimeZoneException)
        {
            return "";
        }
        return NearestName.Of(text, ids) is { } near ? $" (did you mean \"{near}\"?)" : "";
    }
}
