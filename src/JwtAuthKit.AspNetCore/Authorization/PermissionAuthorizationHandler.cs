using JwtAuthKit.Applications;
using JwtAuthKit.Roles;
using JwtAuthKit.Tokens;
using Microsoft.AspNetCore.Authorization;

namespace JwtAuthKit.AspNetCore.Authorization;

/// <summary>
/// Grants a <see cref="PermissionRequirement"/> when a secret key authenticated the call, or when the roles in the
/// user's access token grant the permission in the token's application (its <c>aud</c>). Role definitions come
/// from a short cache, so this costs no database call per request.
/// </summary>
internal sealed class PermissionAuthorizationHandler(ApplicationResolver applications, PermissionResolver permissions)
    : AuthorizationHandler<PermissionRequirement>
{
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

        var roles = user.FindAll(AccessTokenClaims.Roles).Select(c => c.Value).ToList();
        if (roles.Count == 0 || await applications.FindByClientIdAsync(audience, CancellationToken.None) is not { } application)
        {
            return;
        }

        var held = await permissions.ResolveAsync(application.Id, roles, CancellationToken.None);
        if (held.Contains(BuiltInRoles.AllPermissions) || held.Contains(requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}
