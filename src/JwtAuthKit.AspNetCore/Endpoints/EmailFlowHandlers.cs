using JwtAuthKit.AspNetCore.Contracts;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.OneTimeTokens;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>Email verification, password reset, magic links and email codes.</summary>
internal static class EmailFlowHandlers
{
    public static async Task<Results<Accepted, ProblemHttpResult>> ForgotPasswordAsync(
        RequestApplication app, JsonBody<EmailRequest> body, PasswordResetService resets, CancellationToken cancellationToken) =>
        Accepted(await resets.ForgotAsync(app.Application, body.Value.Email, cancellationToken));

    public static async Task<Results<NoContent, ProblemHttpResult>> ResetPasswordAsync(
        OptionalApplication app, JsonBody<ResetPasswordRequest> body, PasswordResetService resets, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await resets.ResetAsync(app.Application, body.Value.Token, body.Value.NewPassword, SignInHandlers.Client(http), cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> VerifyEmailAsync(
        OptionalApplication app, JsonBody<TokenRequest> body, EmailVerificationService verification, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await verification.VerifyAsync(app.Application, body.Value.Token, SignInHandlers.Client(http), cancellationToken);
        return result.Succeeded ? TypedResults.Ok(UserResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> ResendVerificationAsync(
        RequestApplication app, JsonBody<EmailRequest> body, EmailVerificationService verification, CancellationToken cancellationToken) =>
        Accepted(await verification.ResendAsync(app.Application, body.Value.Email, cancellationToken));

    public static async Task<Results<Accepted, ProblemHttpResult>> RequestMagicLinkAsync(
        RequestApplication app, JsonBody<MagicLinkRequest> body, MagicLinkService magicLinks, CancellationToken cancellationToken) =>
        Accepted(await magicLinks.RequestAsync(app.Application, body.Value.Email, body.Value.RedirectTo, cancellationToken));

    public static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> VerifyMagicLinkAsync(
        OptionalApplication app, JsonBody<TokenRequest> body, MagicLinkService magicLinks, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await magicLinks.VerifyAsync(app.Application, body.Value.Token, SignInHandlers.Client(http), cancellationToken);
        return result.Succeeded ? TypedResults.Ok(AuthResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> RequestCodeAsync(
        RequestApplication app, JsonBody<EmailRequest> body, EmailOtpService codes, CancellationToken cancellationToken) =>
        Accepted(await codes.RequestAsync(app.Application, body.Value.Email, cancellationToken));

    public static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> VerifyCodeAsync(
        RequestApplication app, JsonBody<VerifyCodeRequest> body, EmailOtpService codes, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await codes.VerifyAsync(app.Application, body.Value.Email, body.Value.Code, SignInHandlers.Client(http), cancellationToken);
        return result.Succeeded ? TypedResults.Ok(AuthResponse.From(result.Value)) : result.Error.ToProblem();
    }

    private static Results<Accepted, ProblemHttpResult> Accepted(Result<bool> result) =>
        result.Succeeded ? TypedResults.Accepted((string?)null) : result.Error.ToProblem();
}
