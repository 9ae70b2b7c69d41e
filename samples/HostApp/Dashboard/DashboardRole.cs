namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>What a dashboard account may do in one application, lowest first; operators act as owners everywhere.</summary>
internal enum DashboardRole
{
    /// <summary>Reads everything, changes nothing.</summary>
    Viewer,

    /// <summary>Users, roles, settings, keys, audit.</summary>
    Admin,

    /// <summary>Everything, including members and deletion.</summary>
    Owner,
}
