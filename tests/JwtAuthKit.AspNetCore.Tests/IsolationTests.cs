using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>With two applications, neither one's keys, tokens, users, roles, settings or events reach the other.</summary>
[Collection(nameof(TwoApplications))]
public sealed class IsolationTests(TwoApplications apps)
{
    [Fact]
    public async Task Users_roles_and_events_of_one_application_are_invisible_to_the_other()
    {
        var email = Unique.Email("alpha-only");
        var alphaUser = await apps.Alpha.SignUpAndInAsync(email);
        var alphaId = alphaUser.GetProperty("user").GetProperty("id").GetString()!;
        var role = "alpha-role-" + Guid.NewGuid().ToString("N")[..6];
        await apps.CreateRoleAsync(TwoApplications.AlphaSecret, role, "a:b");

        var betaList = await (await apps.AdminAsync(HttpMethod.Get, "/users?page_size=100&query=" + Uri.EscapeDataString(email), TwoApplications.BetaSecret)).JsonAsync();
        betaList.GetProperty("total").GetInt32().Should().Be(0);
        (await apps.AdminAsync(HttpMethod.Get, "/users/" + alphaId, TwoApplications.BetaSecret)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await apps.AdminAsync(HttpMethod.Get, "/roles/" + role, TwoApplications.BetaSecret)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await apps.AdminAsync(HttpMethod.Put, $"/users/{alphaId}/roles", TwoApplications.BetaSecret, new { roles = new[] { "admin" } })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var betaEvents = await (await apps.AdminAsync(HttpMethod.Get, "/audit-events?page_size=100&user_id=" + alphaId, TwoApplications.BetaSecret)).JsonAsync();
        betaEvents.GetProperty("total").GetInt32().Should().Be(0);
        var alphaEvents = await (await apps.AdminAsync(HttpMethod.Get, "/audit-events?page_size=100&user_id=" + alphaId, TwoApplications.AlphaSecret)).JsonAsync();
        alphaEvents.GetProperty("total").GetInt32().Should().BeGreaterThan(0);

        // The same email is a different account in the other application.
        var betaUser = await apps.Beta.SignUpAndInAsync(email);
        betaUser.GetProperty("user").GetProperty("id").GetString().Should().NotBe(alphaId);
        (await apps.Beta.LoginAsync(email, "not the password at all")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_admin_of_one_application_administers_only_that_application()
    {
        var (_, alphaAdmin) = await apps.UserWithRolesAsync(apps.Alpha, TwoApplications.AlphaSecret, "admin");
        var betaUser = await apps.Beta.SignUpAndInAsync(Unique.Email());
        var betaId = betaUser.GetProperty("user").GetProperty("id").GetString()!;

        (await apps.AdminAsync(HttpMethod.Get, "/users/" + betaId, alphaAdmin)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await apps.AdminAsync(HttpMethod.Delete, "/users/" + betaId, alphaAdmin)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await apps.AdminAsync(HttpMethod.Get, "/users/" + betaId, TwoApplications.BetaSecret)).StatusCode.Should().Be(HttpStatusCode.OK, "the beta user is untouched");

        var alphaSettings = await (await apps.AdminAsync(HttpMethod.Patch, "/settings", alphaAdmin, new { email_from_name = "Alpha Mail" })).JsonAsync();
        alphaSettings.GetProperty("email_from_name").GetString().Should().Be("Alpha Mail");
        var betaSettings = await (await apps.AdminAsync(HttpMethod.Get, "/settings", TwoApplications.BetaSecret)).JsonAsync();
        betaSettings.GetProperty("email_from_name").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Keys_and_tokens_of_one_application_do_not_work_in_the_other()
    {
        var alpha = await apps.Alpha.SignUpAndInAsync(Unique.Email());
        var token = alpha.GetProperty("access_token").GetString()!;
        var refresh = alpha.GetProperty("refresh_token").GetString()!;

        var me = await apps.Beta.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token);
        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "an alpha token presented with beta's key");
        (await apps.Beta.RefreshAsync(refresh)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var withSecret = apps.Host.NewClient(TwoApplications.AlphaSecret);
        var register = await withSecret.RegisterAsync(Unique.Email());
        register.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a secret key is not accepted as X-Api-Key");
        (await register.ProblemCodeAsync()).Should().Be("invalid_api_key");
    }
}
