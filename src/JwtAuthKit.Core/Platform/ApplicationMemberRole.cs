namespace JwtAuthKit.Platform;

/// <summary>
/// What a dashboard account may do in one application: <see cref="Viewer"/> reads, <see cref="Admin"/> also changes
/// users, roles, settings and keys, <see cref="Owner"/> also manages members and deletes the application. Ordered, so
/// <c>role &gt;= ApplicationMemberRole.Admin</c> reads as "at least admin".
/// </summary>
public enum ApplicationMemberRole
{
    /// <summary>Reads everything, changes nothing.</summary>
    Viewer = 0,

    /// <summary>Users, roles, settings, keys and the audit log.</summary>
    Admin = 1,

    /// <summary>Everything, including members and deleting the application.</summary>
    Owner = 2,
}
