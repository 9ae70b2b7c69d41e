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
        RequestApplication app, JsonBody<RegisterRequest> body, RequestClient client, IUserRegistrationService registration, CancellationToken cancellationToken)
    {
        var request = body.Value;
        var result = await registration.RegisterAsync(app.Application, request.Email, request.Password, request.Name, client.Info, cancellationToken);
        return result.Succeeded ? TypedResults.Created((string?)null, RegisterResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<AuthResponse>, Ok<MfaRequiredResponse>, ProblemHttpResult>> LoginAsync(
        RequestApplication app, JsonBody<LoginRequest> body, RequestClient client, IPasswordSignInService signIn, CancellationToken cancellationToken) =>
        Answer(await signIn.SignInAsync(app.Application, body.Value.Email, body.Value.Password, client.Info, cancellationToken));

    public static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> RefreshAsync(
        OptionalApplication app, JsonBody<RefreshRequest> body, RequestClient client, IRefreshTokenService refresh, CancellationToken cancellationToken) =>
        Answer(await refresh.RefreshAsync(app.Application, body.Value.RefreshToken, client.Info, cancellationToken));

    public static async Task<Results<NoContent, ProblemHttpResult>> LogoutAsync(
        OptionalApplication app, JsonBody<LogoutRequest> body, RequestClient client, IUserSessionService sessions, HttpContext http, CancellationToken cancellationToken)
    {
        var all = body.Value.AllSessions == true;
        if (!string.IsNullOrEmpty(body.Value.RefreshToken))
        {
            await sessions.SignOutByRefreshTokenAsync(app.Application, body.Value.RefreshToken, all, client.Info, cancellationToken);
            return TypedResults.NoContent();
        }

        var authentication = await http.AuthenticateAsync(JwtAuthKitDefaults.AuthenticationScheme);
        if (authentication.Succeeded && JwtAuthKitAuthenticationHandler.GetApplication(http) is { } application
            && (app.Application is null || app.Application.Id == application.Id)
            && authentication.Principal.FindFirst(AccessTokenClaims.Subject)?.Value is { } userId
            && authentication.Principal.FindFirst(AccessTokenClaims.SessionId)?.Value is { } sessionId)
        {
            await sessions.SignOutAsync(new SignedInUser(application, userId, sessionId), all, client.Info, cancellationToken);
            return TypedResults.NoContent();
        }

        // Signing out of a session that has already ended succeeds: sign-out is idempotent.
        return JwtAuthKitAuthenticationHandler.GetFailureCode(http) == JwtAuthKitErrors.SessionRevoked
            ? TypedResults.NoContent()
            : HttpErrors.SessionToEndRequired.ToProblem();
    }

    internal static Results<Ok<AuthResponse>, ProblemHttpResult> Answer(Result<AuthResult> result) =>
        result.Succeeded ? TypedResults.Ok(AuthResponse.From(result.Value)) : result.Error.ToProblem();

    /// <summary>The answer of every first factor: signed in, or the MFA step.</summary>
    internal static Results<Ok<AuthResponse>, Ok<MfaRequiredResponse>, ProblemHttpResult> Answer(Result<SignInOutcome> result)
    {
        if (!result.Succeeded)
        {
            return result.Error.ToProblem();
        }

        var outcome = result.Value;
        return outcome.MfaRequired
            ? TypedResults.Ok(new MfaRequiredResponse { MfaToken = outcome.MfaToken })
            : TypedResults.Ok(AuthResponse.From(outcome.Tokens));
    }
}
