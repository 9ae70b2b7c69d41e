using System.Net;
using System.Net.Http.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>CORS answered per application from allowed_origins, preflights included, and changed at once by settings.</summary>
public sealed class CorsTests
{
    [Fact]
    public async Task Each_application_admits_only_its_own_origins()
    {
        await using var host = await TestHost.StartAsync(configuration: new Dictionary<string, string?>(TwoApplications.Configuration())
        {
            ["JwtAuthKit:Applications:0:Settings:AllowedOrigins:0"] = "https://alpha.example.com",
            ["JwtAuthKit:Applications:1:Settings:AllowedOrigins:0"] = "https://beta.example.com",
        });

        var preflight = await PreflightAsync(host, "https://alpha.example.com");
        preflight.StatusCode.Should().Be(HttpStatusCode.NoContent);
        preflight.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://alpha.example.com");
        preflight.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().Contain("X-Api-Key").And.Contain("Authorization");
        preflight.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("POST");
        (await PreflightAsync(host, "https://evil.example.com")).Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();

        var alphaFromAlpha = await SendAsync(host, TwoApplications.AlphaPublishable, "https://alpha.example.com");
        alphaFromAlpha.StatusCode.Should().Be(HttpStatusCode.Created);
        alphaFromAlpha.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://alpha.example.com");
        alphaFromAlpha.Headers.Vary.Should().Contain("Origin");

        var betaFromAlpha = await SendAsync(host, TwoApplications.BetaPublishable, "https://alpha.example.com");
        betaFromAlpha.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse("beta does not allow alpha's origin");

        var refused = await host.NewClient(TwoApplications.AlphaPublishable).SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/auth/me") { Headers = { { "Origin", "https://alpha.example.com" } } });
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        refused.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(["https://alpha.example.com"], "a browser client must be able to read a 401 to refresh");

        var mixed = new HttpRequestMessage(HttpMethod.Get, "/api/admin/users").WithBearer(TwoApplications.BetaSecret);
        mixed.Headers.Add("Origin", "https://alpha.example.com");
        mixed.Headers.Add("X-Api-Key", TwoApplications.AlphaPublishable);
        (await host.Client.SendAsync(mixed)).Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse("the credential's application decides, not X-Api-Key");
    }

    [Fact]
    public async Task A_settings_change_applies_to_cors_at_once()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration());
        (await PreflightAsync(host, "https://new.example.com")).Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();

        (await host.Client.SendWithBearerAsync(HttpMethod.Patch, "/api/admin/settings", TwoApplications.AlphaSecret, new { allowed_origins = new[] { "https://NEW.example.com/" } })).EnsureSuccessStatusCode();

        (await PreflightAsync(host, "https://new.example.com")).Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://new.example.com");
        (await SendAsync(host, TwoApplications.AlphaPublishable, "https://new.example.com")).Headers.Contains("Access-Control-Allow-Origin").Should().BeTrue();
    }

    private static Task<HttpResponseMessage> PreflightAsync(TestHost host, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/auth/register");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type, x-api-key");
        return host.Client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> SendAsync(TestHost host, string publishableKey, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register") { Content = JsonContent.Create(new { email = Unique.Email(), password = ApiCalls.Password }) };
        request.Headers.Add("Origin", origin);
        request.Headers.Add("X-Api-Key", publishableKey);
        return host.Client.SendAsync(request);
    }
}
