using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.AspNetCore.Authorization;

/// <summary>
/// Builds the policies behind <c>RequirePermission(...)</c> on demand from their names, so no permission needs
/// registering in advance; every other policy name goes to the default provider.
/// </summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private readonly ConcurrentDictionary<string, AuthorizationPolicy> _built = new(StringComparer.Ordinal);

    /// <summary>
    /// A name always gives the same policy (registered ones are fixed at start-up, permission ones are built once), so
    /// the authorization middleware may keep each endpoint's combined policy. The base class allows that only for its
    /// own exact type; without this, every request to an <c>[Authorize]</c> endpoint combined and built its policy again.
    /// </summary>
    public override bool AllowsCachingPolicies => true;

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (await base.GetPolicyAsync(policyName) is { } registered)
        {
            return registered;
        }

        return PermissionPolicyNames.TryParse(policyName, out var permission, out var allowApiKeys, out var clientId)
            ? _built.GetOrAdd(policyName, _ => Build(permission, allowApiKeys, clientId))
            : null;
    }

    private static AuthorizationPolicy Build(string permission, bool allowApiKeys, string? clientId)
    {
        var builder = new AuthorizationPolicyBuilder(JwtAuthKitDefaults.AuthenticationScheme);
        if (allowApiKeys)
        {
            builder.AddAuthenticationSchemes(JwtAuthKitDefaults.ApiKeyAuthenticationScheme);
        }

        return builder.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission, clientId)).Build();
    }
}
