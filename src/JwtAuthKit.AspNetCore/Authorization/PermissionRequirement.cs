using Microsoft.AspNetCore.Authorization;

namespace JwtAuthKit.AspNetCore.Authorization;

/// <summary>Requires that the caller hold a permission in the application they belong to.</summary>
/// <param name="permission">The permission, such as <c>posts:write</c>.</param>
public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    /// <summary>The permission.</summary>
    public string Permission { get; } = permission;

    /// <inheritdoc />
    public override string ToString() => $"PermissionRequirement: {Permission}";
}
