using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Tokens;

namespace JwtAuthKit.AspNetCore.Tests.Security;

/// <summary>
/// Threat: a cache of validated tokens keeps accepting a token after it should stop working. A token seen before skips
/// only its signature check; expiry, revocation and <c>token_stale</c> are decided on every request, and a token
/// differing in one byte is verified in full.
/// </summary>
public sealed class ValidatedTokenCacheTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    private readonly TestHost _host = fixture.Host;

    [Fact]
    public async Task A_revoked_session_is_refused_on_the_next_request_with_a_cached_token()
    {
        var token = (await _host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!;
        (await Me(_host, token)).StatusCode.Should().Be(HttpStatusCode.OK);
        IsCached(_host, token).Should().BeTrue("a validated token is remembered");
        (await Me(_host, token)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await _host.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/logout", token)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var after = await Me(_host, token);
        after.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        after.Should().HaveProblem("session_revoked");
    }

    [Fact]
    public async Task An_expired_cached_token_is_refused_on_the_clock_of_the_TimeProvider()
    {
        await using var host = await TestHost.StartAsync();
        var token = (await host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!;
        (await Me(host, token)).StatusCode.Should().Be(HttpStatusCode.OK);
        IsCached(host, token).Should().BeTrue();

        // 15-minute tokens and 30 seconds of clock skew: still valid just inside, refused just past.
        host.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(29));
        (await Me(host, token)).StatusCode.Should().Be(HttpStatusCode.OK, "inside the clock skew, as without the cache");
        host.Time.Advance(TimeSpan.FromSeconds(2));

        (await Me(host, token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        IsCached(host, token).Should().BeFalse("an expired entry is dropped, never used");
    }

    [Fact]
    public async Task A_token_differing_by_one_byte_is_not_a_cache_hit()
    {
        var token = (await _host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!;
        (await Me(_host, token)).StatusCode.Should().Be(HttpStatusCode.OK);
        IsCached(_host, token).Should().BeTrue();
        var signatureAt = token.LastIndexOf('.') + 10; // inside the signature, away from the last character's spare bits
        var payloadAt = token.IndexOf('.') + 10;

        foreach (var at in new[] { signatureAt, payloadAt })
        {
            var changed = token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];

            (await Me(_host, changed)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "it was verified in full, and its signature fails");
            IsCached(_host, changed).Should().BeFalse("refused tokens are never cached");
        }

        (await Me(_host, token + "x")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a byte appended is a different token too");
        (await Me(_host, token)).StatusCode.Should().Be(HttpStatusCode.OK, "the control: the genuine token still passes");
    }

    [Fact]
    public async Task The_cache_is_bounded_by_ValidatedTokenCacheSize()
    {
        await using var host = await TestHost.StartAsync(o => o.ValidatedTokenCacheSize = 3);
        var cache = host.GetRequiredService<ValidatedTokenCache>();

        for (var i = 0; i < 5; i++)
        {
            var token = (await host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!;
            (await Me(host, token)).StatusCode.Should().Be(HttpStatusCode.OK);
            cache.Count.Should().BeLessThanOrEqualTo(3);
        }
    }

    [Fact]
    public async Task With_the_cache_off_tokens_are_still_validated()
    {
        await using var host = await TestHost.StartAsync(o => o.ValidatedTokenCacheSize = 0);
        var token = (await host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!;

        (await Me(host, token)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Me(host, token)).StatusCode.Should().Be(HttpStatusCode.OK);
        IsCached(host, token).Should().BeFalse();
    }

    private static bool IsCached(TestHost host, string token) =>
        host.GetRequiredService<ValidatedTokenCache>().TryGet(token, out _);

    private static Task<HttpResponseMessage> Me(TestHost host, string token) =>
        host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token);
}

/// <summary>A role change makes a cached token stale on its next request.</summary>
[Collection(nameof(TwoApplications))]
public sealed class ValidatedTokenCacheStaleTests(TwoApplications apps)
{
    [Fact]
    public async Task A_role_change_makes_a_cached_token_stale()
    {
        var role = "cached" + Guid.NewGuid().ToString("N")[..8];
        await apps.CreateRoleAsync(TwoApplications.AlphaSecret, role, "posts:write");
        var (id, token) = await apps.UserWithRolesAsync(apps.Alpha, TwoApplications.AlphaSecret, role);
        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Post, "/posts", token)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await apps.Host.Client.SendWithBearerAsync(HttpMethod.Post, "/posts", token)).StatusCode.Should().Be(HttpStatusCode.OK);
        apps.Host.GetRequiredService<ValidatedTokenCache>().TryGet(token, out _).Should().BeTrue();
        apps.Host.Time.Advance(TimeSpan.FromSeconds(1));

        (await apps.AdminAsync(HttpMethod.Put, $"/users/{id}/roles", TwoApplications.AlphaSecret, new { roles = new[] { "user" } })).EnsureSuccessStatusCode();

        var stale = await apps.Host.Client.SendWithBearerAsync(HttpMethod.Post, "/posts", token);
        stale.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        stale.Should().HaveProblem("token_stale");
    }
}
