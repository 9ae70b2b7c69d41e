using JwtAuthKit.Audit;
using JwtAuthKit.Email;
using JwtAuthKit.OneTimeTokens;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Passwords;

internal sealed class PasswordChangeService(
    IUserStore users,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    SessionRevoker revoker,
    OneTimeTokenSender notices,
    AuditLog audit,
    TimeProvider time) : IPasswordChangeService
{
    public async Task<Result<User>> ChangeAsync(SignedInUser signedIn, string? currentPassword, string? newPassword, ClientInfo client, CancellationToken cancellationToken)
    {
        var application = signedIn.Application;
        var user = await users.FindByIdAsync(application.Id, signedIn.UserId, cancellationToken);
        if (user is null || !user.IsActive)
        {
            return Errors.SignInAgain;
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
        await revoker.RevokeAllAsync(application.Id, user.Id, signedIn.SessionId, SessionRevocationReason.PasswordChanged, cancellationToken);
        user.PasswordHash = await hasher.HashAsync(newPassword!, cancellationToken);
        user.UpdatedAt = time.GetUtcNow();
        if (!await users.UpdateAsync(user, cancellationToken))
        {
            return Errors.ChangedConcurrently;
        }

        await audit.RecordAsync(application.Id, AuditEventTypes.PasswordChanged, user.Id, null, client, null, cancellationToken);
        await notices.SendNoticeAsync(application, user.Email, EmailKind.PasswordChanged, cancellationToken);
        return user;
    }
}
