using JwtAuthKit.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace JwtAuthKit.AspNetCore;

/// <summary><c>RequirePermission</c> for minimal-API endpoints and route groups.</summary>
public static class PermissionEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Requires a signed-in user (a JwtAuthKit access token) whose roles grant <paramref name="permission"/> in
    /// the token's application. The built-in <c>admin</c> role grants every permission; <c>user</c> grants none.
    /// Missing or invalid token: 401; token without the permission: 403.
    /// </summary>
    /// <remarks>
    /// On a host that serves several applications, tokens of every application are accepted, each judged by its
    /// own application's roles: right for endpoints that serve every application (and scope their data by the
    /// token's <c>aud</c>). For an endpoint of one application, pass its <paramref name="clientId"/>; tokens of
    /// other applications then get 403.
    /// </remarks>
    /// <typeparam name="TBuilder">The endpoint or group builder.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="permission">The permission, such as <c>posts:write</c>.</param>
    /// <param name="clientId">The only application whose users qualify, or <see langword="null"/> for any.</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission, string? clientId = null)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrEmpty(permission);
        return builder.RequireAuthorization(PermissionPolicyNames.For(permission, allowApiKeys: false, clientId));
    }

    /// <summary>Like <see cref="RequirePermission{TBuilder}"/>, and also accepts the application's secret key.</summary>
    /// <typeparam name="TBuilder">The endpoint or group builder.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="permission">The permission.</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequirePermissionOrSecretKey<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrEmpty(permission);
        return builder.RequireAuthorization(PermissionPolicyNames.For(permission, allowApiKeys: true));
    }
}
