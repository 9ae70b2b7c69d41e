using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.Passwords;
using JwtAuthKit.Roles;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Platform;

/// <summary>
/// Operators sign in like any user (Argon2id, sessions, refresh rotation, revocation), and take no self sign-up.
/// </summary>
internal sealed class OperatorAccounts(
    IApplicationStore store,
    IUserAdministrationService users,
    IPasswordSignInService signIn,
    Mfa.IMfaSignInService mfa,
    ApplicationResolver resolver,
    TimeProvider time) : IOperatorAccountService
{
    private const int OperatorPasswordMinLength = 12;

    public async Task<Result<User>> CreateAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password))
        {
            return JwtAuthKitErrors.Validation("password", "is required");
        }

        var platform = await EnsurePlatformAsync(cancellationToken);
        if (platform is null)
        {
            return Errors.PlatformApplicationBlocked;
        }

        return await users.CreateAsync(AdminActor.System(platform), new NewUser(email, password, null, [BuiltInRoles.Admin], EmailVerified: true), cancellationToken);
    }

    public async Task<Result<SignInOutcome>> SignInAsync(string? email, string? password, ClientInfo client, CancellationToken cancellationToken) =>
        await store.FindByClientIdAsync(PlatformApplication.ClientId, cancellationToken) is { } platform
            ? await signIn.SignInAsync(platform, email, password, client, cancellationToken)
            : Errors.InvalidCredentials;

    public async Task<Result<AuthResult>> CompleteMfaAsync(string? mfaToken, string? code, string? recoveryCode, ClientInfo client, CancellationToken cancellationToken) =>
        await store.FindByClientIdAsync(PlatformApplication.ClientId, cancellationToken) is { } platform
            ? await mfa.CompleteAsync(platform, mfaToken, code, recoveryCode, client, cancellationToken)
            : Errors.InvalidMfaToken;

    /// <summary>The operators' application, created the first time (dashboard accounts are its users too).</summary>
    internal async Task<Application?> EnsurePlatformAsync(CancellationToken cancellationToken)
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
            Settings = new ApplicationSettings { SignupEnabled = false, RequireEmailVerification = true, PasswordMinLength = OperatorPasswordMinLength },
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
