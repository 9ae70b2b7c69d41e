using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.Platform;

namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>
/// Which applications a dashboard account reaches, and in which role. Operators reach every client application as
/// owners; other accounts only those they are members of.
/// </summary>
internal sealed class DashboardAccess(IApplicationAdministrationService applications)
{
    public async Task<IReadOnlyList<(Application Application, DashboardRole Role)>> ListAsync(DashboardAccount account, CancellationToken cancellationToken)
    {
        if (account.IsOperator)
        {
            return [.. (await applications.ListAsync(cancellationToken)).Select(a => (a, DashboardRole.Owner))];
        }

        return [];
    }

    public async Task<AppAccess?> FindAsync(DashboardAccount account, string applicationId, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await applications.GetAsync(applicationId, cancellationToken);
        if (!found.Succeeded)
        {
            return null;
        }

        if (account.IsOperator)
        {
            return new AppAccess(found.Value, DashboardRole.Owner, AdminActor.ForOperator(found.Value, account.AccountId, DashboardClient.From(http)));
        }

        return null;
    }
}
