using JwtAuthKit.Applications;
using JwtAuthKit.Audit;
using JwtAuthKit.OneTimeTokens;
using JwtAuthKit.Passwords;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.Users;

internal sealed class UserRegistrationService(
    IUserStore users,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    SessionIssuer sessions,
    EmailVerificationService verification,
    AuditLog audit,
    TimeProvider time) : IUserRegistrationService
{
    public async Task<Result<Registration>> RegisterAsync(Application application, string? email, string? password, string? name, ClientInfo client, CancellationToken cancellationToken)
    {
        var settings = application.Settings;
        if (!settings.SignupEnabled)
        {
            return Errors.SignupDisabled;
        }

        if (!settings.PasswordEnabled)
        {
            return Errors.PasswordSignInDisabled;
        }

        var normalized = EmailAddress.Normalize(email ?? "");
        if (!EmailAddress.IsValid(normalized))
        {
            return Errors.InvalidEmail;
        }

        if (name is { Length: > User.MaxNameLength })
        {
            return Errors.NameTooLong(User.MaxNameLength);
        }

        if (policy.Check(password, settings, normalized) is { } weak)
        {
            return weak;
        }

        if (await users.FindByEmailAsync(application.Id, normalized, cancellationToken) is not null)
        {
            return Errors.EmailTaken;
        }

        var now = time.GetUtcNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ApplicationId = application.Id,
            Email = normalized,
            Name = User.CleanName(name),
            PasswordHash = await hasher.HashAsync(password!, cancellationToken),
            Roles = [settings.DefaultRole],
            CreatedAt = now,
            UpdatedAt = now,
            LastLoginAt = settings.RequireEmailVerification ? null : now,
        };

        // The user, its verification token and the email are one transaction: a crash cannot leave an account that never
        // gets its email. The unique index decides between concurrent sign-ups of one email.
        var (token, message) = verification.ComposeFirstLink(application, user);
        if (!await users.CreateWithMessageAsync(user, token, message, cancellationToken))
        {
            return Errors.EmailTaken;
        }

        verification.FirstLinkQueued();
        await audit.RecordAsync(application.Id, AuditEventTypes.SignUp, user.Id, null, client, new Dictionary<string, string> { ["method"] = "password" }, cancellationToken);
        if (settings.RequireEmailVerification)
        {
            return new Registration(user, null);
        }

        var tokens = await sessions.StartAsync(application, user, [AuthenticationMethods.Password], client, cancellationToken);
        return new Registration(user, tokens);
    }
}
