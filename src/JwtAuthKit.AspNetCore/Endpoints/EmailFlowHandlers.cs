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
        RequestApplication app, JsonBody<EmailRequest> body, IPasswordResetService resets, CancellationToken cancellationToken) =>
        Accepted(await resets.RequestAsync(app.Application, body.Value.Email, cancellationToken));

    public static async Task<Results<NoContent, ProblemHttpResult>> ResetPasswordAsync(
        OptionalApplication app, JsonBody<ResetPasswordRequest> body, RequestClient client, IPasswordResetService resets, CancellationToken cancellationToken)
    {
        var result = await resets.ResetAsync(app.Application, body.Value.Token, body.Value.NewPassword, client.Info, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> VerifyEmailAsync(
        OptionalApplication app, JsonBody<TokenRequest> body, RequestClient client, IEmailVerificationService verification, CancellationToken cancellationToken)
    {
        var result = await verification.VerifyAsync(app.Application, body.Value.Token, client.Info, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(UserResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> ResendVerificationAsync(
        RequestApplication app, JsonBody<EmailRequest> body, IEmailVerificationService verification, CancellationToken cancellationToken) =>
        Accepted(await verification.ResendAsync(app.Application, body.Value.Email, cancellationToken));

    public static async Task<Results<Accepted, ProblemHttpResult>> RequestMagicLinkAsync(
        RequestApplication app, JsonBody<MagicLinkRequest> body, IMagicLinkService magicLinks, CancellationToken cancellationToken) =>
        Accepted(await magicLinks.RequestAsync(app.Application, body.Value.Email, body.Value.RedirectTo, cancellationToken));

    public static async Task<Results<Ok<AuthResponse>, Ok<MfaRequiredResponse>, ProblemHttpResult>> VerifyMagicLinkAsync(
        OptionalApplication app, JsonBody<TokenRequest> body, RequestClient client, IMagicLinkService magicLinks, CancellationToken cancellationToken) =>
        SignInHandlers.Answer(await magicLinks.VerifyAsync(app.Application, body.Value.Token, client.Info, cancellationToken));

    public static async Task<Results<Accepted, ProblemHttpResult>> RequestCodeAsync(
        RequestApplication app, JsonBody<EmailRequest> body, IEmailOtpService codes, CancellationToken cancellationToken) =>
        Accepted(await codes.RequestAsync(app.Application, body.Value.Email, cancellationToken));

    public static async Task<Results<Ok<AuthResponse>, Ok<MfaRequiredResponse>, ProblemHttpResult>> VerifyCodeAsync(
        RequestApplication app, JsonBody<VerifyCodeRequest> body, RequestClient client, IEmailOtpService codes, CancellationToken cancellationToken) =>
        SignInHandlers.Answer(await codes.VerifyAsync(app.Application, body.Value.Email, body.Value.Code, client.Info, cancellationToken));

    private static Results<Accepted, ProblemHttpResult> Accepted(Result<bool> result) =>
        result.Succeeded ? TypedResults.Accepted((string?)null) : result.Error.ToProblem();
}
