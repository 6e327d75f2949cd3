using System.Globalization;
using System.Text.RegularExpressions;

namespace HotPapers.Settings;

/// <summary>Durations as <c>hotpapers.yml</c> writes them: a whole number and a unit, <c>90s</c>, <c>30m</c>, <c>12h</c>, <c>2d</c>; <c>0s</c> is none.</summary>
internal static partial class Durations
{
    public const string Expected = "a duration: a whole number followed by s, m, h or d (12h; 0s for none)";

    public static TimeSpan? Parse(string text)
    {
        var m = Pattern().Match(text);
        if (!m.Success || !int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
        var seconds = m.Groups[2].Value switch { "s" => 1L, "m" => 60L, "h" => 3600L, _ => 86400L } * n;
        return seconds <= 366L * 86400 ? TimeSpan.FromSeconds(seconds) : null;
    }

    /// <summary>The shortest text <see cref="Parse"/> reads back as <paramref name="span"/>.</summary>
    public static string Format(TimeSpan span)
    {
        var s = (long)span.TotalSeconds;
        if (s == 0) return "0s";
        return s % 86400 == 0 ? $"{s / 86400}d" : s % 3600 == 0 ? $"{s / 3600}h" : s % 60 == 0 ? $"{s / 60}m" : $"{s}s";
    }

    [GeneratedRegex(@"^([0-9]{1,9})([smhd])\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
