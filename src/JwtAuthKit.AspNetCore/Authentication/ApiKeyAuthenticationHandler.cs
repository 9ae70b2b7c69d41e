using System.Security.Claims;
using System.Text.Encodings.Web;
using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Authorization;
using JwtAuthKit.Roles;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.AspNetCore.Authentication;

/// <summary>
/// Authenticates server-to-server calls that present an application's API key as <c>Authorization: Bearer</c>.
/// A secret key (<c>sk_…</c>) holds every permission within its application; a publishable key (<c>pk_…</c>)
/// identifies the application but holds none, so it is refused (403) wherever a permission is required.
/// Only policies that name this scheme (the admin API's) accept keys; <c>[Authorize]</c> on an app's own
/// endpoints does not.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IApplicationResolver resolver)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, loggerFactory, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!JwtAuthKitAuthenticationHandler.PresentsApiKey(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var value = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var resolved = await resolver.AuthenticateKeyAsync(value, Context.RequestAborted);
        if (resolved is null)
        {
            JwtAuthKitAuthenticationHandler.SetFailureCode(Context, JwtAuthKitErrors.InvalidApiKey);
            return AuthenticateResult.Fail("The API key is unknown, revoked or malformed.");
        }

        JwtAuthKitAuthenticationHandler.SetApplication(Context, resolved.Application);
        var claims = new List<Claim>
        {
            new(JwtAuthKitClaimTypes.ApiKey, resolved.Key.Prefix),
            new(JwtAuthKitClaimTypes.ApiKeyKind, resolved.Key.Kind == ApiKeyKind.Secret ? "secret" : "publishable"),
            new("aud", resolved.Application.ClientId),
        };
        if (resolved.Key.Kind == ApiKeyKind.Secret)
        {
            claims.Add(new Claim(JwtAuthKitClaimTypes.Permission, BuiltInRoles.AllPermissions));
        }

        var identity = new ClaimsIdentity(claims, Scheme.Name, JwtAuthKitClaimTypes.ApiKey, null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    // The access-token scheme writes the answer for both schemes (see JwtAuthKitAuthenticationHandler).
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Task.CompletedTask;

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Task.CompletedTask;
}
