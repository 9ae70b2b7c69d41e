using JwtAuthKit.Applications;

namespace JwtAuthKit.Platform;

/// <summary>
/// Keeps every application owned: a dashboard account that is the last owner of an application may not be deleted or
/// disabled until another member owns it or the application is gone. This is what Supabase does (an account that owns
/// organizations cannot be deleted until they are transferred or deleted) and Auth0 (a tenant's last admin cannot be
/// removed); transferring silently would hand an application to someone who never chose it. The check reads before the
/// change, so two owners removed at the same instant could still both go; the member store's own last-owner rule
/// (<see cref="IApplicationMemberStore.RemoveAsync"/>) stays atomic.
/// </summary>
internal sealed class LastOwnerGuard(IApplicationMemberStore members, IApplicationStore applications)
{
    /// <summary>The refusal when <paramref name="accountId"/> is a platform account and some application's only owner, else <see langword="null"/>.</summary>
    public async Task<JwtAuthKitError?> CheckAsync(Application application, string accountId, CancellationToken cancellationToken)
    {
        if (application.ClientId != PlatformApplication.ClientId)
        {
            return null;
        }

        foreach (var membership in await members.ListForAccountAsync(accountId, cancellationToken))
        {
            if (membership.Role != ApplicationMemberRole.Owner)
            {
                continue;
            }

            var all = await members.ListAsync(membership.ApplicationId, cancellationToken);
            if (!all.Any(m => m.Role == ApplicationMemberRole.Owner && m.AccountId != accountId)
                && await applications.FindByIdAsync(membership.ApplicationId, cancellationToken) is { } owned)
            {
                return Errors.AccountIsLastOwner(owned.Name);
            }
        }

        return null;
    }
}
