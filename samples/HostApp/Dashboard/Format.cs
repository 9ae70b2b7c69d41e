using System.Globalization;

namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>How the dashboard writes times and counts: UTC, one fixed format, whatever the server's culture.</summary>
internal static class Format
{
    public static string Time(DateTimeOffset? time, string none = "—") =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : none;

    public static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Clock(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>An audit actor such as <c>operator:&lt;uuid&gt;</c> as its kind and a short id (the whole in a tooltip); <see langword="null"/> id when it is short already.</summary>
    public static (string Kind, string? ShortId) ShortActor(string? actor)
    {
        var colon = actor?.IndexOf(':') ?? -1;
        return actor is not null && colon > 0 && actor.Length - colon > 10 ? (actor[..(colon + 1)], actor[(colon + 1)..(colon + 9)] + "…") : (actor ?? "", null);
    }
}
