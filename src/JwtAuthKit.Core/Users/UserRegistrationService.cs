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
    OneTimeTokenSender notices,
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
            return settings.EnumerationSafeSignup ? await AnswerAsIfNewAsync(application, normalized, name, password!, cancellationToken) : Errors.EmailTaken;
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
            LastLoginAt = settings.RequireEmailVerification || settings.EnumerationSafeSignup ? null : now,
        };

        // The user, its verification token and the email are one transaction: a crash cannot leave an account that never
        // gets its email. The unique index decides between concurrent sign-ups of one email.
        var (token, message) = verification.ComposeFirstLink(application, user);
        if (!await users.CreateWithMessageAsync(user, token, message, cancellationToken))
        {
            return settings.EnumerationSafeSignup ? await AnswerAsIfNewAsync(application, normalized, name, password!, cancellationToken) : Errors.EmailTaken;
        }

        verification.FirstLinkQueued();
        await audit.RecordAsync(application.Id, AuditEventTypes.SignUp, user.Id, null, client, new Dictionary<string, string> { ["method"] = "password" }, cancellationToken);
        // Enumeration-safe sign-up never signs in at once: a taken address could not, and the answers must look alike.
        if (settings.RequireEmailVerification || settings.EnumerationSafeSignup)
        {
            return new Registration(user, null);
        }

        var tokens = await sessions.StartAsync(application, user, [AuthenticationMethods.Password], client, cancellationToken);
        return new Registration(user, tokens);
    }

    /// <summary>
    /// Enumeration-safe sign-up of a taken address: the same hashing work and the same answer as a new sign-up, with a
    /// user that is not stored (and is not the real account), and a notice to the owner instead of a verification link.
    /// </summary>
    private async Task<Result<Registration>> AnswerAsIfNewAsync(Application application, string email, string? name, string password, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        _ = await hasher.HashAsync(password, cancellationToken);
        await notices.SendCappedNoticeAsync(application, email, Email.EmailKind.AccountExists, cancellationToken);
        var lookalike = new User
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ApplicationId = application.Id,
            Email = email,
            Name = User.CleanName(name),
            Roles = [application.Settings.DefaultRole],
            CreatedAt = now,
            UpdatedAt = now,
        };
        return new Registration(lookalike, null);
    }
}
