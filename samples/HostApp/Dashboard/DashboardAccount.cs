using System.Security.Claims;
using JwtAuthKit.Applications;
using JwtAuthKit.Roles;
using JwtAuthKit.Sessions;
using JwtAuthKit.Tokens;

namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>
/// The dashboard account behind a request, read from its JwtAuthKit access token once the cookie session was checked
/// (<see cref="DashboardSession"/>): a user of the reserved platform application.
/// </summary>
internal sealed record DashboardAccount(Application Platform, string AccountId, string Email, string SessionId, bool IsOperator, bool ProvedMfa)
{
    private static readonly object Key = new();

    public SignedInUser SignedIn => new(Platform, AccountId, SessionId);

    public static DashboardAccount? Get(HttpContext http) => http.Items.TryGetValue(Key, out var value) ? value as DashboardAccount : null;

    public static DashboardAccount Require(HttpContext http) =>
        Get(http) ?? throw new InvalidOperationException("The dashboard page ran without a checked session.");

    /// <summary>Reads the account from a validated access token of the platform application.</summary>
    public static DashboardAccount? From(ClaimsIdentity identity, Application platform) =>
        identity.FindFirst(AccessTokenClaims.Subject)?.Value is { Length: > 0 } id && identity.FindFirst(AccessTokenClaims.SessionId)?.Value is { Length: > 0 } sid
            ? new DashboardAccount(platform, id, identity.FindFirst("email")?.Value ?? "", sid,
                identity.HasClaim(AccessTokenClaims.Roles, BuiltInRoles.Admin),
                identity.HasClaim("amr", AuthenticationMethods.MultiFactor))
            : null;

    public void Attach(HttpContext http) => http.Items[Key] = this;
}
