using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>Nobody hands out, or acts beyond, permissions they do not hold themselves.</summary>
[Collection(nameof(TwoApplications))]
public sealed class AdminEscalationTests(TwoApplications apps)
{
    private const string Secret = TwoApplications.AlphaSecret;

    [Fact]
    public async Task A_user_manager_cannot_make_anyone_admin_or_act_on_an_admin()
    {
        await apps.CreateRoleAsync(Secret, "support", "users:read", "users:write");
        var (supportId, support) = await apps.UserWithRolesAsync(apps.Alpha, Secret, "support");
        var (adminId, _) = await apps.UserWithRolesAsync(apps.Alpha, Secret, "admin");
        var (plainId, _) = await apps.UserWithRolesAsync(apps.Alpha, Secret);

        await ExpectForbiddenAsync(apps.AdminAsync(HttpMethod.Put, $"/users/{supportId}/roles", support, new { roles = new[] { "admin" } }));
        await ExpectForbiddenAsync(apps.AdminAsync(HttpMethod.Put, $"/users/{plainId}/roles", support, new { roles = new[] { "admin" } }));
        await ExpectForbiddenAsync(apps.AdminAsync(HttpMethod.Post, "/users", support, new { email = Unique.Email(), roles = new[] { "admin" } }));
        await ExpectForbiddenAsync(apps.AdminAsync(HttpMethod.Patch, $"/users/{adminId}", support, new { is_active = false }));
        await ExpectForbiddenAsync(apps.AdminAsync(HttpMethod.Delete, $"/users/{adminId}", support));
        await ExpectForbiddenAsync(apps.AdminAsync(HttpMethod.Post, $"/users/{adminId}/sessions/revoke", support));
        await ExpectForbiddenAsync(apps.AdminAsync(HttpMethod.Post, $"/users/{adminId}/password-reset", support));

        var admin = await (await apps.AdminAsync(HttpMethod.Get, "/users/" + adminId, Secret)).JsonAsync();
        admin.GetProperty("is_active").GetBoolean().Should().BeTrue("refused changes change nothing");
        (await apps.AdminAsync(HttpMethod.Get, "/users/" + adminId, support)).StatusCode.Should().Be(HttpStatusCode.OK, "reading is users:read");

        (await apps.AdminAsync(HttpMethod.Put, $"/users/{plainId}/roles", support, new { roles = new[] { "user", "support" } })).StatusCode.Should().Be(HttpStatusCode.OK, "a role within one's own permissions may be given");
        (await apps.AdminAsync(HttpMethod.Patch, $"/users/{plainId}", support, new { name = "Helped" })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_role_manager_cannot_grant_a_role_more_than_they_hold()
    {
        await apps.CreateRoleAsync(Secret, "role-manager", "roles:read", "roles:write");
        var (_, manager) = await apps.UserWithRolesAsync(apps.Alpha, Secret, "role-manager");

        await ExpectForbiddenAsync(apps.AdminAsync(HttpMethod.Put, "/roles/role-manager", manager, new { permissions = new[] { "*" } }));
        await ExpectForbiddenAsync(apps.AdminAsync(HttpMethod.Post, "/roles", manager, new { name = "sneaky", permissions = new[] { "audit:read" } }));
        (await apps.AdminAsync(HttpMethod.Get, "/audit-events", manager)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await apps.AdminAsync(HttpMethod.Post, "/roles", manager, new { name = "helper-" + Guid.NewGuid().ToString("N")[..6], permissions = new[] { "roles:read" } }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_settings_manager_cannot_make_admin_the_default_role()
    {
        await apps.CreateRoleAsync(Secret, "settings-manager", "settings:read", "settings:write");
        var (_, manager) = await apps.UserWithRolesAsync(apps.Alpha, Secret, "settings-manager");

        await ExpectForbiddenAsync(apps.AdminAsync(HttpMethod.Patch, "/settings", manager, new { default_role = "admin" }));
        var settings = await (await apps.AdminAsync(HttpMethod.Get, "/settings", Secret)).JsonAsync();
        settings.GetProperty("default_role").GetString().Should().Be("user");
    }

    [Fact]
    public async Task A_permission_pinned_to_an_application_refuses_other_applications_tokens()
    {
        await apps.CreateRoleAsync(Secret, "writer", "posts:write");
        var (_, alphaWriter) = await apps.UserWithRolesAsync(apps.Alpha, Secret, "writer");
        var (_, betaAdmin) = await apps.UserWithRolesAsync(apps.Beta, TwoApplications.BetaSecret, "admin");

        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Post, "/alpha-posts", alphaWriter)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Post, "/alpha-posts", betaAdmin)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Post, "/posts", betaAdmin)).StatusCode.Should().Be(HttpStatusCode.OK, "an unpinned permission serves every application, each by its own roles");
    }

    private static async Task ExpectForbiddenAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync());
        (await response.ProblemCodeAsync()).Should().Be("forbidden");
    }
}
