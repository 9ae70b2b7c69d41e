using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static JwtAuthKit.JwtAuthKitErrors;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>The table of end-user routes; each points at a named handler and names the codes its service may answer.</summary>
internal static class AuthEndpoints
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints, string prefix)
    {
        var group = endpoints.MapGroup(prefix).WithTags("Sign-in").WithGroupName(JwtAuthKitOpenApi.DocumentName).WithMetadata(SecurityHeaders.Api);
        group.AddEndpointFilter<RequestBindingFilter>();

        group.MapPost("/register", SignInHandlers.RegisterAsync).WithCredentialRateLimit().AllowAnonymous()
            .WithSummary("Sign up with email and password").ProducesProblems(SignupDisabled, MethodDisabled, InvalidEmail, WeakPassword, EmailTaken);
        group.MapPost("/login", SignInHandlers.LoginAsync).WithCredentialRateLimit().AllowAnonymous()
            .WithSummary("Sign in with email and password").ProducesProblems(InvalidCredentials, AccountDisabled, EmailNotVerified, MethodDisabled);
        group.MapPost("/token/refresh", SignInHandlers.RefreshAsync).WithCredentialRateLimit().AllowAnonymous()
            .WithSummary("Exchange a refresh token for a new token pair").ProducesProblems(InvalidRefreshToken, RefreshTokenReused);
        group.MapPost("/logout", SignInHandlers.LogoutAsync).AllowAnonymous()
            .WithSummary("Sign out this session, or all of the user's").ProducesProblems(Unauthorized);

        group.MapGet("/me", ProfileHandlers.GetAsync).RequireAuthorization(JwtAuthKitPolicies.SignedIn)
            .WithSummary("The signed-in user");
        group.MapPatch("/me", ProfileHandlers.UpdateAsync).RequireAuthorization(JwtAuthKitPolicies.SignedIn)
            .WithSummary("Change the signed-in user's name").ProducesProblems(Conflict);
        group.MapPost("/password/change", ProfileHandlers.ChangePasswordAsync).WithCredentialRateLimit().RequireAuthorization(JwtAuthKitPolicies.SignedIn)
            .WithSummary("Change the password; other sessions end").ProducesProblems(WeakPassword, Conflict);

        group.MapPost("/password/forgot", EmailFlowHandlers.ForgotPasswordAsync).WithCredentialRateLimit().AllowAnonymous()
            .WithSummary("Email a password reset link").ProducesProblems(InvalidEmail);
        group.MapPost("/password/reset", EmailFlowHandlers.ResetPasswordAsync).WithCredentialRateLimit().AllowAnonymous()
            .WithSummary("Set a new password with a reset link's token").ProducesProblems(InvalidToken, WeakPassword, Conflict);
        group.MapPost("/email/verify", EmailFlowHandlers.VerifyEmailAsync).WithCredentialRateLimit().AllowAnonymous()
            .WithSummary("Verify an address with a link's token").ProducesProblems(InvalidToken, Conflict);
        group.MapPost("/email/resend", EmailFlowHandlers.ResendVerificationAsync).WithCredentialRateLimit().AllowAnonymous()
            .WithSummary("Email a new verification link").ProducesProblems(InvalidEmail);
        group.MapPost("/magic-link", EmailFlowHandlers.RequestMagicLinkAsync).WithCredentialRateLimit().AllowAnonymous()
            .WithSummary("Email a sign-in link").ProducesProblems(MethodDisabled, InvalidRedirect, InvalidEmail);
        group.MapPost("/magic-link/verify", EmailFlowHandlers.VerifyMagicLinkAsync).WithCredentialRateLimit().AllowAnonymous()
            .WithSummary("Sign in with a link's token").ProducesProblems(InvalidToken, MethodDisabled, AccountDisabled);
        group.MapPost("/otp", EmailFlowHandlers.RequestCodeAsync).WithCredentialRateLimit().AllowAnonymous()
            .WithSummary("Email a six-digit sign-in code").ProducesProblems(MethodDisabled, InvalidEmail);
        group.MapPost("/otp/verify", EmailFlowHandlers.VerifyCodeAsync).WithCredentialRateLimit().AllowAnonymous()
            .WithSummary("Sign in with an emailed code").ProducesProblems(InvalidToken, MethodDisabled, AccountDisabled);

        group.MapGet("/sessions", SessionHandlers.ListAsync).RequireAuthorization(JwtAuthKitPolicies.SignedIn)
            .WithSummary("The signed-in user's sessions");
        group.MapDelete("/sessions/{id}", SessionHandlers.EndAsync).RequireAuthorization(JwtAuthKitPolicies.SignedIn)
            .WithSummary("End one of the user's sessions").ProducesProblems(NotFound);
        return group;
    }
}
