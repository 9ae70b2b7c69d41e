using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests.Security;

/// <summary>
/// Threat: a removed role keeps working until the access token expires. After a user's roles change, tokens issued
/// before are refused as <c>token_stale</c> (at once on the node that changed them, within the poll elsewhere), and a
/// refresh brings the new roles.
/// </summary>
[Collection(nameof(TwoApplications))]
public sealed class StaleTokenTests(TwoApplications apps)
{
    private const string Secret = TwoApplications.AlphaSecret;

    [Fact]
    public async Task A_token_issued_before_a_role_change_is_stale_and_a_refresh_brings_the_new_roles()
    {
        var (id, admin) = await SignedInAdminAsync();
        var adminToken = admin.GetProperty("access_token").GetString()!;
        (await apps.AdminAsync(HttpMethod.Get, "/users", adminToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        apps.Host.Time.Advance(TimeSpan.FromSeconds(1));

        (await apps.AdminAsync(HttpMethod.Put, $"/users/{id}/roles", Secret, new { roles = new[] { "user" } })).EnsureSuccessStatusCode();

        var stale = await apps.AdminAsync(HttpMethod.Get, "/users", adminToken);
        stale.Should().HaveProblem("token_stale", "the admin role was taken away");
        stale.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        apps.Host.Time.Advance(TimeSpan.FromSeconds(1));
        var refreshed = await (await apps.Alpha.RefreshAsync(admin.GetProperty("refresh_token").GetString()!)).JsonAsync();
        var fresh = refreshed.GetProperty("access_token").GetString()!;
        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", fresh)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await apps.AdminAsync(HttpMethod.Get, "/users", fresh)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the new token carries the new roles");
    }

    [Fact]
    public async Task A_token_made_from_a_user_read_just_before_a_role_change_committed_is_stale()
    {
        // The race: a refresh reads the user, an administrator's role change commits, then the refresh signs its token.
        // The token is signed after the change but carries the old roles; it is dated by the read (as the refresh does),
        // and the change is dated after its commit, so the token counts as older.
        var (id, admin) = await SignedInAdminAsync();
        var application = (await apps.Host.GetRequiredService<JwtAuthKit.Applications.IApplicationResolver>().ResolveAsync(TwoApplications.AlphaPublishable, default)).Value!;
        var readAt = apps.Host.Time.GetUtcNow();
        var readBeforeTheChange = (await apps.Host.GetRequiredService<JwtAuthKit.Users.IUserStore>().FindByIdAsync(application.Id, id, default))!;
        var session = (await apps.Host.GetRequiredService<JwtAuthKit.Sessions.ISessionStore>().FindAsync(application.Id, SessionIdOf(admin.GetProperty("access_token").GetString()!), default))!;
        apps.Host.Time.Advance(TimeSpan.FromSeconds(1));

        (await apps.AdminAsync(HttpMethod.Put, $"/users/{id}/roles", Secret, new { roles = new[] { "user" } })).EnsureSuccessStatusCode();
        apps.Host.Time.Advance(TimeSpan.FromSeconds(1));
        var (madeAfterTheCommit, _) = await apps.Host.GetRequiredService<JwtAuthKit.Tokens.AccessTokenIssuer>().IssueAsync(application, readBeforeTheChange, session, default, userReadAt: readAt);

        (await apps.AdminAsync(HttpMethod.Get, "/users", madeAfterTheCommit)).Should().HaveProblem("token_stale", "it carries roles from before the change");
    }

    [Fact]
    public async Task Deleting_a_role_makes_its_holders_tokens_stale()
    {
        var role = "temp" + Guid.NewGuid().ToString("N")[..8];
        await apps.CreateRoleAsync(Secret, role, "posts:write");
        var (_, token) = await apps.UserWithRolesAsync(apps.Alpha, Secret, role);
        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Post, "/posts", token)).StatusCode.Should().Be(HttpStatusCode.OK);
        apps.Host.Time.Advance(TimeSpan.FromSeconds(1));

        (await apps.AdminAsync(HttpMethod.Delete, "/roles/" + role, Secret)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Post, "/posts", token)).Should().HaveProblem("token_stale");
    }

    /// <summary>A new user made admin, then signed in: their id and the sign-in's answer.</summary>
    private async Task<(string Id, System.Text.Json.JsonElement SignedIn)> SignedInAdminAsync()
    {
        var email = Unique.Email();
        var signedUp = await apps.Alpha.SignUpAndInAsync(email);
        var id = signedUp.GetProperty("user").GetProperty("id").GetString()!;
        (await apps.AdminAsync(HttpMethod.Put, $"/users/{id}/roles", Secret, new { roles = new[] { "admin" } })).EnsureSuccessStatusCode();
        apps.Host.Time.Advance(TimeSpan.FromSeconds(1));
        return (id, await (await apps.Alpha.LoginAsync(email)).JsonAsync());
    }

    private static string SessionIdOf(string accessToken) =>
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(accessToken).GetPayloadValue<string>("sid");
}

/// <summary>The same across nodes: a role change on one node makes the other refuse older tokens within the poll interval.</summary>
public sealed class StaleTokenAcrossNodesTests
{
    [Fact]
    public async Task A_role_change_on_one_node_is_refused_on_the_other_within_the_poll_interval()
    {
        var database = TestHost.NewDatabasePath();
        var time = TestHost.NewClock();
        var configuration = TwoApplications.Configuration();
        await using var nodeA = await TestHost.StartAsync(databasePath: database, time: time, configuration: configuration);
        await using var nodeB = await TestHost.StartAsync(databasePath: database, time: time, configuration: configuration);
        var alphaOnA = nodeA.NewClient(TwoApplications.AlphaPublishable);
        var signedIn = await alphaOnA.SignUpAndInAsync(Unique.Email());
        var token = signedIn.GetProperty("access_token").GetString()!;
        var id = signedIn.GetProperty("user").GetProperty("id").GetString()!;
        (await nodeB.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).StatusCode.Should().Be(HttpStatusCode.OK);
        time.Advance(TimeSpan.FromSeconds(1));

        (await nodeA.Client.SendWithBearerAsync(HttpMethod.Put, $"/api/admin/users/{id}/roles", TwoApplications.AlphaSecret, new { roles = new[] { "admin" } })).EnsureSuccessStatusCode();

        (await nodeA.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).Should().HaveProblem("token_stale", "at once on the node that changed the roles");
        var (onB, elapsed) = await Eventually.OnClockAsync(time, TimeSpan.FromSeconds(10),
            () => nodeB.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token), r => r.StatusCode == HttpStatusCode.Unauthorized);
        onB.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        elapsed.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(5), "role changes reach every node within 5 s");
        (await nodeB.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).Should().HaveProblem("token_stale");
    }
}
