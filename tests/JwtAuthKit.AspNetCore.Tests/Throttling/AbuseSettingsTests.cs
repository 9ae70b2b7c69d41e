using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests.Throttling;

/// <summary>The abuse limits as application settings on the wire: defaults, validation, applied at once.</summary>
public sealed class AbuseSettingsTests
{
    private const string Secret = TwoApplications.AlphaSecret;

    [Fact]
    public async Task The_limits_are_settings_with_defaults_and_invalid_values_change_nothing()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration());
        var settings = await (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/settings", Secret)).JsonAsync();

        settings.GetProperty("account_throttle_free_failures").GetInt32().Should().Be(5);
        settings.GetProperty("account_throttle_max_delay_seconds").GetInt32().Should().Be(900);
        settings.GetProperty("emails_per_address_per_hour").GetInt32().Should().Be(5);
        settings.GetProperty("enumeration_safe_signup").GetBoolean().Should().BeFalse();

        var refused = await host.Client.SendWithBearerAsync(HttpMethod.Patch, "/api/admin/settings", Secret,
            new { account_throttle_free_failures = 101, account_throttle_max_delay_seconds = 0, emails_per_address_per_hour = 0 });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await refused.JsonAsync();
        problem.GetProperty("code").GetString().Should().Be("validation_failed");
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should()
            .BeEquivalentTo("account_throttle_free_failures", "account_throttle_max_delay_seconds", "emails_per_address_per_hour");

        var changed = await host.Client.SendWithBearerAsync(HttpMethod.Patch, "/api/admin/settings", Secret, new { account_throttle_free_failures = 1 });
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        var alpha = host.NewClient(TwoApplications.AlphaPublishable);
        var email = Unique.Email();
        (await alpha.RegisterAsync(email)).EnsureSuccessStatusCode();
        (await alpha.LoginAsync(email, "not the password at all")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await alpha.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "one free failure, then a wait");
    }
}
