using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JwtAuthKit.Audit;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>The events each flow writes to the audit log, how they are queried, and retention.</summary>
public sealed class AuditTests
{
    private const string Secret = TwoApplications.AlphaSecret;

    [Fact]
    public async Task Each_flow_writes_its_event_with_who_and_where()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration(), configure: o => o.RefreshTokenReuseGraceWindow = TimeSpan.Zero);
        var alpha = host.NewClient(TwoApplications.AlphaPublishable);
        alpha.DefaultRequestHeaders.UserAgent.ParseAdd("AuditTest/1.0");
        var email = Unique.Email();

        (await alpha.RegisterAsync(email)).EnsureSuccessStatusCode();
        (await alpha.LoginAsync(email, "wrong password entirely")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await alpha.LoginAsync(Unique.Email(), "whatever password")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var session = await (await alpha.LoginAsync(email)).JsonAsync();
        var userId = session.GetProperty("user").GetProperty("id").GetString()!;
        var firstRefresh = session.GetProperty("refresh_token").GetString()!;
        (await alpha.RefreshAsync(firstRefresh)).EnsureSuccessStatusCode();
        (await alpha.RefreshAsync(firstRefresh)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a replay after the grace window");

        var second = await (await alpha.LoginAsync(email)).JsonAsync();
        var token = second.GetProperty("access_token").GetString()!;
        (await alpha.SendWithBearerAsync(HttpMethod.Post, "/api/auth/password/change", token, new { current_password = ApiCalls.Password, new_password = "an even better passphrase" })).EnsureSuccessStatusCode();
        var third = await (await alpha.LoginAsync(email, "an even better passphrase")).JsonAsync();
        (await alpha.SendWithBearerAsync(HttpMethod.Post, "/api/auth/logout", third.GetProperty("access_token").GetString()!)).EnsureSuccessStatusCode();

        (await host.Client.SendWithBearerAsync(HttpMethod.Put, $"/api/admin/users/{userId}/roles", Secret, new { roles = new[] { "admin" } })).EnsureSuccessStatusCode();
        (await host.Client.SendWithBearerAsync(HttpMethod.Patch, "/api/admin/settings", Secret, new { magic_link_enabled = true })).EnsureSuccessStatusCode();
        (await host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/admin/roles", Secret, new { name = "auditor", permissions = new[] { "audit:read" } })).EnsureSuccessStatusCode();

        var all = await QueryAsync(host, "?page_size=100");
        var types = all.Select(e => e.GetProperty("type").GetString()).ToList();
        types.Should().Contain([
            AuditEventTypes.SignUp, AuditEventTypes.SignIn, AuditEventTypes.SignInFailed, AuditEventTypes.RefreshTokenReused,
            AuditEventTypes.PasswordChanged, AuditEventTypes.SignOut, AuditEventTypes.RolesChanged, AuditEventTypes.SettingsChanged,
            AuditEventTypes.RoleChanged,
        ]);

        var failures = all.Where(e => e.GetProperty("type").GetString() == AuditEventTypes.SignInFailed).ToList();
        failures.Select(e => e.GetProperty("data").GetProperty("reason").GetString()).Should().BeEquivalentTo("wrong_password", "unknown_account");
        failures.Single(e => e.GetProperty("data").GetProperty("reason").GetString() == "wrong_password").GetProperty("user_id").GetString().Should().Be(userId);

        var signIn = all.First(e => e.GetProperty("type").GetString() == AuditEventTypes.SignIn);
        signIn.GetProperty("ip").GetString().Should().Be("127.0.0.1");
        signIn.GetProperty("user_agent").GetString().Should().Be("AuditTest/1.0");
        signIn.GetProperty("actor").GetString().Should().Be("user:" + userId);

        var roleChange = all.Single(e => e.GetProperty("type").GetString() == AuditEventTypes.RolesChanged);
        roleChange.GetProperty("actor").GetString().Should().StartWith("key:sk_alpha");
        roleChange.GetProperty("data").GetProperty("after").GetString().Should().Be("admin");
        all.Single(e => e.GetProperty("type").GetString() == AuditEventTypes.SettingsChanged).GetProperty("data").GetProperty("fields").GetString().Should().Be("magic_link_enabled");

        var text = JsonSerializer.Serialize(all);
        text.Should().NotContain(ApiCalls.Password).And.NotContain("an even better passphrase").And.NotContain(firstRefresh).And.NotContain(Secret);
        DateTime.Parse(all[0].GetProperty("created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeOnOrAfter(DateTime.Parse(all[^1].GetProperty("created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture), "newest first");
    }

    [Fact]
    public async Task Events_are_filtered_by_type_user_and_time_and_paged()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration());
        var alpha = host.NewClient(TwoApplications.AlphaPublishable);
        var first = await alpha.SignUpAndInAsync(Unique.Email());
        host.Time.Advance(TimeSpan.FromHours(1));
        var cut = host.Time.GetUtcNow();
        var second = await alpha.SignUpAndInAsync(Unique.Email());
        var secondId = second.GetProperty("user").GetProperty("id").GetString()!;

        (await QueryAsync(host, "?type=user.signed_up")).Should().HaveCount(2);
        var mine = await QueryAsync(host, "?user_id=" + secondId);
        mine.Select(e => e.GetProperty("type").GetString()).Should().BeEquivalentTo(AuditEventTypes.SignUp, AuditEventTypes.SignIn);
        var since = await QueryAsync(host, "?since=" + Uri.EscapeDataString(cut.ToString("O")));
        since.Should().OnlyContain(e => e.GetProperty("user_id").GetString() == secondId);

        var page = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/audit-events?page=2&page_size=3", Secret)).JsonAsync();
        page.GetProperty("total").GetInt32().Should().Be(4);
        page.GetProperty("items").GetArrayLength().Should().Be(1);

        var bad = await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/audit-events?since=yesterday", Secret);
        (await bad.ProblemCodeAsync()).Should().Be("validation_failed");
        _ = first;
    }

    [Fact]
    public async Task Events_past_retention_are_deleted()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration(), configure: o => o.AuditRetention = TimeSpan.FromDays(30));
        var alpha = host.NewClient(TwoApplications.AlphaPublishable);
        await alpha.SignUpAndInAsync(Unique.Email());
        host.Time.Advance(TimeSpan.FromDays(20));
        await alpha.SignUpAndInAsync(Unique.Email());
        host.Time.Advance(TimeSpan.FromDays(11));

        // The hourly job may already have run on the moved clock; either way the old events are gone.
        await host.GetRequiredService<JwtAuthKit.Maintenance.CleanupService>().CleanUpAsync(default);

        var left = await QueryAsync(host, "");
        left.Should().HaveCount(2, "the sign-up and sign-in of 11 days ago are kept");
        left.Should().OnlyContain(e => DateTimeOffset.Parse(e.GetProperty("created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > host.Time.GetUtcNow() - TimeSpan.FromDays(30));
    }

    private static async Task<List<JsonElement>> QueryAsync(TestHost host, string query)
    {
        var response = await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/audit-events" + query, Secret);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.JsonAsync()).GetProperty("items").EnumerateArray()];
    }
}
