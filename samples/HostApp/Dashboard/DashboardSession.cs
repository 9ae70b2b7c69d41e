using System.Security.Claims;
using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;
using JwtAuthKit.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>
/// The dashboard's cookie session is a JwtAuthKit session of the platform application: the cookie (encrypted by Data
/// Protection, HTTP-only, SameSite=Strict) holds its access and refresh tokens, every request checks the access token
/// (a revoked session is refused at once, ASVS 3.3.1), and an expired one is refreshed by rotation. When the JwtAuthKit
/// session ends — sign-out, disabled account, password reset, an operator's revocation — the cookie stops working.
/// </summary>
internal static class DashboardSession
{
    public const string Scheme = "JwtAuthKit.Dashboard";
    private const string AccessTokenName = "access_token";
    private const string RefreshTokenName = "refresh_token";

    /// <summary>Starts a cookie session for a completed sign-in of a platform account.</summary>
    public static async Task<bool> SignInAsync(HttpContext http, AuthResult tokens)
    {
        var validator = http.RequestServices.GetRequiredService<IAccessTokenValidator>();
        var checkedToken = await validator.ValidateAsync(tokens.AccessToken, Scheme, http.RequestAborted);
        if (!checkedToken.IsValid || checkedToken.Application?.ClientId != PlatformApplication.ClientId)
        {
            return false;
        }

        var identity = new ClaimsIdentity([new Claim(AccessTokenClaims.Subject, tokens.User.Id), new Claim(AccessTokenClaims.SessionId, tokens.SessionId)], Scheme);
        var properties = new AuthenticationProperties { IsPersistent = false };
        properties.StoreTokens([
            new AuthenticationToken { Name = AccessTokenName, Value = tokens.AccessToken },
            new AuthenticationToken { Name = RefreshTokenName, Value = tokens.RefreshToken },
        ]);
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity), properties);
        return true;
    }

    /// <summary>Ends the JwtAuthKit session and the cookie.</summary>
    public static async Task SignOutAsync(HttpContext http)
    {
        if (DashboardAccount.Get(http) is { } account)
        {
            var sessions = http.RequestServices.GetRequiredService<IUserSessionService>();
            await sessions.SignOutAsync(account.SignedIn, allSessions: false, DashboardClient.From(http), http.RequestAborted);
        }

        await http.SignOutAsync(Scheme);
    }

    public static void Configure(CookieAuthenticationOptions options, bool development)
    {
        options.Cookie.Name = "__jak_dashboard";
        options.Cookie.Path = DashboardPaths.Root;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;

        // Secure everywhere but plain-HTTP development (where browsers would drop it on a non-loopback host).
        options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.LoginPath = DashboardPaths.SignIn;
        options.LogoutPath = DashboardPaths.Root + "/sign-out";
        options.ReturnUrlParameter = "returnUrl";
        options.SlidingExpiration = false;
        options.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = ValidateAsync,
            OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            },
        };
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var validator = services.GetRequiredService<IAccessTokenValidator>();
        var sessionId = context.Principal?.FindFirst(AccessTokenClaims.SessionId)?.Value;
        var access = context.Properties.GetTokenValue(AccessTokenName) ?? "";
        var result = await validator.ValidateAsync(access, Scheme, http.RequestAborted);

        if (!result.IsValid && result.ErrorCode != JwtAuthKitErrors.SessionRevoked
            && context.Properties.GetTokenValue(RefreshTokenName) is { Length: > 0 } refreshToken)
        {
            // Expired or stale (roles changed): rotate the refresh token; a revoked or disabled session refuses it.
            var refresher = services.GetRequiredService<IRefreshTokenService>();
            var refreshed = await refresher.RefreshAsync(null, refreshToken, DashboardClient.From(http), http.RequestAborted);
            if (refreshed.Succeeded && refreshed.Value.SessionId == sessionId)
            {
                context.Properties.UpdateTokenValue(AccessTokenName, refreshed.Value.AccessToken);
                context.Properties.UpdateTokenValue(RefreshTokenName, refreshed.Value.RefreshToken);
                context.ShouldRenew = true;
                result = await validator.ValidateAsync(refreshed.Value.AccessToken, Scheme, http.RequestAborted);
            }
        }

        // A disabled or deleted account ends here too, even while its access token lives (IPlatformAccessService).
        if (!result.IsValid || result.Application?.ClientId != PlatformApplication.ClientId || result.Identity is null
            || await DashboardAccount.ResolveAsync(result.Identity, result.Application, http) is not { } account || account.SessionId != sessionId)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(Scheme);
            return;
        }

        account.Attach(http);
    }
}
