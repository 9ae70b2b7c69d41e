using Microsoft.AspNetCore.Authorization;

namespace JwtAuthKit.AspNetCore.Authorization;

/// <summary>
/// Requires a signed-in user whose roles grant <paramref name="permission"/> in their application, for MVC
/// controllers and actions (minimal APIs use <c>.RequirePermission(...)</c>).
/// </summary>
/// <param name="permission">The permission, such as <c>posts:write</c>.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(PermissionPolicyNames.For(permission, allowApiKeys: false))
{
    /// <summary>The permission.</summary>
    public string Permission { get; } = permission;
}
