using System.Globalization;

namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>How the dashboard writes times and counts: UTC, one fixed format, whatever the server's culture.</summary>
internal static class Format
{
    public static string Time(DateTimeOffset? time, string none = "—") =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : none;

    public static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
