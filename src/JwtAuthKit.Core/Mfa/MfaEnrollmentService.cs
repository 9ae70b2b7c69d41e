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

        if (!string.IsNullOrEmpty(code))
        {
            return await check.TryUseTotpAsync(enrollment, code, cancellationToken) ? "totp" : Errors.InvalidMfaCode;
        }

        if (string.IsNullOrEmpty(password))
        {
            return Errors.SecondProofRequired;
        }

        var account = await users.FindByIdAsync(user.Application.Id, user.UserId, cancellationToken);
        return account?.PasswordHash is { } hash && await hasher.VerifyAsync(hash, password, cancellationToken) != PasswordVerificationResult.Failed
            ? "password"
            : Errors.InvalidCredentials;
    }
}
