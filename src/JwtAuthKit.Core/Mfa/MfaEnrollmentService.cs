using JwtAuthKit.Audit;
using JwtAuthKit.Passwords;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Mfa;

internal sealed class MfaEnrollmentService(
    ISecondFactorStore store,
    IUserStore users,
    IPasswordHasher hasher,
    TotpSecretProtector protector,
    TotpAuthenticator totp,
    SecondFactorCheck check,
    Throttling.AccountThrottle throttle,
    SessionRevoker revoker,
    AuditLog audit,
    TimeProvider time) : IMfaEnrollmentService
{
    public async Task<Result<TotpSetup>> BeginTotpSetupAsync(SignedInUser user, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(user.Application.Id, user.UserId, cancellationToken) is not { } account)
        {
            return Errors.SignInAgain;
        }

        var secret = TotpAuthenticator.NewSecret();
        var saved = await store.SavePendingAsync(new TotpEnrollment
        {
            UserId = account.Id,
            ApplicationId = account.ApplicationId,
            ProtectedSecret = protector.Protect(secret),
            CreatedAt = time.GetUtcNow(),
        }, cancellationToken);
        return saved ? new TotpSetup(secret, TotpAuthenticator.Uri(secret, user.Application.Name, account.Email)) : Errors.MfaAlreadyEnabled;
    }

    public async Task<Result<IReadOnlyList<string>>> ConfirmTotpAsync(SignedInUser user, string? code, ClientInfo client, CancellationToken cancellationToken)
    {
        var enrollment = await store.FindAsync(user.Application.Id, user.UserId, cancellationToken);
        if (enrollment is null)
        {
            return Errors.MfaSetupNotStarted;
        }

        if (enrollment.ConfirmedAt is not null)
        {
            return Errors.MfaAlreadyEnabled;
        }

        if (totp.Match(protector.Unprotect(enrollment.ProtectedSecret), code) is not { } step)
        {
            return Errors.InvalidMfaCode;
        }

        var (codes, records) = RecoveryCodes.NewSet(user.Application.Id, user.UserId, time.GetUtcNow());
        if (!await store.ConfirmAsync(user.Application.Id, user.UserId, step, records, time.GetUtcNow(), cancellationToken))
        {
            return Errors.MfaSetupNotStarted;
        }

        // Sessions signed in before the factor was on end (ASVS 3.3.3-style): from now on every sign-in needs it.
        await revoker.RevokeAllAsync(user.Application.Id, user.UserId, user.SessionId, SessionRevocationReason.MfaEnabled, cancellationToken);
        await audit.RecordAsync(user.Application.Id, AuditEventTypes.MfaEnabled, user.UserId, null, client, new Dictionary<string, string> { ["factor"] = "totp" }, cancellationToken);
        return Result<IReadOnlyList<string>>.Success(codes);
    }

    public async Task<Result<bool>> DisableAsync(SignedInUser user, string? code, string? password, ClientInfo client, CancellationToken cancellationToken)
    {
        var proven = await ProveAsync(user, code, password, cancellationToken);
        if (!proven.Succeeded)
        {
            return proven.Error;
        }

        if (!await store.RemoveAsync(user.Application.Id, user.UserId, cancellationToken))
        {
            return Errors.MfaNotEnabled;
        }

        await audit.RecordAsync(user.Application.Id, AuditEventTypes.MfaDisabled, user.UserId, null, client, new Dictionary<string, string> { ["proof"] = proven.Value }, cancellationToken);
        return true;
    }

    public async Task<Result<IReadOnlyList<string>>> RegenerateRecoveryCodesAsync(SignedInUser user, string? code, string? password, ClientInfo client, CancellationToken cancellationToken)
    {
        var proven = await ProveAsync(user, code, password, cancellationToken);
        if (!proven.Succeeded)
        {
            return proven.Error;
        }

        var (codes, records) = RecoveryCodes.NewSet(user.Application.Id, user.UserId, time.GetUtcNow());
        if (!await store.ReplaceRecoveryCodesAsync(user.Application.Id, user.UserId, records, cancellationToken))
        {
            return Errors.MfaNotEnabled;
        }

        await audit.RecordAsync(user.Application.Id, AuditEventTypes.RecoveryCodesRegenerated, user.UserId, null, client, new Dictionary<string, string> { ["proof"] = proven.Value }, cancellationToken);
        return Result<IReadOnlyList<string>>.Success(codes);
    }

    /// <summary>A current code or the password, asked again before the second factor is weakened (OWASP ASVS 2.8.x, 3.7.1).</summary>
    private async Task<Result<string>> ProveAsync(SignedInUser user, string? code, string? password, CancellationToken cancellationToken)
    {
        var enrollment = await store.FindAsync(user.Application.Id, user.UserId, cancellationToken);
        if (enrollment?.ConfirmedAt is null)
        {
            return Errors.MfaNotEnabled;
        }

        if (string.IsNullOrEmpty(code) && string.IsNullOrEmpty(password))
        {
            return Errors.SecondProofRequired;
        }

        // Guesses here count against the account like any other (a stolen access token must not try passwords freely).
        var account = await users.FindByIdAsync(user.Application.Id, user.UserId, cancellationToken);
        if (account is null)
        {
            return Errors.SignInAgain;
        }

        if (await throttle.GetRetryAfterAsync(account.ApplicationId, account.Email, cancellationToken) is { } wait)
        {
            return Errors.AccountThrottled(wait);
        }

        if (!string.IsNullOrEmpty(code))
        {
            if (await check.TryUseTotpAsync(enrollment, code, cancellationToken))
            {
                return "totp";
            }

            await throttle.RecordFailureAsync(account.ApplicationId, account.Email, cancellationToken);
            return Errors.InvalidMfaCode;
        }

        if (account.PasswordHash is { } hash && await hasher.VerifyAsync(hash, password!, cancellationToken) != PasswordVerificationResult.Failed)
        {
            return "password";
        }

        await throttle.RecordFailureAsync(account.ApplicationId, account.Email, cancellationToken);
        return Errors.InvalidCredentials;
    }
}
