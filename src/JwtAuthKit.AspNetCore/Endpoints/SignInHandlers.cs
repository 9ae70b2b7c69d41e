using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Authentication;
using JwtAuthKit.AspNetCore.Contracts;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.Passwords;
using JwtAuthKit.Sessions;
using JwtAuthKit.Tokens;
using JwtAuthKit.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>Sign-up, sign-in, refresh and sign-out.</summary>
internal static class SignInHandlers
{
    public static async Task<Results<Created<RegisterResponse>, ProblemHttpResult>> RegisterAsync(
        RequestApplication app, JsonBody<RegisterRequest> body, UserRegistrationService registration, HttpContext http, CancellationToken cancellationToken)
    {
        var request = body.Value;
        var result = await registration.RegisterAsync(app.Application, request.Email, request.Password, request.Name, Client(http), cancellationToken);
        return result.Succeeded
            ? TypedResults.Created((string?)null, RegisterResponse.From(result.Value))
            : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> LoginAsync(
        RequestApplication app, JsonBody<LoginRequest> body, PasswordSignInService signIn, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await signIn.SignInAsync(app.Application, body.Value.Email, body.Value.Password, Client(http), cancellationToken);
        return result.Succeeded ? TypedResults.Ok(AuthResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> RefreshAsync(
        JsonBody<RefreshRequest> body, RefreshTokenRotator rotator, ApplicationResolver applications, HttpContext http, CancellationToken cancellationToken)
    {
        // The refresh token names its session and application; a key, when sent, must agree with it.
        Application? expected = null;
        var apiKey = http.Request.Headers[JwtAuthKitDefaults.ApiKeyHeader].ToString();
        if (apiKey.Length > 0)
        {
            var resolved = await applications.ResolveAsync(apiKey, cancellationToken);
            if (!resolved.Succeeded)
            {
                return resolved.Error.ToProblem();
            }

            expected = resolved.Value;
        }

        var result = await rotator.RefreshAsync(expected, body.Value.RefreshToken, Client(http), cancellationToken);
        return result.Succeeded ? TypedResults.Ok(AuthResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> LogoutAsync(
        JsonBody<LogoutRequest> body, UserSessionService sessions, HttpContext http, CancellationToken cancellationToken)
    {
        var all = body.Value.AllSessions == true;
        if (!string.IsNullOrEmpty(body.Value.RefreshToken))
        {
            await sessions.LogoutByRefreshTokenAsync(null, body.Value.RefreshToken, all, Client(http), cancellationToken);
            return TypedResults.NoContent();
        }

        var authentication = await http.AuthenticateAsync(JwtAuthKitDefaults.AuthenticationScheme);
        if (authentication.Succeeded && JwtAuthKitAuthenticationHandler.GetApplication(http) is { } application
            && authentication.Principal.FindFirst(AccessTokenClaims.Subject)?.Value is { } userId
            && authentication.Principal.FindFirst(AccessTokenClaims.SessionId)?.Value is { } sessionId)
        {
            await sessions.LogoutAsync(application.Id, userId, sessionId, all, Client(http), cancellationToken);
            return TypedResults.NoContent();
        }

        // Logging out of a session that has already ended succeeds: logout is idempotent.
        if (JwtAuthKitAuthenticationHandler.GetFailureCode(http) == JwtAuthKitErrors.SessionRevoked)
        {
            return TypedResults.NoContent();
        }

        return new JwtAuthKitError(JwtAuthKitErrors.Unauthorized, "Send the refresh token or the access token of the session to end.").ToProblem();
    }

    internal static ClientInfo Client(HttpContext http) =>
        new(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null);
}
