using JwtAuthKit.Applications;
using JwtAuthKit.Passwords;
using JwtAuthKit.Roles;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Platform;

internal sealed class DashboardAccountService(
    OperatorAccounts operators,
    IUserRegistrationService registration,
    DashboardApplicationCreator creator,
    InvitationRedeemer redeemer,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    IOptions<JwtAuthKitOptions> options,
    TimeProvider time) : IDashboardAccountService
{
    public async Task<Result<bool>> SignUpAsync(string? email, string? password, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!options.Value.Dashboard.SignupEnabled)
        {
            return Errors.DashboardSignupDisabled;
        }

        if (await operators.EnsurePlatformAsync(cancellationToken) is not { } platform)
        {
            return Errors.PlatformApplicationBlocked;
        }

        // The platform application takes no sign-up of its own; this one is the dashboard's, and always the careful kind:
        // the address is verified before first use, and a taken address answers as a new one (OWASP ASVS 2.5.x).
        var settings = platform.Settings.Clone();
        settings.SignupEnabled = true;
        settings.PasswordEnabled = true;
        settings.RequireEmailVerification = true;
        settings.EnumerationSafeSignup = true;
        settings.DefaultRole = BuiltInRoles.User;
        var dashboard = new Application { Id = platform.Id, Name = platform.Name, ClientId = platform.ClientId, Settings = settings, CreatedAt = platform.CreatedAt, UpdatedAt = platform.UpdatedAt };
        var registered = await registration.RegisterAsync(dashboard, email, password, null, client, cancellationToken);
        return registered.Succeeded ? true : registered.Error;
    }

    public async Task<Result<ApplicationMember>> CreateAccountFromInvitationAsync(string? token, string? password, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (await redeemer.FindPendingAsync(token, cancellationToken) is not { } found)
        {
            return Errors.InvalidToken;
        }

        if (await operators.EnsurePlatformAsync(cancellationToken) is not { } platform)
        {
            return Errors.PlatformApplicationBlocked;
        }

        var email = found.Invitation.Email;
        if (string.IsNullOrEmpty(password))
        {
            return JwtAuthKitErrors.Validation("password", "is required");
        }

        if (policy.Check(password, platform.Settings, email) is { } weak)
        {
            return weak;
        }

        if (await redeemer.FindAccountAsync(email, cancellationToken) is not null)
        {
            return Errors.InviteeHasAccount;
        }

        var now = time.GetUtcNow();
        var account = new User
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ApplicationId = platform.Id,
            Email = email,
            PasswordHash = await hasher.HashAsync(password, cancellationToken),
            // The invitation link reached this address: that proves it as a verification link would.
            EmailVerified = true,
            Roles = [BuiltInRoles.User],
            CreatedAt = now,
            UpdatedAt = now,
        };
        return await redeemer.AcceptAsync(found.Invitation, account, newAccount: true, client, cancellationToken);
    }

    public Task<Result<CreatedApplication>> CreateApplicationAsync(PlatformActor actor, string? name, CancellationToken cancellationToken) =>
        creator.CreateAsync(actor, name, null, cancellationToken);

    public Task<Result<CreatedApplication>> CreateApplicationAsync(PlatformActor actor, string? name, ApplicationSettings? settings, CancellationToken cancellationToken) =>
        creator.CreateAsync(actor, name, settings, cancellationToken);
}
