using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Passwords;

/// <summary>Changes a signed-in user's password and ends their other sessions (OWASP ASVS 3.3.3).</summary>
internal sealed class PasswordChangeService(
    IUserStore users,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    SessionRevoker revoker,
    OneTimeTokens.OneTimeTokenSender notices,
    Audit.AuditLog audit,
    TimeProvider time)
{
    public async Task<Result<User>> ChangeAsync(Application application, string userId, string currentSessionId, string? currentPassword, string? newPassword, ClientInfo client, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(application.Id, userId, cancellationToken);
        if (user is null || !user.IsActive)
        {
            return new JwtAuthKitError(JwtAuthKitErrors.Unauthorized, "Sign in again.");
        }

        if (string.IsNullOrEmpty(currentPassword) || user.PasswordHash is null
            || await hasher.VerifyAsync(user.PasswordHash, currentPassword, cancellationToken) == PasswordVerificationResult.Failed)
        {
            return JwtAuthKitErrors.Validation("current_password", "is incorrect");
        }

        if (policy.Check(newPassword, application.Settings, user.Email, "new_password") is { } weak)
        {
            return weak;
        }

        // Other sessions end first: if saving the password then fails, nothing was left half done in the unsafe direction.
        await revoker.RevokeAllAsync(application.Id, user.Id, currentSessionId, SessionRevocationReason.PasswordChanged, cancellationToken);
        user.PasswordHash = await hasher.HashAsync(newPassword!, cancellationToken);
        user.UpdatedAt = time.GetUtcNow();
        if (!await users.UpdateAsync(user, cancellationToken))
        {
            return new JwtAuthKitError(JwtAuthKitErrors.Conflict, "The account changed at the same time; try again.");
        }

        await audit.RecordAsync(application.Id, Audit.AuditEventTypes.PasswordChanged, user.Id, null, client, null, cancellationToken);
        await notices.SendNoticeAsync(application, user.Email, Email.EmailKind.PasswordChanged, cancellationToken);
        return user;
    }
}
