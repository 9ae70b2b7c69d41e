using System.Net;
using System.Net.Http.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests.Security;

/// <summary>Answers that carry tokens or user data are never cached; pages that carry a token in their URL leak it nowhere.</summary>
public sealed class HeadersTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task Token_answers_are_not_stored_by_any_cache_and_are_not_sniffed()
    {
        var email = Unique.Email();
        var register = await Client.RegisterAsync(email);
        var login = await Client.LoginAsync(email);

        foreach (var response in new[] { register, login })
        {
            response.IsSuccessStatusCode.Should().BeTrue();
            response.Headers.CacheControl!.NoStore.Should().BeTrue();
            response.Headers.Pragma.ToString().Should().Be("no-cache");
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        }
    }

    [Theory]
    [InlineData("/api/auth/me")]
    [InlineData("/api/admin/users")]
    [InlineData("/api/platform/apps")]
    public async Task Refusals_written_before_any_handler_runs_carry_the_headers_too(string path)
    {
        var response = await Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Fact]
    public async Task Problem_answers_of_the_platform_api_are_not_stored()
    {
        var response = await Client.PostAsJsonAsync("/api/platform/login", new { email = Unique.Email(), password = "wrong password here" });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.Pragma.ToString().Should().Be("no-cache");
    }

    [Fact]
    public async Task Discovery_documents_stay_cacheable_but_are_not_sniffed()
    {
        var response = await Client.GetAsync("/.well-known/jwks.json");

        response.Headers.CacheControl!.Public.Should().BeTrue();
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Theory]
    [InlineData("/auth/verify-email?token=abc")]
    [InlineData("/auth/reset-password?token=abc")]
    [InlineData("/auth/magic-link?token=abc")]
    public async Task Fallback_pages_cannot_be_framed_leak_no_referrer_and_run_nothing_but_their_style(string path)
    {
        var response = await Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().StartWith("default-src 'none'").And.Contain("frame-ancestors 'none'").And.Contain("form-action 'self'")
            .And.Contain("style-src 'sha256-").And.NotContain("unsafe-inline").And.NotContain("script-src");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task The_style_hash_in_the_policy_is_the_hash_of_the_pages_own_style()
    {
        var response = await Client.GetAsync("/auth/verify-email?token=abc");
        var html = await response.Content.ReadAsStringAsync();
        var style = System.Text.RegularExpressions.Regex.Match(html, "<style>(.*?)</style>").Groups[1].Value;
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)));

        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain($"style-src 'sha256-{hash}'");
    }
}
