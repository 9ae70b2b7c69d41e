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
        group.AddEndpointFilter(new RefreshTokenCookieFilter(prefix));

        group.MapPost("/register", SignInHandlers.RegisterAsync).WithRateLimit(RateLimitKind.SignUp).AllowAnonymous()
            .WithSummary("Sign up with email and password").ProducesProblems(SignupDisabled, MethodDisabled, InvalidEmail, WeakPassword, EmailTaken);
        group.MapPost("/login", SignInHandlers.LoginAsync).WithRateLimit(RateLimitKind.SignIn).AllowAnonymous()
            .WithSummary("Sign in with email and password (or get the MFA step)").ProducesProblems(InvalidCredentials, AccountDisabled, EmailNotVerified, MethodDisabled);
        group.MapPost("/login/mfa", MfaHandlers.LoginAsync).WithRateLimit(RateLimitKind.Mfa).AllowAnonymous()
            .WithSummary("Finish a sign-in with an authenticator or recovery code").ProducesProblems(InvalidMfaToken, InvalidMfaCode, AccountDisabled, ValidationFailed);
        group.MapPost("/token/refresh", SignInHandlers.RefreshAsync).WithRateLimit(RateLimitKind.Refresh).AllowAnonymous()
            .WithSummary("Exchange a refresh token for a new token pair").ProducesProblems(InvalidRefreshToken, RefreshTokenReused);
        group.MapPost("/logout", SignInHandlers.LogoutAsync).AllowAnonymous()
            .WithSummary("Sign out this session, or all of the user's").ProducesProblems(Unauthorized);

        group.MapGet("/me", ProfileHandlers.GetAsync).RequireAuthorization(JwtAuthKitPolicies.SignedIn)
            .WithSummary("The signed-in user");
        group.MapPatch("/me", ProfileHandlers.UpdateAsync).RequireAuthorization(JwtAuthKitPolicies.SignedIn)
            .WithSummary("Change the signed-in user's name").ProducesProblems(Conflict);
        group.MapPost("/password/change", ProfileHandlers.ChangePasswordAsync).WithRateLimit(RateLimitKind.PasswordChange).RequireAuthorization(JwtAuthKitPolicies.SignedIn)
            .WithSummary("Change the password; other sessions end").ProducesProblems(WeakPassword, Conflict);

        group.MapPost("/password/forgot", EmailFlowHandlers.ForgotPasswordAsync).WithRateLimit(RateLimitKind.EmailSending).AllowAnonymous()
            .WithSummary("Email a password reset link").ProducesProblems(InvalidEmail);
        group.MapPost("/password/reset", EmailFlowHandlers.ResetPasswordAsync).WithRateLimit(RateLimitKind.Verification).AllowAnonymous()
            .WithSummary("Set a new password with a reset link's token").ProducesProblems(InvalidToken, WeakPassword, Conflict);
        group.MapPost("/email/verify", EmailFlowHandlers.VerifyEmailAsync).WithRateLimit(RateLimitKind.Verification).AllowAnonymous()
            .WithSummary("Verify an address with a link's token").ProducesProblems(InvalidToken, Conflict);
        group.MapPost("/email/resend", EmailFlowHandlers.ResendVerificationAsync).WithRateLimit(RateLimitKind.EmailSending).AllowAnonymous()
            .WithSummary("Email a new verification link").ProducesProblems(InvalidEmail);
        group.MapPost("/magic-link", EmailFlowHandlers.RequestMagicLinkAsync).WithRateLimit(RateLimitKind.EmailSending).AllowAnonymous()
            .WithSummary("Email a sign-in link").ProducesProblems(MethodDisabled, InvalidRedirect, InvalidEmail);
        group.MapPost("/magic-link/verify", EmailFlowHandlers.VerifyMagicLinkAsync).WithRateLimit(RateLimitKind.Verification).AllowAnonymous()
            .WithSummary("Sign in with a link's token").ProducesProblems(InvalidToken, MethodDisabled, AccountDisabled);
        group.MapPost("/otp", EmailFlowHandlers.RequestCodeAsync).WithRateLimit(RateLimitKind.EmailSending).AllowAnonymous()
            .WithSummary("Email a six-digit sign-in code").ProducesProblems(MethodDisabled, InvalidEmail);
        group.MapPost("/otp/verify", EmailFlowHandlers.VerifyCodeAsync).WithRateLimit(RateLimitKind.Verification).AllowAnonymous()
            .WithSummary("Sign in with an emailed code").ProducesProblems(InvalidToken, MethodDisabled, AccountDisabled);

        group.MapPost("/mfa/totp/setup", MfaHandlers.SetupAsync).WithRateLimit(RateLimitKind.Mfa).RequireAuthorization(JwtAuthKitPolicies.SignedIn)
            .WithSummary("Begin setting up an authenticator app (secret and otpauth URI)").ProducesProblems(Conflict);
        group.MapPost("/mfa/totp/confirm", MfaHandlers.ConfirmAsync).WithRateLimit(RateLimitKind.Mfa).RequireAuthorization(JwtAuthKitPolicies.SignedIn)
            .WithSummary("Confirm the authenticator with a code; answers the recovery codes once").ProducesProblems(InvalidMfaCode, Conflict);
        group.MapPost("/mfa/totp/disable", MfaHandlers.DisableAsync).WithRateLimit(RateLimitKind.Mfa).RequireAuthorization(JwtAuthKitPolicies.SignedIn)
            .WithSummary("Turn the second factor off with a code or the password").ProducesProblems(InvalidMfaCode, InvalidCredentials, ValidationFailed, Conflict);
        group.MapPost("/mfa/recovery-codes", MfaHandlers.RegenerateRecoveryCodesAsync).WithRateLimit(RateLimitKind.Mfa).RequireAuthorization(JwtAuthKitPolicies.SignedIn)
            .WithSummary("Make new recovery codes with a code or the password; the old ones stop working").ProducesProblems(InvalidMfaCode, InvalidCredentials, ValidationFailed, Conflict);

        group.MapGet("/sessions", SessionHandlers.ListAsync).RequireAuthorization(JwtAuthKitPolicies.SignedIn)
            .WithSummary("The signed-in user's sessions");
        group.MapDelete("/sessions/{id}", SessionHandlers.EndAsync).RequireAuthorization(JwtAuthKitPolicies.SignedIn)
            .WithSummary("End one of the user's sessions").ProducesProblems(NotFound);
        return group;
    }
}
