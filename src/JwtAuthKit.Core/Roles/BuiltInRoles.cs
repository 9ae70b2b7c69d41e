namespace JwtAuthKit.Roles;

/// <summary>The roles every application has.</summary>
public static class BuiltInRoles
{
    /// <summary>Holds every permission.</summary>
    public const string Admin = "admin";

    /// <summary>Holds no administrative permission: a user may act on their own data only.</summary>
    public const string User = "user";

    /// <summary>The permission that stands for all of them (held by <see cref="Admin"/>).</summary>
    public const string AllPermissions = "*";

    /// <summary>Whether a name is a built-in role.</summary>
    /// <param name="name">The role name.</param>
    /// <returns><see langword="true"/> for <c>admin</c> and <c>user</c>.</returns>
    public static bool IsBuiltIn(string name) => name is Admin or User;

    internal static Role Describe(string applicationId, string name) => new()
    {
        Id = name,
        ApplicationId = applicationId,
        Name = name,
        Description = name == Admin ? "Every permission in the application." : "Signed-in users: their own data only.",
        Permissions = name == Admin ? [AllPermissions] : [],
    };
}
