using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.Platform;

/// <summary>
/// Who a dashboard account is and what it may reach: operators own every application, other accounts the applications
/// they are members of. The dashboard's pages and <c>/api/platform</c> call it on every request, so a role taken away
/// applies at once.
/// </summary>
public interface IPlatformAccessService
{
    /// <summary>Resolves a signed-in dashboard account.</summary>
    /// <param name="accountId">The account's user id in the platform application (the <c>sub</c> of its access token).</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The actor, or <see langword="null"/> when the account is unknown, disabled or its address is not verified.</returns>
    Task<PlatformActor?> ResolveAsync(string accountId, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>The actor's role on an application: <see cref="ApplicationMemberRole.Owner"/> for operators on every application.</summary>
    /// <param name="actor">The account.</param>
    /// <param name="applicationId">The application.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The role, or <see langword="null"/> when the account is not a member, the application does not exist (or is the platform's own), or the account must set up MFA first.</returns>
    Task<ApplicationMemberRole?> GetRoleAsync(PlatformActor actor, string applicationId, CancellationToken cancellationToken);

    /// <summary>The applications the actor may see, oldest first: every client application for an operator, its memberships' for others.</summary>
    /// <param name="actor">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The applications (none while the account must set up MFA first).</returns>
    Task<IReadOnlyList<Application>> ListApplicationsAsync(PlatformActor actor, CancellationToken cancellationToken);
}
