using System.Security.Claims;
using JwtAuthKit.Applications;
using JwtAuthKit.Platform;
using JwtAuthKit.Sessions;
using JwtAuthKit.Tokens;

namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>
/// The dashboard account behind a request, once the cookie session was checked (<see cref="DashboardSession"/>): a
/// user of the reserved platform application, its JwtAuthKit session, and the <see cref="PlatformActor"/> every
/// platform service takes.
/// </summary>
internal sealed record DashboardAccount(Application Platform, string SessionId, PlatformActor Actor)
{
    private static readonly object Key = new();

    public string AccountId => Actor.AccountId;

    public string Email => Actor.Email;

    public bool IsOperator => Actor.IsOperator;

    public SignedInUser SignedIn => new(Platform, AccountId, SessionId);

    public static DashboardAccount? Get(HttpContext http) => http.Items.TryGetValue(Key, out var value) ? value as DashboardAccount : null;

    public static DashboardAccount Require(HttpContext http) =>
        Get(http) ?? throw new InvalidOperationException("The dashboard page ran without a checked session.");

    /// <summary>The account of a validated access token of the platform application, if it may use the dashboard.</summary>
    public static async Task<DashboardAccount?> ResolveAsync(ClaimsIdentity identity, Application platform, HttpContext http)
    {
        if (identity.FindFirst(AccessTokenClaims.Subject)?.Value is not { Length: > 0 } id
            || identity.FindFirst(AccessTokenClaims.SessionId)?.Value is not { Length: > 0 } sid)
        {
            return null;
        }

        var access = http.RequestServices.GetRequiredService<IPlatformAccessService>();
        return await access.ResolveAsync(id, DashboardClient.From(http), http.RequestAborted) is { } actor
            ? new DashboardAccount(platform, sid, actor)
            : null;
    }

    public void Attach(HttpContext http) => http.Items[Key] = this;
}
