namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>Where the dashboard lives.</summary>
internal static class DashboardPaths
{
    public const string Root = "/admin";

    public const string SignIn = "/admin/sign-in";

    public const string Assets = "/admin/assets";

    public static bool IsDashboard(PathString path) => path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase);
}
