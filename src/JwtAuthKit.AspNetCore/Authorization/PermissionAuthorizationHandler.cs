using JwtAuthKit.Applications;
using JwtAuthKit.Roles;
using JwtAuthKit.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace JwtAuthKit.AspNetCore.Authorization;

/// <summary>
/// Grants a <see cref="PermissionRequirement"/> when a secret key authenticated the call, or when the roles in the
/// user's access token grant the permission in the token's application (its <c>aud</c>). Role definitions come from a
/// short cache, so this costs no database call per request. The permissions it resolved are kept with the request, so
/// the admin endpoints act with exactly what authorization saw.
/// </summary>
internal sealed class PermissionAuthorizationHandler(IApplicationResolver applications, IPermissionResolver permissions)
    : AuthorizationHandler<PermissionRequirement>
{
    private static readonly object GrantedKey = new();

    /// <summary>The permissions the caller's roles grant, as resolved while authorizing this request.</summary>
    public static IReadOnlySet<string>? GrantedPermissions(HttpContext context) =>
        context.Items.TryGetValue(GrantedKey, out var value) ? value as IReadOnlySet<string> : null;

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        if (requirement.ClientId is { } pinned && !user.HasClaim("aud", pinned))
        {
            return;
        }

        if (user.HasClaim(c => c.Type == JwtAuthKitClaimTypes.Permission && (c.Value == BuiltInRoles.AllPermissions || c.Value == requirement.Permission)))
        {
            context.Succeed(requirement);
            return;
        }

        var audience = user.FindFirst("aud")?.Value;
        if (audience is null || user.FindFirst(AccessTokenClaims.Subject) is null)
        {
            return;
        }

        var http = context.Resource as HttpContext;
        var held = http is null ? null : GrantedPermissions(http);
        if (held is null)
        {
            var roles = user.FindAll(AccessTokenClaims.Roles).Select(c => c.Value).ToList();
            if (roles.Count == 0 || await applications.FindByClientIdAsync(audience, http?.RequestAborted ?? default) is not { } application)
            {
                return;
            }

            held = await permissions.ResolveAsync(application.Id, roles, http?.RequestAborted ?? default);
            if (http is not null)
            {
                http.Items[GrantedKey] = held;
            }
        }

        if (held.Contains(BuiltInRoles.AllPermissions) || held.Contains(requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}
