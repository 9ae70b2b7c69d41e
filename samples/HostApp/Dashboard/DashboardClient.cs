using JwtAuthKit.Sessions;

namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>Where a dashboard request came from, as sessions and the audit log record it.</summary>
internal static class DashboardClient
{
    public static ClientInfo From(HttpContext http) =>
        new(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null);
}
