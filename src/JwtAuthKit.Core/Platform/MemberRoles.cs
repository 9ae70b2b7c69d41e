namespace JwtAuthKit.Platform;

/// <summary>The wire names of <see cref="ApplicationMemberRole"/>: <c>viewer</c>, <c>admin</c>, <c>owner</c>.</summary>
public static class MemberRoles
{
    /// <summary>The name of a role.</summary>
    /// <param name="role">The role.</param>
    /// <returns><c>viewer</c>, <c>admin</c> or <c>owner</c>.</returns>
    public static string Name(ApplicationMemberRole role) => role switch
    {
        ApplicationMemberRole.Owner => "owner",
        ApplicationMemberRole.Admin => "admin",
        _ => "viewer",
    };

    /// <summary>Reads a role's name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The role, or <see langword="null"/> for anything else.</returns>
    public static ApplicationMemberRole? Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "OWNER" => ApplicationMemberRole.Owner,
        "ADMIN" => ApplicationMemberRole.Admin,
        "VIEWER" => ApplicationMemberRole.Viewer,
        _ => null,
    };
}
