using JwtAuthKit.Applications;
using JwtAuthKit.Roles;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.Administration;

/// <summary>Who calls the admin API: a secret key (every permission) or a user whose roles grant permissions.</summary>
/// <param name="Application">The application the caller administers; nothing outside it is reachable.</param>
/// <param name="Actor">For the audit log: <c>key:&lt;prefix&gt;</c> or <c>user:&lt;id&gt;</c>.</param>
/// <param name="Permissions">The permissions held; <c>*</c> stands for all.</param>
/// <param name="Client">Where the request came from.</param>
internal sealed record AdminActor(Application Application, string Actor, IReadOnlySet<string> Permissions, ClientInfo Client)
{
    /// <summary>
    /// Whether the caller holds every one of <paramref name="granted"/>: nobody hands out, takes away or acts on
    /// permissions beyond their own (an administrator with <c>users:write</c> cannot make anyone <c>admin</c>).
    /// </summary>
    /// <param name="granted">The permissions in question; <c>*</c> needs <c>*</c>.</param>
    /// <returns><see langword="true"/> when all are held.</returns>
    public bool Covers(IEnumerable<string> granted) =>
        Permissions.Contains(BuiltInRoles.AllPermissions) || granted.All(p => p != BuiltInRoles.AllPermissions && Permissions.Contains(p));
}
