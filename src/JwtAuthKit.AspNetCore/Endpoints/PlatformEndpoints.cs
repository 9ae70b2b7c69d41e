using JwtAuthKit.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>The table of operator routes; all but sign-in require an operator's access token.</summary>
internal static class PlatformEndpoints
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints, string prefix)
    {
        var group = endpoints.MapGroup(prefix).WithTags("JwtAuthKit: platform");
        group.AddEndpointFilter<RequestBindingFilter>();

        group.MapPost("/login", PlatformHandlers.LoginAsync).AddEndpointFilter<CredentialRateLimitFilter>().AllowAnonymous();

        var operators = group.MapGroup("").RequireAuthorization(JwtAuthKitPolicies.PlatformOperator);
        operators.MapGet("/apps", PlatformHandlers.ListAsync);
        operators.MapPost("/apps", PlatformHandlers.CreateAsync);
        operators.MapGet("/apps/{id}", PlatformHandlers.GetAsync);
        operators.MapPatch("/apps/{id}", PlatformHandlers.UpdateAsync);
        operators.MapDelete("/apps/{id}", PlatformHandlers.DeleteAsync);
        operators.MapGet("/apps/{id}/keys", PlatformHandlers.ListKeysAsync);
        operators.MapPost("/apps/{id}/keys", PlatformHandlers.CreateKeyAsync);
        operators.MapDelete("/apps/{id}/keys/{keyId}", PlatformHandlers.RevokeKeyAsync);
        return group;
    }
}
