using JwtAuthKit.Applications;
using JwtAuthKit.Platform;

namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>
/// Which applications a dashboard account reaches, and in which role, as <see cref="IPlatformAccessService"/> says:
/// operators reach every client application as owners; other accounts those they are members of.
/// </summary>
internal sealed class DashboardAccess(IPlatformAccessService platform, IApplicationAdministrationService applications)
{
    public async Task<IReadOnlyList<(Application Application, ApplicationMemberRole Role)>> ListAsync(DashboardAccount account, CancellationToken cancellationToken)
    {
        var list = new List<(Application, ApplicationMemberRole)>();
        foreach (var application in await platform.ListApplicationsAsync(account.Actor, cancellationToken))
        {
            if (await platform.GetRoleAsync(account.Actor, application.Id, cancellationToken) is { } role)
            {
                list.Add((application, role));
            }
        }

        return list;
    }

    public async Task<AppAccess?> FindAsync(DashboardAccount account, string applicationId, CancellationToken cancellationToken)
    {
        if (await platform.GetRoleAsync(account.Actor, applicationId, cancellationToken) is not { } role)
        {
            return null;
        }

        var found = await applications.GetAsync(applicationId, cancellationToken);
        return found.Succeeded ? new AppAccess(found.Value, role, account.Actor.ForApplication(found.Value, role)) : null;
    }
}
