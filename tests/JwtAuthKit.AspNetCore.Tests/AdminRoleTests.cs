using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>Roles and permissions: the admin API's roles, and RequirePermission/RequireRole on the app's own endpoints.</summary>
public abstract class AdminRoleTests<TApps>(TApps apps)
    where TApps : TwoApplications
{
    private const string Secret = TwoApplications.AlphaSecret;

    [Fact]
    public async Task Built_in_roles_are_listed_and_cannot_change()
    {
        var roles = await (await apps.AdminAsync(HttpMethod.Get, "/roles", Secret)).JsonAsync();
        var admin = roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "admin");
        admin.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).Should().Equal("*");
        admin.GetProperty("built_in").GetBoolean().Should().BeTrue();
        roles.EnumerateArray().Should().Contain(r => r.GetProperty("name").GetString() == "user");

        (await apps.AdminAsync(HttpMethod.Put, "/roles/admin", Secret, new { permissions = new[] { "x" } })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await apps.AdminAsync(HttpMethod.Delete, "/roles/user", Secret)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await apps.AdminAsync(HttpMethod.Post, "/roles", Secret, new { name = "admin" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await apps.AdminAsync(HttpMethod.Get, "/roles/user", Secret)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_custom_role_is_created_changed_and_deleted_and_validated()
    {
        var name = "role-" + Guid.NewGuid().ToString("N")[..8];
        var created = await apps.AdminAsync(HttpMethod.Post, "/roles", Secret, new { name, description = "Writes posts", permissions = new[] { "posts:write", "posts:read" } });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        (await created.JsonAsync()).GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).Should().Equal("posts:read", "posts:write");
        (await apps.AdminAsync(HttpMethod.Post, "/roles", Secret, new { name })).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var updated = await (await apps.AdminAsync(HttpMethod.Put, "/roles/" + name, Secret, new { description = "Reads", permissions = new[] { "posts:read" } })).JsonAsync();
        updated.GetProperty("description").GetString().Should().Be("Reads");
        updated.GetProperty("permissions").GetArrayLength().Should().Be(1);

        foreach (var bad in new object[]
        {
            new { name = "Has Spaces" },
            new { name = "" },
            new { name = new string('r', 65) },
            new { name = "ok-name", permissions = new[] { "bad permission" } },
            new { name = "ok-name", permissions = Enumerable.Range(0, 101).Select(i => "p" + i).ToArray() },
            new { name = "ok-name", description = new string('d', 501) },
        })
        {
            var response = await apps.AdminAsync(HttpMethod.Post, "/roles", Secret, bad);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await response.ProblemCodeAsync()).Should().Be("validation_failed");
        }

        (await apps.AdminAsync(HttpMethod.Get, "/roles/ok-name", Secret)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a refused role is not created");

        var (userId, _) = await apps.UserWithRolesAsync(apps.Alpha, Secret, "user", name);
        (await apps.AdminAsync(HttpMethod.Delete, "/roles/" + name, Secret)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await apps.AdminAsync(HttpMethod.Get, "/roles/" + name, Secret)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var user = await (await apps.AdminAsync(HttpMethod.Get, "/users/" + userId, Secret)).JsonAsync();
        user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal(["user"], "a deleted role is taken from its holders");
    }

    [Fact]
    public async Task The_default_role_cannot_be_deleted_while_it_is_the_default()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration());
        var client = host.Client;
        (await client.SendWithBearerAsync(HttpMethod.Post, "/api/admin/roles", Secret, new { name = "member", permissions = new[] { "posts:read" } })).EnsureSuccessStatusCode();
        (await client.SendWithBearerAsync(HttpMethod.Patch, "/api/admin/settings", Secret, new { default_role = "member" })).EnsureSuccessStatusCode();

        var signedUp = await host.NewClient(TwoApplications.AlphaPublishable).SignUpAndInAsync(Unique.Email());
        signedUp.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("member");

        (await client.SendWithBearerAsync(HttpMethod.Delete, "/api/admin/roles/member", Secret)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task RequirePermission_admits_the_roles_that_grant_it()
    {
        await apps.CreateRoleAsync(Secret, "writer", "posts:write");
        await apps.CreateRoleAsync(Secret, "reader", "posts:read");
        var (_, writer) = await apps.UserWithRolesAsync(apps.Alpha, Secret, "writer");
        var (_, reader) = await apps.UserWithRolesAsync(apps.Alpha, Secret, "reader");
        var (_, admin) = await apps.UserWithRolesAsync(apps.Alpha, Secret, "admin");
        var (_, plain) = await apps.UserWithRolesAsync(apps.Alpha, Secret);

        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Post, "/posts", writer)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Post, "/posts", admin)).StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = await apps.Host.Client.SendWithBearerAsync(HttpMethod.Post, "/posts", reader);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.ProblemCodeAsync()).Should().Be("forbidden");
        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Post, "/posts", plain)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await apps.Host.Client.PostAsync("/posts", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Post, "/posts", Secret)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the app's own endpoints take user tokens, not API keys");

        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Get, "/staff", admin)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Get, "/staff", writer)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_permission_taken_from_a_role_stops_admitting_within_the_cache_time()
    {
        var name = "temp-" + Guid.NewGuid().ToString("N")[..8];
        await apps.CreateRoleAsync(Secret, name, "posts:write");
        var (_, token) = await apps.UserWithRolesAsync(apps.Alpha, Secret, name);
        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Post, "/posts", token)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await apps.AdminAsync(HttpMethod.Put, "/roles/" + name, Secret, new { permissions = Array.Empty<string>() })).EnsureSuccessStatusCode();

        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Post, "/posts", token)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "this node forgets the role definition at once");
    }
}

[Collection(nameof(TwoApplications))]
public sealed class AdminRoleTests(TwoApplications apps) : AdminRoleTests<TwoApplications>(apps);

[Collection(nameof(PostgreSqlTwoApplications))]
public sealed class AdminRoleOnPostgreSqlTests(PostgreSqlTwoApplications apps) : AdminRoleTests<PostgreSqlTwoApplications>(apps);
