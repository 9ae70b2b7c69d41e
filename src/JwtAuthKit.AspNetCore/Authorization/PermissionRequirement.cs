using Microsoft.AspNetCore.Authorization;

namespace JwtAuthKit.AspNetCore.Authorization;

/// <summary>Requires that the caller hold a permission in the application they belong to.</summary>
/// <param name="permission">The permission, such as <c>posts:write</c>.</param>
/// <param name="clientId">When set, only callers of the application with this client id qualify.</param>
public sealed class PermissionRequirement(string permission, string? clientId = null) : IAuthorizationRequirement
{
    /// <summary>The permission.</summary>
    public string Permission { get; } = permission;

    /// <summary>The only application whose callers qualify, or <see langword="null"/> for any application.</summary>
    public string? ClientId { get; } = clientId;

    /// <inheritdoc />
    public override string ToString() => $"PermissionRequirement: {Permission}";
}
