namespace JwtAuthKit.Roles;

/// <summary>The permissions the admin API checks. Custom roles may hold them, or permissions of the app's own.</summary>
public static class AdminPermissions
{
    /// <summary>Read users.</summary>
    public const string UsersRead = "users:read";

    /// <summary>Create, change and delete users, their roles and sessions.</summary>
    public const string UsersWrite = "users:write";

    /// <summary>Read roles.</summary>
    public const string RolesRead = "roles:read";

    /// <summary>Create, change and delete roles.</summary>
    public const string RolesWrite = "roles:write";

    /// <summary>Read the application's settings.</summary>
    public const string SettingsRead = "settings:read";

    /// <summary>Change the application's settings.</summary>
    public const string SettingsWrite = "settings:write";

    /// <summary>Read the audit log.</summary>
    public const string AuditRead = "audit:read";
}
