using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.OneTimeTokens;

/// <summary>
/// Finishes the first factor of a sign-in by emailed link or code: the address is proven, so the account is marked
/// verified (an unverified one passes to whoever proved it, see <see cref="AddressOwnership"/>), or created verified
/// when the application allows sign-up.
/// </summary>
internal sealed class PasswordlessSignIn(IUserStore users, AddressOwnership ownership, SignInCompletion completion, Audit.AuditLog audit, TimeProvider time)
{
    public async Task<Result<SignInOutcome>> SignInAsync(Application application, string email, string amr, string auditMethod, ClientInfo client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var user = await users.FindByEmailAsync(application.Id, email, cancellationToken);
        if (user is null)
        {
            if (!application.Settings.SignupEnabled)
            {
                return OneTimeTokenRedeemer.Invalid();
            }

            user = new User
            {
                Id = Guid.CreateVersion7(now).ToString(),
                ApplicationId = application.Id,
                Email = email,
                EmailVerified = true,
                Roles = [application.Settings.DefaultRole],
                CreatedAt = now,
                UpdatedAt = now,
            };
            if (!await users.CreateAsync(user, cancellationToken))
            {
                user = await users.FindByEmailAsync(application.Id, email, cancellationToken);
                if (user is null)
                {
                    return OneTimeTokenRedeemer.Invalid();
                }
            }
            else
            {
                await audit.RecordAsync(application.Id, Audit.AuditEventTypes.SignUp, user.Id, null, client, new Dictionary<string, string> { ["method"] = auditMethod }, cancellationToken);
            }
        }

        if (!user.IsActive)
        {
            return Errors.AccountDisabled;
        }

        if (!user.EmailVerified)
        {
            var proven = await ownership.ProveAsync(user, newPasswordHash: null, client, cancellationToken);
            if (!proven.Succeeded)
            {
                return proven.Error;
            }

            user = proven.Value;
        }

        user.LastLoginAt = now;
        user.UpdatedAt = now;
        if (!await users.UpdateAsync(user, cancellationToken))
        {
            user = await users.FindByIdAsync(application.Id, user.Id, cancellationToken) ?? user;
        }

        return await completion.CompleteFirstFactorAsync(application, user, [amr], auditMethod, client, failuresCounted: true, recordSignInAt: null, cancellationToken);
    }
}
