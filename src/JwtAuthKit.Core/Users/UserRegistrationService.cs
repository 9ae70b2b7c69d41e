using JwtAuthKit.Applications;
using JwtAuthKit.Passwords;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.Users;

/// <summary>Signs up a user with email and password within an application.</summary>
internal sealed class UserRegistrationService(
    IUserStore users,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    SessionIssuer sessions,
    OneTimeTokens.EmailVerificationService verification,
    Audit.AuditLog audit,
    TimeProvider time)
{
    internal const int MaxNameLength = 200;

    public async Task<Result<Registration>> RegisterAsync(Application application, string? email, string? password, string? name, ClientInfo client, CancellationToken cancellationToken)
    {
        var settings = application.Settings;
        if (!settings.SignupEnabled)
        {
            return new JwtAuthKitError(JwtAuthKitErrors.SignupDisabled, "This application does not accept new sign-ups.");
        }

        if (!settings.PasswordEnabled)
        {
            return new JwtAuthKitError(JwtAuthKitErrors.MethodDisabled, "This application does not allow password sign-in.");
        }

        var normalized = EmailAddress.Normalize(email ?? "");
        if (!EmailAddress.IsValid(normalized))
        {
            return new JwtAuthKitError(JwtAuthKitErrors.InvalidEmail, "The email address is not valid.",
                new Dictionary<string, string[]> { ["email"] = ["must be a valid email address"] });
        }

        if (name is { Length: > MaxNameLength })
        {
            return JwtAuthKitErrors.Validation("name", $"must be at most {MaxNameLength} characters");
        }

        if (policy.Check(password, settings, normalized) is { } weak)
        {
            return weak;
        }

        if (await users.FindByEmailAsync(application.Id, normalized, cancellationToken) is not null)
        {
            return EmailTaken();
        }

        var now = time.GetUtcNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ApplicationId = application.Id,
            Email = normalized,
            Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            PasswordHash = await hasher.HashAsync(password!, cancellationToken),
            Roles = [settings.DefaultRole],
            CreatedAt = now,
            UpdatedAt = now,
            LastLoginAt = settings.RequireEmailVerification ? null : now,
        };

        // The unique index decides between concurrent sign-ups of one email.
        if (!await users.CreateAsync(user, cancellationToken))
        {
            return EmailTaken();
        }

        await audit.RecordAsync(application.Id, Audit.AuditEventTypes.SignUp, user.Id, null, client, new Dictionary<string, string> { ["method"] = "password" }, cancellationToken);
        await verification.SendAsync(application, user, cancellationToken);
        if (settings.RequireEmailVerification)
        {
            return new Registration(user, null);
        }

        var tokens = await sessions.StartAsync(application, user, [AuthenticationMethods.Password], client, cancellationToken);
        return new Registration(user, tokens);
    }

    private static JwtAuthKitError EmailTaken() => new(JwtAuthKitErrors.EmailTaken, "An account with this email already exists.");
}
