using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.Platform;

namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>One dashboard account's hold on one application: the application, the account's role in it, and the actor the
/// public services are called with (so the dashboard writes the same audit events as the APIs).</summary>
internal sealed record AppAccess(Application Application, ApplicationMemberRole Role, AdminActor Actor)
{
    public bool CanChange => Role >= ApplicationMemberRole.Admin;

    public bool IsOwner => Role == ApplicationMemberRole.Owner;
}
