using JwtAuthKit.AspNetCore.Contracts;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.Mfa;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>The second step of sign-in, and the signed-in user's own second factor.</summary>
internal static class MfaHandlers
{
    public static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> LoginAsync(
        OptionalApplication app, JsonBody<MfaLoginRequest> body, RequestClient client, IMfaSignInService mfa, CancellationToken cancellationToken) =>
        SignInHandlers.Answer(await mfa.CompleteAsync(app.Application, body.Value.MfaToken, body.Value.Code, body.Value.RecoveryCode, client.Info, cancellationToken));

    public static async Task<Results<Ok<TotpSetupResponse>, ProblemHttpResult>> SetupAsync(
        CurrentUser current, IMfaEnrollmentService enrollment, CancellationToken cancellationToken)
    {
        var result = await enrollment.BeginTotpSetupAsync(current.User, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(TotpSetupResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<RecoveryCodesResponse>, ProblemHttpResult>> ConfirmAsync(
        CurrentUser current, JsonBody<MfaCodeRequest> body, RequestClient client, IMfaEnrollmentService enrollment, CancellationToken cancellationToken) =>
        Codes(await enrollment.ConfirmTotpAsync(current.User, body.Value.Code, client.Info, cancellationToken));

    public static async Task<Results<NoContent, ProblemHttpResult>> DisableAsync(
        CurrentUser current, JsonBody<MfaProofRequest> body, RequestClient client, IMfaEnrollmentService enrollment, CancellationToken cancellationToken)
    {
        var result = await enrollment.DisableAsync(current.User, body.Value.Code, body.Value.Password, client.Info, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<RecoveryCodesResponse>, ProblemHttpResult>> RegenerateRecoveryCodesAsync(
        CurrentUser current, JsonBody<MfaProofRequest> body, RequestClient client, IMfaEnrollmentService enrollment, CancellationToken cancellationToken) =>
        Codes(await enrollment.RegenerateRecoveryCodesAsync(current.User, body.Value.Code, body.Value.Password, client.Info, cancellationToken));

    private static Results<Ok<RecoveryCodesResponse>, ProblemHttpResult> Codes(Result<IReadOnlyList<string>> result) =>
        result.Succeeded ? TypedResults.Ok(new RecoveryCodesResponse { RecoveryCodes = result.Value }) : result.Error.ToProblem();
}
