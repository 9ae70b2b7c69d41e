using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static JwtAuthKit.JwtAuthKitErrors;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>The table of operator routes; all but sign-in require an operator's access token.</summary>
internal static class PlatformEndpoints
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints, string prefix)
    {
        var group = endpoints.MapGroup(prefix).WithTags("Platform").WithGroupName(JwtAuthKitOpenApi.DocumentName).WithMetadata(SecurityHeaders.Api);
        group.AddEndpointFilter<RequestBindingFilter>();

        group.MapPost("/login", PlatformHandlers.LoginAsync).WithRateLimit(RateLimitKind.SignIn).AllowAnonymous()
            .WithSummary("Sign an operator in").ProducesProblems(InvalidCredentials, AccountDisabled);
        group.MapPost("/login/mfa", PlatformHandlers.LoginMfaAsync).WithRateLimit(RateLimitKind.Mfa).AllowAnonymous()
            .WithSummary("Finish an operator's sign-in with an authenticator or recovery code").ProducesProblems(InvalidMfaToken, InvalidMfaCode, AccountDisabled, ValidationFailed);

        var operators = group.MapGroup("").RequireAuthorization(JwtAuthKitPolicies.PlatformOperator)
            .WithMetadata(new CredentialMetadata([JwtAuthKitOpenApi.AccessTokenScheme]), new ProblemCodesMetadata([Unauthorized, SessionRevoked, Forbidden]));
        operators.MapGet("/apps", PlatformHandlers.ListAsync)
            .WithSummary("List client applications");
        operators.MapPost("/apps", PlatformHandlers.CreateAsync)
            .WithSummary("Create an application and its first keys (shown once)").ProducesProblems(Conflict);
        operators.MapGet("/apps/{id}", PlatformHandlers.GetAsync)
            .WithSummary("Read an application with its settings").ProducesProblems(NotFound);
        operators.MapPatch("/apps/{id}", PlatformHandlers.UpdateAsync)
            .WithSummary("Rename an application or change its settings").ProducesProblems(NotFound, Conflict);
        operators.MapDelete("/apps/{id}", PlatformHandlers.DeleteAsync)
            .WithSummary("Delete an application and everything it holds").ProducesProblems(NotFound);
        operators.MapGet("/apps/{id}/keys", PlatformHandlers.ListKeysAsync)
            .WithSummary("List an application's keys (without their values)").ProducesProblems(NotFound);
        operators.MapPost("/apps/{id}/keys", PlatformHandlers.CreateKeyAsync)
            .WithSummary("Create a key (its value is shown once)").ProducesProblems(NotFound, Conflict);
        operators.MapDelete("/apps/{id}/keys/{keyId}", PlatformHandlers.RevokeKeyAsync)
            .WithSummary("Revoke a key").ProducesProblems(NotFound);
        return group;
    }
}
