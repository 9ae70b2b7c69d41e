using System.Net;
using System.Text.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>The admin API's users: search and paging, create, read, update, delete, roles, reset, sessions.</summary>
public abstract class AdminUserTests<TApps>(TApps apps)
    where TApps : TwoApplications
{
    private const string Secret = TwoApplications.AlphaSecret;

    [Fact]
    public async Task Users_are_searched_by_email_or_name_and_paged()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 5; i++)
        {
            (await apps.Alpha.RegisterAsync($"{tag}.{i}@example.com", name: i == 4 ? "Zed Findme" + tag : null)).EnsureSuccessStatusCode();
        }

        var page1 = await (await apps.AdminAsync(HttpMethod.Get, $"/users?query={tag}&page=1&page_size=2", Secret)).JsonAsync();
        page1.GetProperty("total").GetInt32().Should().Be(5);
        page1.GetProperty("page").GetInt32().Should().Be(1);
        page1.GetProperty("page_size").GetInt32().Should().Be(2);
        page1.GetProperty("items").GetArrayLength().Should().Be(2);

        var page3 = await (await apps.AdminAsync(HttpMethod.Get, $"/users?query={tag}&page=3&page_size=2", Secret)).JsonAsync();
        page3.GetProperty("items").GetArrayLength().Should().Be(1);

        var all = new[] { page1, await (await apps.AdminAsync(HttpMethod.Get, $"/users?query={tag}&page=2&page_size=2", Secret)).JsonAsync(), page3 }
            .SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(u => u.GetProperty("email").GetString()).ToList();
        all.Should().OnlyHaveUniqueItems().And.HaveCount(5);

        var byName = await (await apps.AdminAsync(HttpMethod.Get, "/users?query=" + Uri.EscapeDataString("ZED FINDME" + tag), Secret)).JsonAsync();
        byName.GetProperty("items").EnumerateArray().Single().GetProperty("email").GetString().Should().Be($"{tag}.4@example.com");

        var wildcard = await (await apps.AdminAsync(HttpMethod.Get, "/users?query=%25", Secret)).JsonAsync();
        wildcard.GetProperty("total").GetInt32().Should().Be(0, "LIKE wildcards in the query are literal");

        foreach (var bad in new[] { "page=0", "page_size=101", "page=abc", "page_size=-1" })
        {
            var response = await apps.AdminAsync(HttpMethod.Get, "/users?" + bad, Secret);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, bad);
            (await response.ProblemCodeAsync()).Should().Be("validation_failed");
        }
    }

    [Fact]
    public async Task An_admin_creates_reads_updates_and_deletes_a_user()
    {
        var email = Unique.Email("made");
        var created = await apps.AdminAsync(HttpMethod.Post, "/users", Secret, new { email = "  " + email.ToUpperInvariant(), password = ApiCalls.Password, name = "Made", email_verified = true });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var user = await created.JsonAsync();
        var id = user.GetProperty("id").GetString()!;
        user.GetProperty("email").GetString().Should().Be(email);
        user.GetProperty("email_verified").GetBoolean().Should().BeTrue();
        user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("user");

        (await apps.Alpha.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK, "the admin-set password works");
        (await apps.AdminAsync(HttpMethod.Post, "/users", Secret, new { email, password = ApiCalls.Password })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await (await apps.AdminAsync(HttpMethod.Post, "/users", Secret, new { email = Unique.Email(), password = "password" })).ProblemCodeAsync()).Should().Be("weak_password");
        (await (await apps.AdminAsync(HttpMethod.Post, "/users", Secret, new { email = "nope" })).ProblemCodeAsync()).Should().Be("invalid_email");
        (await (await apps.AdminAsync(HttpMethod.Post, "/users", Secret, new { email = Unique.Email(), roles = new[] { "no-such-role" } })).ProblemCodeAsync()).Should().Be("validation_failed");

        var fetched = await (await apps.AdminAsync(HttpMethod.Get, "/users/" + id, Secret)).JsonAsync();
        fetched.GetProperty("name").GetString().Should().Be("Made");

        var patched = await (await apps.AdminAsync(HttpMethod.Patch, "/users/" + id, Secret, new { name = "Renamed" })).JsonAsync();
        patched.GetProperty("name").GetString().Should().Be("Renamed");
        patched.GetProperty("is_active").GetBoolean().Should().BeTrue("fields left out stay as they are");
        patched.GetProperty("email_verified").GetBoolean().Should().BeTrue();

        (await apps.AdminAsync(HttpMethod.Delete, "/users/" + id, Secret)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await apps.AdminAsync(HttpMethod.Get, "/users/" + id, Secret)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await apps.AdminAsync(HttpMethod.Delete, "/users/" + id, Secret)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await apps.Alpha.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_sessions_at_once_and_blocks_sign_in()
    {
        var email = Unique.Email();
        var signedIn = await apps.Alpha.SignUpAndInAsync(email);
        var token = signedIn.GetProperty("access_token").GetString()!;
        var refresh = signedIn.GetProperty("refresh_token").GetString()!;
        var id = signedIn.GetProperty("user").GetProperty("id").GetString()!;

        var disabled = await apps.AdminAsync(HttpMethod.Patch, "/users/" + id, Secret, new { is_active = false });
        disabled.StatusCode.Should().Be(HttpStatusCode.OK);
        (await disabled.JsonAsync()).GetProperty("is_active").GetBoolean().Should().BeFalse();

        var me = await apps.Alpha.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token);
        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await me.ProblemCodeAsync()).Should().Be("session_revoked");
        (await apps.Alpha.RefreshAsync(refresh)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var login = await apps.Alpha.LoginAsync(email);
        login.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await login.ProblemCodeAsync()).Should().Be("account_disabled");

        (await apps.AdminAsync(HttpMethod.Patch, "/users/" + id, Secret, new { is_active = true })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await apps.Alpha.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_users_sessions_are_listed_for_an_admin_of_their_application_only()
    {
        var email = Unique.Email();
        var first = await apps.Alpha.SignUpAndInAsync(email);
        var id = first.GetProperty("user").GetProperty("id").GetString()!;
        var before = (await (await apps.AdminAsync(HttpMethod.Get, $"/users/{id}/sessions", Secret)).JsonAsync()).GetProperty("items").GetArrayLength();
        (await apps.Alpha.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK);

        var listed = await apps.AdminAsync(HttpMethod.Get, $"/users/{id}/sessions", Secret);

        listed.StatusCode.Should().Be(HttpStatusCode.OK);
        var items = (await listed.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        before.Should().BeGreaterThan(0, "signing up and in opened a session");
        items.Should().HaveCount(before + 1, "the new sign-in's session is listed too");
        items.Should().OnlyContain(s => s.GetProperty("id").GetString()!.Length > 0 && s.GetProperty("current").GetBoolean() == false);
        (await apps.AdminAsync(HttpMethod.Get, $"/users/{id}/sessions", TwoApplications.BetaSecret)).StatusCode.Should().Be(HttpStatusCode.NotFound, "another application's user is not found");

        (await apps.AdminAsync(HttpMethod.Post, $"/users/{id}/sessions/revoke", Secret)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await apps.AdminAsync(HttpMethod.Get, $"/users/{id}/sessions", Secret)).JsonAsync()).GetProperty("items").GetArrayLength().Should().Be(0, "ended sessions are not listed");
    }

    [Fact]
    public async Task Ending_sessions_refuses_tokens_and_refresh_tokens()
    {
        var signedIn = await apps.Alpha.SignUpAndInAsync(Unique.Email());
        var id = signedIn.GetProperty("user").GetProperty("id").GetString()!;

        (await apps.AdminAsync(HttpMethod.Post, $"/users/{id}/sessions/revoke", Secret)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await apps.Alpha.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", signedIn.GetProperty("access_token").GetString()!)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await apps.Alpha.RefreshAsync(signedIn.GetProperty("refresh_token").GetString()!)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Roles_are_set_validated_and_carried_in_the_next_token()
    {
        var (id, _) = await apps.UserWithRolesAsync(apps.Alpha, Secret);
        await apps.CreateRoleAsync(Secret, "editor", "posts:write");

        var set = await apps.AdminAsync(HttpMethod.Put, $"/users/{id}/roles", Secret, new { roles = new[] { "user", "editor", "editor" } });
        (await set.JsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("user", "editor");

        var unknown = await apps.AdminAsync(HttpMethod.Put, $"/users/{id}/roles", Secret, new { roles = new[] { "ghost" } });
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await apps.AdminAsync(HttpMethod.Put, $"/users/{id}/roles", Secret, new { })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var after = await (await apps.AdminAsync(HttpMethod.Get, "/users/" + id, Secret)).JsonAsync();
        after.GetProperty("roles").GetArrayLength().Should().Be(2, "a refused change changes nothing");
    }

    [Fact]
    public async Task An_admin_sends_a_reset_email()
    {
        var (id, _) = await apps.UserWithRolesAsync(apps.Alpha, Secret);
        (await apps.AdminAsync(HttpMethod.Post, $"/users/{id}/password-reset", Secret)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await apps.AdminAsync(HttpMethod.Post, $"/users/{Guid.NewGuid()}/password-reset", Secret)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var events = await (await apps.AdminAsync(HttpMethod.Get, $"/audit-events?user_id={id}&type=admin.password_reset_sent", Secret)).JsonAsync();
        events.GetProperty("total").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Bad_bodies_get_problem_details_not_500()
    {
        var (id, _) = await apps.UserWithRolesAsync(apps.Alpha, Secret);
        var request = new HttpRequestMessage(HttpMethod.Patch, "/api/admin/users/" + id) { Content = new StringContent("{\"is_active\": \"maybe\"}", System.Text.Encoding.UTF8, "application/json") }.WithBearer(Secret);
        var response = await apps.Host.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ProblemCodeAsync()).Should().Be("validation_failed");

        var longName = await apps.AdminAsync(HttpMethod.Patch, "/users/" + id, Secret, new { name = new string('n', 500) });
        (await longName.ProblemCodeAsync()).Should().Be("validation_failed");
        (await apps.AdminAsync(HttpMethod.Get, "/users/" + new string('x', 500), Secret)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

[Collection(nameof(TwoApplications))]
public sealed class AdminUserTests(TwoApplications apps) : AdminUserTests<TwoApplications>(apps);

[Collection(nameof(PostgreSqlTwoApplications))]
public sealed class AdminUserOnPostgreSqlTests(PostgreSqlTwoApplications apps) : AdminUserTests<PostgreSqlTwoApplications>(apps);
