using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.Passwords;
using JwtAuthKit.Roles;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Platform;

/// <summary>
/// Operator accounts: users of the reserved <see cref="PlatformApplication"/> holding its <c>admin</c> role. They
/// sign in like any user (Argon2id, sessions, refresh rotation, revocation), and take no self sign-up.
/// </summary>
internal sealed class OperatorAccounts(
    IApplicationStore store,
    UserAdministrationService users,
    PasswordSignInService signIn,
    ApplicationResolver resolver,
    TimeProvider time)
{
    /// <summary>Creates an operator, creating the operators' application the first time.</summary>
    public async Task<Result<User>> CreateAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password))
        {
            return JwtAuthKitErrors.Validation("password", "is required");
        }

        var platform = await EnsurePlatformAsync(cancellationToken);
        if (platform is null)
        {
            return new JwtAuthKitError(JwtAuthKitErrors.Conflict, $"The operators' application could not be created: the name '{PlatformApplication.Name}' or client id '{PlatformApplication.ClientId}' is taken by another application.");
        }

        var actor = new AdminActor(platform, Audit.AuditLog.System, new HashSet<string> { BuiltInRoles.AllPermissions }, ClientInfo.Unknown);
        return await users.CreateAsync(actor, email, password, null, [BuiltInRoles.Admin], emailVerified: true, cancellationToken);
    }

    /// <summary>Signs an operator in with email and password.</summary>
    public async Task<Result<AuthResult>> SignInAsync(string? email, string? password, ClientInfo client, CancellationToken cancellationToken)
    {
        var platform = await store.FindByClientIdAsync(PlatformApplication.ClientId, cancellationToken);
        if (platform is null)
        {
            return new JwtAuthKitError(JwtAuthKitErrors.InvalidCredentials, "The email or password is incorrect.");
        }

        return await signIn.SignInAsync(platform, email, password, client, cancellationToken);
    }

    private async Task<Application?> EnsurePlatformAsync(CancellationToken cancellationToken)
    {
        if (await store.FindByClientIdAsync(PlatformApplication.ClientId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var now = time.GetUtcNow();
        var platform = new Application
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Name = PlatformApplication.Name,
            ClientId = PlatformApplication.ClientId,
            Settings = new ApplicationSettings { SignupEnabled = false, PasswordMinLength = 12 },
            CreatedAt = now,
            UpdatedAt = now,
        };

        // Two commands at once: one wins the unique client id, the other reads it back.
        if (!await store.CreateAsync(platform, [], cancellationToken))
        {
            return await store.FindByClientIdAsync(PlatformApplication.ClientId, cancellationToken);
        }

        resolver.Invalidate();
        return platform;
    }
}
