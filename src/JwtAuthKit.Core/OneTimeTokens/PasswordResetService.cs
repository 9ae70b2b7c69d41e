using JwtAuthKit.Applications;
using JwtAuthKit.Email;
using JwtAuthKit.Passwords;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.OneTimeTokens;

internal sealed class PasswordResetService(
    IUserStore users,
    IApplicationResolver applications,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    SessionRevoker revoker,
    AddressOwnership ownership,
    OneTimeTokenSender sender,
    AddressRequestQueue queue,
    OneTimeTokenRedeemer redeemer,
    EmailLinks links,
    Audit.AuditLog audit,
    IOptions<JwtAuthKitOptions> options,
    TimeProvider time) : IPasswordResetService
{
    public async Task<Result<bool>> RequestAsync(Application application, string? email, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email ?? "");
        if (!EmailAddress.IsValid(normalized))
        {
            return Errors.InvalidEmail;
        }

        await queue.RunAfterAnswerAsync(normalized, work => DeliverAsync(application, normalized, work), cancellationToken);
        return true;
    }

    /// <summary>The per-address part of a reset request, run after the caller was answered.</summary>
    private async Task DeliverAsync(Application application, string normalized, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(application.Id, normalized, cancellationToken) is { IsActive: true } user)
        {
            await SendAsync(application, user, cancellationToken);
        }
        else
        {
            await sender.RehearseLinkAsync(application, normalized, OneTimeTokenPurpose.PasswordReset, EmailKind.PasswordReset, // Same work: no enumeration by timing.
                options.Value.OneTimeTokens.PasswordResetLifetime, links.ResetPassword(application), cancellationToken);
        }
    }

    /// <summary>Sends a reset link to a user (also used by administrators).</summary>
    public Task SendAsync(Application application, User user, CancellationToken cancellationToken) =>
        sender.SendLinkAsync(application, user.Email, user.Id, OneTimeTokenPurpose.PasswordReset, EmailKind.PasswordReset,
            options.Value.OneTimeTokens.PasswordResetLifetime, links.ResetPassword(application), null, cancellationToken);

    public async Task<Result<User>> ResetAsync(Application? application, string? token, string? newPassword, ClientInfo client, CancellationToken cancellationToken)
    {
        var found = await redeemer.FindUsableAsync(application, token, OneTimeTokenPurpose.PasswordReset, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var record = found.Value;
        var owner = await applications.FindByIdAsync(record.ApplicationId, cancellationToken);
        var user = record.UserId is null ? null : await users.FindByIdAsync(record.ApplicationId, record.UserId, cancellationToken);
        if (owner is null || user is null || user.Email != record.Email || !user.IsActive)
        {
            return OneTimeTokenRedeemer.Invalid();
        }

        // The password is checked before the link is spent, so a weak choice can be corrected with the same link.
        if (policy.Check(newPassword, owner.Settings, user.Email, "new_password") is { } weak)
        {
            return weak;
        }

        var consumed = await redeemer.ConsumeAsync(record, cancellationToken);
        if (!consumed.Succeeded)
        {
            return consumed.Error;
        }

        var newHash = await hasher.HashAsync(newPassword!, cancellationToken);
        if (!user.EmailVerified)
        {
            // The reset link proved the address of an unverified account: its prover owns it, and keeps nothing set before.
            var proven = await ownership.ProveAsync(user, newHash, client, cancellationToken);
            if (!proven.Succeeded)
            {
                return proven.Error;
            }

            user = proven.Value;
        }
        else
        {
            user.PasswordHash = newHash;
            user.UpdatedAt = time.GetUtcNow();
            if (!await users.UpdateAsync(user, cancellationToken))
            {
                return Errors.ChangedConcurrently;
            }
        }

        await revoker.RevokeAllAsync(owner.Id, user.Id, null, SessionRevocationReason.PasswordChanged, cancellationToken);
        await audit.RecordAsync(owner.Id, Audit.AuditEventTypes.PasswordReset, user.Id, null, client, null, cancellationToken);
        await sender.SendNoticeAsync(owner, user.Email, EmailKind.PasswordChanged, cancellationToken);
        return user;
    }
}
