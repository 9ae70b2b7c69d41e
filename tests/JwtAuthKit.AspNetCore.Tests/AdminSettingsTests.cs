using System.Net;
using System.Net.Http.Json;
using System.Text;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>Settings through the admin API: every field, validated as a whole, applied at once.</summary>
public sealed class AdminSettingsTests
{
    private const string Secret = TwoApplications.AlphaSecret;

    [Fact]
    public async Task Settings_show_every_field_of_the_contract()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration());
        var settings = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/settings", Secret)).JsonAsync();
        foreach (var field in new[]
        {
            "password_enabled", "magic_link_enabled", "email_otp_enabled", "signup_enabled", "require_email_verification",
            "access_token_lifetime_seconds", "refresh_token_lifetime_seconds", "session_lifetime_seconds", "password_min_length",
            "default_role", "allowed_origins", "redirect_urls", "site_url", "mfa_required_roles", "email_from_address",
            "email_from_name", "email_templates",
        })
        {
            settings.TryGetProperty(field, out _).Should().BeTrue(field);
        }

        settings.GetProperty("access_token_lifetime_seconds").GetInt32().Should().Be(900);
    }

    [Fact]
    public async Task A_change_applies_at_once_to_sign_up_sign_in_and_lifetimes()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration());
        var alpha = host.NewClient(TwoApplications.AlphaPublishable);
        var email = Unique.Email();
        (await alpha.RegisterAsync(email)).EnsureSuccessStatusCode();

        var patched = await host.Client.SendWithBearerAsync(HttpMethod.Patch, "/api/admin/settings", Secret,
            new { signup_enabled = false, access_token_lifetime_seconds = 120, password_min_length = 16, unknown_field = 1 });
        patched.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await patched.JsonAsync();
        body.GetProperty("signup_enabled").GetBoolean().Should().BeFalse();
        body.GetProperty("password_enabled").GetBoolean().Should().BeTrue("fields left out stay as they are");

        var signUp = await alpha.RegisterAsync(Unique.Email());
        signUp.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await signUp.ProblemCodeAsync()).Should().Be("signup_disabled");
        var login = await (await alpha.LoginAsync(email)).JsonAsync();
        login.GetProperty("expires_in").GetInt32().Should().Be(120);

        (await host.Client.SendWithBearerAsync(HttpMethod.Patch, "/api/admin/settings", Secret, new { signup_enabled = true })).EnsureSuccessStatusCode();
        var shortPassword = await alpha.RegisterAsync(Unique.Email(), "fifteen chars!!");
        shortPassword.StatusCode.Should().Be(HttpStatusCode.BadRequest, "password_min_length is now 16");
        (await shortPassword.ProblemCodeAsync()).Should().Be("weak_password");

        (await host.Client.SendWithBearerAsync(HttpMethod.Patch, "/api/admin/settings", Secret, new { magic_link_enabled = true, redirect_urls = new[] { "https://shop.example.com/welcome" } })).EnsureSuccessStatusCode();
        var allowed = await alpha.PostAsJsonAsync("/api/auth/magic-link", new { email, redirect_to = "https://shop.example.com/welcome" });
        allowed.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var elsewhere = await alpha.PostAsJsonAsync("/api/auth/magic-link", new { email, redirect_to = "https://evil.example.com/welcome" });
        (await elsewhere.ProblemCodeAsync()).Should().Be("invalid_redirect");

        var beta = host.NewClient(TwoApplications.BetaPublishable);
        (await beta.RegisterAsync(Unique.Email())).StatusCode.Should().Be(HttpStatusCode.Created, "the other application keeps its settings");

        (await host.Client.SendWithBearerAsync(HttpMethod.Patch, "/api/admin/settings", Secret, new { password_enabled = false })).EnsureSuccessStatusCode();
        var refused = await alpha.LoginAsync(email);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.ProblemCodeAsync()).Should().Be("method_disabled");
    }

    [Fact]
    public async Task One_invalid_field_refuses_the_whole_change()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration());
        var patches = new object[]
        {
            new { signup_enabled = false, access_token_lifetime_seconds = 4 },
            new { signup_enabled = false, password_min_length = 4 },
            new { signup_enabled = false, allowed_origins = new[] { "https://ok.example.com", "not a url" } },
            new { signup_enabled = false, allowed_origins = (string[]?)null },
            new { signup_enabled = false, redirect_urls = new[] { "javascript:alert(1)" } },
            new { signup_enabled = false, default_role = "no-such-role" },
            new { signup_enabled = false, site_url = "ftp://example.com" },
            new { signup_enabled = false, session_lifetime_seconds = 600 },
            new { signup_enabled = false, email_templates = new Dictionary<string, object> { ["no_such_kind"] = new { subject = "s", text = "t", html = "h" } } },
        };
        foreach (var patch in patches)
        {
            var response = await host.Client.SendWithBearerAsync(HttpMethod.Patch, "/api/admin/settings", Secret, patch);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, System.Text.Json.JsonSerializer.Serialize(patch));
            var problem = await response.JsonAsync();
            problem.GetProperty("code").GetString().Should().Be("validation_failed");
            problem.GetProperty("errors").EnumerateObject().Should().NotBeEmpty();
        }

        var wrongType = new HttpRequestMessage(HttpMethod.Patch, "/api/admin/settings") { Content = new StringContent("{\"signup_enabled\": false, \"password_min_length\": \"ten\"}", Encoding.UTF8, "application/json") }.WithBearer(Secret);
        var typed = await host.Client.SendAsync(wrongType);
        typed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await typed.JsonAsync()).GetProperty("errors").TryGetProperty("password_min_length", out _).Should().BeTrue();

        var notObject = new HttpRequestMessage(HttpMethod.Patch, "/api/admin/settings") { Content = new StringContent("[1,2]", Encoding.UTF8, "application/json") }.WithBearer(Secret);
        (await host.Client.SendAsync(notObject)).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var settings = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/settings", Secret)).JsonAsync();
        settings.GetProperty("signup_enabled").GetBoolean().Should().BeTrue("nothing was changed");
        (await host.NewClient(TwoApplications.AlphaPublishable).RegisterAsync(Unique.Email())).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Settings_changed_on_one_node_reach_another_within_five_seconds()
    {
        var database = TestHost.NewDatabasePath();
        var time = TestHost.NewClock();
        await using var nodeA = await TestHost.StartAsync(databasePath: database, time: time, configuration: TwoApplications.Configuration());
        await using var nodeB = await TestHost.StartAsync(databasePath: database, time: time, configuration: TwoApplications.Configuration());
        var alphaOnB = nodeB.NewClient(TwoApplications.AlphaPublishable);
        (await alphaOnB.RegisterAsync(Unique.Email())).StatusCode.Should().Be(HttpStatusCode.Created);

        (await nodeA.Client.SendWithBearerAsync(HttpMethod.Patch, "/api/admin/settings", Secret, new { redirect_urls = new[] { "https://app.example.com/done" }, site_url = "https://app.example.com" })).EnsureSuccessStatusCode();
        (await nodeA.Client.SendWithBearerAsync(HttpMethod.Patch, "/api/admin/settings", Secret, new { signup_enabled = false })).EnsureSuccessStatusCode();

        var (status, elapsed) = await Eventually.OnClockAsync(time, TimeSpan.FromSeconds(10),
            async () => (await alphaOnB.RegisterAsync(Unique.Email())).StatusCode,
            s => s == HttpStatusCode.Forbidden);
        status.Should().Be(HttpStatusCode.Forbidden, "the other node reads the change");
        elapsed.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(5), "within its 5 s cache time");

        var settings = await (await nodeB.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/settings", Secret)).JsonAsync();
        settings.GetProperty("redirect_urls")[0].GetString().Should().Be("https://app.example.com/done");
        settings.GetProperty("site_url").GetString().Should().Be("https://app.example.com");
    }
}
