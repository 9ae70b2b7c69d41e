using JwtAuthKit.Applications;
using JwtAuthKit.Roles;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Platform;

/// <summary>
/// Reads the account and its memberships from the stores on every call (no cache): a disabled account or a removed
/// member loses access with its next request.
/// </summary>
internal sealed class PlatformAccessService(
    IApplicationStore applications,
    IUserStore users,
    IApplicationMemberStore members,
    IOptions<JwtAuthKitOptions> options) : IPlatformAccessService
{
    private const int MaxIdLength = 64;

    public async Task<PlatformActor?> ResolveAsync(string accountId, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(client);
        if (accountId.Length > MaxIdLength
            || await applications.FindByClientIdAsync(PlatformApplication.ClientId, cancellationToken) is not { } platform
            || await users.FindByIdAsync(platform.Id, accountId, cancellationToken) is not { IsActive: true, EmailVerified: true } account)
        {
            return null;
        }

        var isOperator = account.Roles.Contains(BuiltInRoles.Admin);
        var mfaRequired = isOperator && options.Value.Dashboard.RequireMfa && !account.MfaEnabled;
        return new PlatformActor(account.Id, account.Email, isOperator, account.MfaEnabled, mfaRequired, client);
    }

    public async Task<ApplicationMemberRole?> GetRoleAsync(PlatformActor actor, string applicationId, CancellationToken cancellationToken) =>
        (await FindAsync(actor, applicationId, cancellationToken))?.Role;

    public async Task<IReadOnlyList<Application>> ListApplicationsAsync(PlatformActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.MfaEnrollmentRequired)
        {
            return [];
        }

        if (actor.IsOperator)
        {
            return await applications.ListAsync(cancellationToken);
        }

        var list = new List<Application>();
        foreach (var membership in await members.ListForAccountAsync(actor.AccountId, cancellationToken))
        {
            if (await applications.FindByIdAsync(membership.ApplicationId, cancellationToken) is { ClientId: not PlatformApplication.ClientId } application)
            {
                list.Add(application);
            }
        }

        return [.. list.OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>The application and the actor's role on it, or <see langword="null"/> when the actor cannot see it.</summary>
    internal async Task<(Application Application, ApplicationMemberRole Role)?> FindAsync(PlatformActor actor, string applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(applicationId);
        if (actor.MfaEnrollmentRequired || applicationId.Length > MaxIdLength
            || await applications.FindByIdAsync(applicationId, cancellationToken) is not { ClientId: not PlatformApplication.ClientId } application)
        {
            return null;
        }

        if (actor.IsOperator)
        {
            return (application, ApplicationMemberRole.Owner);
        }

        return await members.FindAsync(applicationId, actor.AccountId, cancellationToken) is { } membership ? (application, membership.Role) : null;
    }

    /// <summary>
    /// The application when the actor holds at least <paramref name="least"/> on it; otherwise the error to answer:
    /// <c>mfa_enrollment_required</c>, <c>not_found</c> for an application it cannot see, <c>forbidden</c> for too low a role.
    /// </summary>
    internal async Task<Result<(Application Application, ApplicationMemberRole Role)>> RequireAsync(PlatformActor actor, string applicationId, ApplicationMemberRole least, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.MfaEnrollmentRequired)
        {
            return Errors.MfaEnrollmentRequired;
        }

        var found = await FindAsync(actor, applicationId, cancellationToken);
        return found is null ? Errors.ApplicationNotFound : found.Value.Role < least ? Errors.RoleTooLow(least) : found.Value;
    }
}
