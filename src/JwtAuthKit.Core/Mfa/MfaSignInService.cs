using System.Globalization;
using JwtAuthKit.Applications;
using JwtAuthKit.Audit;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Mfa;

internal sealed class MfaSignInService(
    IMfaChallengeStore challenges,
    ISecondFactorStore factors,
    IUserStore users,
    IApplicationResolver applications,
    SecondFactorCheck check,
    SignInCompletion completion,
    Throttling.AccountThrottle throttle,
    AuditLog audit,
    TimeProvider time,
    Telemetry.JwtAuthKitMetrics metrics) : IMfaSignInService
{
    /// <summary>Codes one <c>mfa_token</c> may try (API.md: five wrong codes end it).</summary>
    public const int MaxAttempts = 5;

    private const int MaxTokenLength = 256;

    public async Task<Result<AuthResult>> CompleteAsync(Application? application, string? mfaToken, string? code, string? recoveryCode, ClientInfo client, CancellationToken cancellationToken) =>
        metrics.CountFailure("mfa", await CompleteCoreAsync(application, mfaToken, code, recoveryCode, client, cancellationToken));

    private async Task<Result<AuthResult>> CompleteCoreAsync(Application? application, string? mfaToken, string? code, string? recoveryCode, ClientInfo client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(mfaToken) || mfaToken.Length > MaxTokenLength)
        {
            return Errors.InvalidMfaToken;
        }

        if (string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(recoveryCode))
        {
            return Errors.MfaCodeRequired;
        }

        var now = time.GetUtcNow();
        var challenge = await challenges.FindByTokenHashAsync(SecretTokens.Hash(mfaToken), cancellationToken);
        if (challenge is null || challenge.ConsumedAt is not null || challenge.ExpiresAt <= now
            || (application is not null && challenge.ApplicationId != application.Id)
            || await applications.FindByIdAsync(challenge.ApplicationId, cancellationToken) is not { } owner)
        {
            return Errors.InvalidMfaToken;
        }

        var user = await users.FindByIdAsync(owner.Id, challenge.UserId, cancellationToken);

        // Wrong second-factor codes count against the account like wrong passwords (NIST SP 800-63B §5.2.2), across
        // every mfa_token of the account: a new token per guess gains nothing.
        if (user is not null && await throttle.GetRetryAfterAsync(owner.Id, user.Email, cancellationToken) is { } wait)
        {
            return Errors.AccountThrottled(wait);
        }

        // The attempt is counted before the code is checked, in one conditional update: concurrent guesses share the budget.
        if (!await challenges.TryTakeAttemptAsync(challenge.Id, MaxAttempts, now, cancellationToken))
        {
            return Errors.InvalidMfaToken;
        }

        var enrollment = user is null ? null : await factors.FindAsync(owner.Id, user.Id, cancellationToken);
        if (user is null || enrollment?.ConfirmedAt is null)
        {
            return Errors.InvalidMfaToken; // The factor was removed since the first step: that sign-in cannot finish.
        }

        if (!user.IsActive)
        {
            return Errors.AccountDisabled;
        }

        var usedRecoveryCode = string.IsNullOrWhiteSpace(code);
        var accepted = usedRecoveryCode
            ? RecoveryCodes.HashInput(recoveryCode) is { } hash && await factors.TryUseRecoveryCodeAsync(owner.Id, user.Id, hash, now, cancellationToken)
            : await check.TryUseTotpAsync(enrollment, code, cancellationToken);
        if (!accepted)
        {
            await throttle.RecordFailureAsync(owner.Id, user.Email, cancellationToken);
            await audit.RecordAsync(owner.Id, AuditEventTypes.MfaFailed, user.Id, null, client,
                new Dictionary<string, string> { ["factor"] = usedRecoveryCode ? "recovery_code" : "totp" }, cancellationToken);
            return Errors.InvalidMfaCode;
        }

        if (!await challenges.TryConsumeAsync(challenge.Id, now, cancellationToken))
        {
            return Errors.InvalidMfaToken;
        }


        List<string> methods = [.. challenge.AuthenticationMethods.Split(' ', StringSplitOptions.RemoveEmptyEntries), AuthenticationMethods.MultiFactor];
        if (usedRecoveryCode)
        {
            methods.Add(AuthenticationMethods.RecoveryCode);
            var remaining = await factors.CountUnusedRecoveryCodesAsync(owner.Id, user.Id, cancellationToken);
            await audit.RecordAsync(owner.Id, AuditEventTypes.RecoveryCodeUsed, user.Id, null, client,
                new Dictionary<string, string> { ["remaining"] = remaining.ToString(CultureInfo.InvariantCulture) }, cancellationToken);
        }

        return await completion.StartAsync(owner, user, methods,
            new Dictionary<string, string> { ["method"] = "mfa", ["factor"] = usedRecoveryCode ? "recovery_code" : "totp" }, client, failuresCounted: true, recordSignInAt: null, cancellationToken);
    }
}
