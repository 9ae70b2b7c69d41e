using JwtAuthKit.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace JwtAuthKit.AspNetCore;

/// <summary>
/// Requires a signed-in user whose roles grant <paramref name="permission"/> in their application, for MVC
/// controllers and actions (minimal APIs use <c>.RequirePermission(...)</c>).
/// </summary>
/// <param name="permission">The permission, such as <c>posts:write</c>.</param>
/// <param name="clientId">When set, only users of the application with this client id qualify (see
/// <see cref="PermissionEndpointConventionBuilderExtensions.RequirePermission{TBuilder}"/>).</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequirePermissionAttribute(string permission, string? clientId = null)
    : AuthorizeAttribute(PermissionPolicyNames.For(permission, allowApiKeys: false, clientId))
{
    /// <summary>The permission.</summary>
    public string Permission { get; } = permission;

    /// <summary>The only application whose users qualify, or <see langword="null"/> for any.</summary>
    public string? ClientId { get; } = clientId;
}
