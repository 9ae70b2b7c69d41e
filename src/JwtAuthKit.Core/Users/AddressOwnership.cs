using JwtAuthKit.Audit;
using JwtAuthKit.Mfa;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.Users;

/// <summary>
/// Whoever proves an address owns its account (API.md "Who owns an address"). When an unverified account is signed
/// into by a link or code, or has its password reset, everything set before that proof — its password, its sessions,
/// its second factor — is removed, so whoever signed up with somebody else's address keeps nothing of it.
/// </summary>
internal sealed class AddressOwnership(IUserStore users, ISecondFactorStore factors, SessionRevoker revoker, AuditLog audit, TimeProvider time)
{
    private const int Tries = 3;

    /// <summary>Marks the address proven; for an account that was unverified, removes what was set before.</summary>
    /// <param name="user">The account, as read.</param>
    /// <param name="newPasswordHash">The password from now on (a reset's), or <see langword="null"/> for none.</param>
    /// <param name="client">Who proved the address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account as saved, or <c>conflict</c> when it kept changing underneath.</returns>
    public async Task<Result<User>> ProveAsync(User user, string? newPasswordHash, ClientInfo client, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Tries; attempt++)
        {
            if (user.EmailVerified)
            {
                // Verified meanwhile (its sign-up link was used): a reset still sets its new password.
                if (newPasswordHash is null)
                {
                    return user;
                }

                user.PasswordHash = newPasswordHash;
                user.UpdatedAt = time.GetUtcNow();
                if (await users.UpdateAsync(user, cancellationToken))
                {
                    return user;
                }

                user = await users.FindByIdAsync(user.ApplicationId, user.Id, cancellationToken) ?? user;
                continue;
            }

            var removed = new List<string>();
            if (user.PasswordHash is not null)
            {
                removed.Add("password");
            }

            if (user.MfaEnabled)
            {
                removed.Add("mfa");
            }

            user.PasswordHash = newPasswordHash;
            user.MfaEnabled = false;
            user.EmailVerified = true;
            user.UpdatedAt = time.GetUtcNow();
            if (await users.UpdateAsync(user, cancellationToken))
            {
                // Sessions first, so no session of the one who signed up can enrol a factor after it was removed.
                var ended = await revoker.RevokeAllAsync(user.ApplicationId, user.Id, null, SessionRevocationReason.AddressClaimed, cancellationToken);
                await factors.RemoveAsync(user.ApplicationId, user.Id, cancellationToken);
                if (ended.Count > 0)
                {
                    removed.Add("sessions");
                }

                await audit.RecordAsync(user.ApplicationId, AuditEventTypes.AddressClaimed, user.Id, null, client,
                    new Dictionary<string, string> { ["removed"] = string.Join(',', removed) }, cancellationToken);
                return user;
            }

            if (await users.FindByIdAsync(user.ApplicationId, user.Id, cancellationToken) is not { } current)
            {
                break;
            }

            user = current;
        }

        return Errors.ChangedConcurrently;
    }
}
