using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Platform;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>The operators' API: operator sign-in, applications, and keys with rotation and revocation.</summary>
public sealed class PlatformTests
{
    private const string OperatorPassword = "operator passphrase 2026";

    [Fact]
    public async Task Only_operators_reach_the_platform_api()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration());
        var operatorToken = await OperatorTokenAsync(host);

        var apps = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps", operatorToken)).JsonAsync();
        apps.EnumerateArray().Select(a => a.GetProperty("name").GetString()).Should().BeEquivalentTo("alpha", "beta");

        var wrong = await host.Client.PostAsJsonAsync("/api/platform/login", new { email = "ops@example.com", password = "not the operator password" });
        (await wrong.ProblemCodeAsync()).Should().Be("invalid_credentials");

        var alphaAdmin = await AlphaAdminTokenAsync(host);
        (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps", alphaAdmin)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "an application's admin is not an operator");
        (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps", TwoApplications.AlphaSecret)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await host.Client.GetAsync("/api/platform/apps")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        // Operators cannot sign up, and the operators' application is not one of the apps.
        var platform = await host.GetRequiredService<IApplicationStore>().FindByClientIdAsync(PlatformApplication.ClientId, default);
        (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps/" + platform!.Id, operatorToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await host.Client.SendWithBearerAsync(HttpMethod.Delete, "/api/platform/apps/" + platform.Id, operatorToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_operator_creates_an_application_whose_keys_work_at_once_and_are_shown_once()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration());
        var operatorToken = await OperatorTokenAsync(host);

        var created = await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/apps", operatorToken, new { name = "gamma", settings = new { magic_link_enabled = true } });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var app = await created.JsonAsync();
        var id = app.GetProperty("id").GetString()!;
        app.GetProperty("settings").GetProperty("magic_link_enabled").GetBoolean().Should().BeTrue();
        var keys = app.GetProperty("keys").EnumerateArray().ToList();
        var publishable = keys.Single(k => k.GetProperty("kind").GetString() == "publishable").GetProperty("key").GetString()!;
        var secret = keys.Single(k => k.GetProperty("kind").GetString() == "secret").GetProperty("key").GetString()!;
        publishable.Should().StartWith("pk_");
        secret.Should().StartWith("sk_");

        (await host.NewClient(publishable).RegisterAsync(Unique.Email())).StatusCode.Should().Be(HttpStatusCode.Created);
        (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/users", secret)).StatusCode.Should().Be(HttpStatusCode.OK);

        var listed = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, $"/api/platform/apps/{id}/keys", operatorToken)).JsonAsync();
        listed.GetArrayLength().Should().Be(2);
        listed.EnumerateArray().Where(k => k.TryGetProperty("key", out var shown) && shown.ValueKind != JsonValueKind.Null).Should().BeEmpty("a key's value is shown only when created");
        listed.EnumerateArray().Select(k => k.GetProperty("prefix").GetString()).Should().Contain(secret[..11]);
        listed.EnumerateArray().Should().OnlyContain(k => k.GetProperty("last_used_at").ValueKind == JsonValueKind.String, "both keys were just used");

        (await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/apps", operatorToken, new { name = "gamma" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        var refused = await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/apps", operatorToken, new { name = "delta", settings = new { access_token_lifetime_seconds = 1 } });
        (await refused.ProblemCodeAsync()).Should().Be("validation_failed");
        var names = (await (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps", operatorToken)).JsonAsync()).EnumerateArray().Select(a => a.GetProperty("name").GetString());
        names.Should().NotContain("delta", "a refused request leaves nothing behind");
        (await (await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/apps", operatorToken, new { name = " " })).ProblemCodeAsync()).Should().Be("validation_failed");
        (await (await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/apps", operatorToken, new { name = "jwtauthkit OPERATORS" })).ProblemCodeAsync()).Should().Be("validation_failed");

        var duplicate = new HttpRequestMessage(HttpMethod.Post, "/api/platform/apps")
        {
            Content = new StringContent("{\"name\":\"dupe\",\"settings\":{\"signup_enabled\":false,\"signup_enabled\":true}}", System.Text.Encoding.UTF8, "application/json"),
        }.WithBearer(operatorToken);
        var duplicated = await host.Client.SendAsync(duplicate);
        duplicated.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var after = (await (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps", operatorToken)).JsonAsync()).EnumerateArray().Select(a => a.GetProperty("name").GetString());
        after.Should().NotContain("dupe");
    }

    [Fact]
    public async Task A_secret_key_is_rotated_by_creating_a_new_one_and_revoking_the_old_one_on_every_node()
    {
        var database = TestHost.NewDatabasePath();
        var time = TestHost.NewClock();
        await using var nodeA = await TestHost.StartAsync(databasePath: database, time: time, configuration: TwoApplications.Configuration());
        await using var nodeB = await TestHost.StartAsync(databasePath: database, time: time, configuration: TwoApplications.Configuration());
        var operatorToken = await OperatorTokenAsync(nodeA);
        var alphaId = (await nodeA.GetRequiredService<IApplicationStore>().FindByClientIdAsync("alpha-app", default))!.Id;

        var made = await nodeA.Client.SendWithBearerAsync(HttpMethod.Post, $"/api/platform/apps/{alphaId}/keys", operatorToken, new { kind = "secret", name = "rotation 2026-11" });
        made.StatusCode.Should().Be(HttpStatusCode.Created);
        var newKey = (await made.JsonAsync()).GetProperty("key").GetString()!;
        (await nodeB.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/users", newKey)).StatusCode.Should().Be(HttpStatusCode.OK, "both keys work during the rotation");
        (await nodeB.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/users", TwoApplications.AlphaSecret)).StatusCode.Should().Be(HttpStatusCode.OK);

        var keys = await (await nodeA.Client.SendWithBearerAsync(HttpMethod.Get, $"/api/platform/apps/{alphaId}/keys", operatorToken)).JsonAsync();
        var oldId = keys.EnumerateArray().Single(k => k.GetProperty("prefix").GetString() == TwoApplications.AlphaSecret[..11]).GetProperty("id").GetString()!;
        (await nodeA.Client.SendWithBearerAsync(HttpMethod.Delete, $"/api/platform/apps/{alphaId}/keys/{oldId}", operatorToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await nodeA.Client.SendWithBearerAsync(HttpMethod.Delete, $"/api/platform/apps/{alphaId}/keys/{oldId}", operatorToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var onA = await nodeA.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/users", TwoApplications.AlphaSecret);
        onA.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "revocation applies at once on the node that revoked");
        (await onA.ProblemCodeAsync()).Should().Be("invalid_api_key");

        var (onB, elapsed) = await Eventually.OnClockAsync(time, TimeSpan.FromSeconds(10),
            async () => (await nodeB.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/users", TwoApplications.AlphaSecret)).StatusCode,
            status => status == HttpStatusCode.Unauthorized);
        onB.Should().Be(HttpStatusCode.Unauthorized, "other nodes refuse a revoked key");
        elapsed.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(5), "within 5 s");
        (await nodeB.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/users", newKey)).StatusCode.Should().Be(HttpStatusCode.OK);

        var events = await (await nodeA.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/audit-events?type=key.revoked", newKey)).JsonAsync();
        events.GetProperty("items")[0].GetProperty("actor").GetString().Should().StartWith("operator:");
        events.GetProperty("items")[0].GetProperty("data").GetProperty("prefix").GetString().Should().Be(TwoApplications.AlphaSecret[..11]);
        var createdEvents = await (await nodeA.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/audit-events?type=key.created", newKey)).JsonAsync();
        createdEvents.GetProperty("total").GetInt32().Should().Be(1);
        JsonSerializer.Serialize(createdEvents).Should().NotContain(newKey);

        var badKind = await nodeA.Client.SendWithBearerAsync(HttpMethod.Post, $"/api/platform/apps/{alphaId}/keys", operatorToken, new { kind = "master" });
        (await badKind.ProblemCodeAsync()).Should().Be("validation_failed");
    }

    [Fact]
    public async Task An_application_is_renamed_reconfigured_and_deleted_with_everything_it_holds()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration());
        var operatorToken = await OperatorTokenAsync(host);
        var created = await (await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/platform/apps", operatorToken, new { name = "short-lived" })).JsonAsync();
        var id = created.GetProperty("id").GetString()!;
        var publishable = created.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "publishable").GetProperty("key").GetString()!;
        var user = await host.NewClient(publishable).SignUpAndInAsync(Unique.Email());

        var patched = await host.Client.SendWithBearerAsync(HttpMethod.Patch, "/api/platform/apps/" + id, operatorToken, new { name = "renamed", settings = new { signup_enabled = false } });
        var body = await patched.JsonAsync();
        body.GetProperty("name").GetString().Should().Be("renamed");
        body.GetProperty("settings").GetProperty("signup_enabled").GetBoolean().Should().BeFalse();
        (await host.NewClient(publishable).RegisterAsync(Unique.Email())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await host.Client.SendWithBearerAsync(HttpMethod.Patch, "/api/platform/apps/" + id, operatorToken, new { name = "alpha", settings = new { password_min_length = 20 } })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await host.Client.SendWithBearerAsync(HttpMethod.Patch, "/api/platform/apps/" + id, operatorToken, new { name = "", settings = new { signup_enabled = true } })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var unchanged = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps/" + id, operatorToken)).JsonAsync();
        unchanged.GetProperty("settings").GetProperty("password_min_length").GetInt32().Should().Be(10, "a refused request changes nothing");
        unchanged.GetProperty("settings").GetProperty("signup_enabled").GetBoolean().Should().BeFalse();

        (await host.Client.SendWithBearerAsync(HttpMethod.Delete, "/api/platform/apps/" + id, operatorToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/platform/apps/" + id, operatorToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await host.NewClient(publishable).LoginAsync(Unique.Email())).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", user.GetProperty("access_token").GetString()!)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the application's tokens die with it");
    }

    [Fact]
    public async Task The_single_application_convenience_survives_an_operator_account()
    {
        await using var host = await TestHost.StartAsync();
        await OperatorTokenAsync(host);
        (await host.Client.RegisterAsync(Unique.Email())).StatusCode.Should().Be(HttpStatusCode.Created, "the operators' application does not count as a second application");
        var weak = await host.GetRequiredService<IOperatorAccountService>().CreateAsync("weak@example.com", "short", default);
        weak.Error!.Code.Should().Be("weak_password");
    }

    private static async Task<string> OperatorTokenAsync(TestHost host)
    {
        var made = await host.GetRequiredService<IOperatorAccountService>().CreateAsync("ops@example.com", OperatorPassword, default);
        made.Succeeded.Should().BeTrue(made.Error?.Message);
        var login = await host.Client.PostAsJsonAsync("/api/platform/login", new { email = "ops@example.com", password = OperatorPassword });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await login.JsonAsync()).GetProperty("access_token").GetString()!;
    }

    private static async Task<string> AlphaAdminTokenAsync(TestHost host)
    {
        var alpha = host.NewClient(TwoApplications.AlphaPublishable);
        var email = Unique.Email();
        var user = await alpha.SignUpAndInAsync(email);
        await host.Client.SendWithBearerAsync(HttpMethod.Put, $"/api/admin/users/{user.GetProperty("user").GetProperty("id").GetString()}/roles", TwoApplications.AlphaSecret, new { roles = new[] { "admin" } });
        host.Time.Advance(TimeSpan.FromMilliseconds(5)); // the sign-in comes after the role change, as on a real clock
        return (await (await alpha.LoginAsync(email)).JsonAsync()).GetProperty("access_token").GetString()!;
    }
}
