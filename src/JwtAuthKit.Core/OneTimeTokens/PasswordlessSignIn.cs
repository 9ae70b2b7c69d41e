using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.OneTimeTokens;

/// <summary>
/// Finishes a sign-in by emailed link or code: the address is proven, so the account is marked verified, or
/// created verified when the application allows sign-up.
/// </summary>
internal sealed class PasswordlessSignIn(IUserStore users, SessionIssuer sessions, Audit.AuditLog audit, TimeProvider time)
{
    public async Task<Result<AuthResult>> SignInAsync(Application application, string email, string method, ClientInfo client, CancellationToken cancellationToken)
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
                await audit.RecordAsync(application.Id, Audit.AuditEventTypes.SignUp, user.Id, null, client, new Dictionary<string, string> { ["method"] = method }, cancellationToken);
            }
        }

        if (!user.IsActive)
        {
            return Errors.AccountDisabled;
        }

        user.EmailVerified = true;
        user.LastLoginAt = now;
        user.UpdatedAt = now;
        await users.UpdateAsync(user, cancellationToken);
        var result = await sessions.StartAsync(application, user, [method], client, cancellationToken);
        await audit.RecordAsync(application.Id, Audit.AuditEventTypes.SignIn, user.Id, null, client, new Dictionary<string, string> { ["method"] = method }, cancellationToken);
        return result;
    }
}
