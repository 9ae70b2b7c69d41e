using System.Net;
using System.Net.Http.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>API.md's cookie transport: the refresh token in an HttpOnly, SameSite=Strict cookie, never in a body.</summary>
public sealed class CookieTransportTests
{
    [Fact]
    public async Task With_the_header_the_refresh_token_moves_to_a_strict_http_only_cookie_and_back()
    {
        await using var host = await TestHost.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.Address };
        var email = Unique.Email();
        (await client.RegisterAsync(email)).EnsureSuccessStatusCode();

        var login = await client.SendAsync(Cookie(HttpMethod.Post, "/api/auth/login", new { email, password = ApiCalls.Password }));
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await login.JsonAsync();
        body.TryGetProperty("refresh_token", out _).Should().BeFalse("the body carries no refresh token");
        body.GetProperty("access_token").GetString().Should().NotBeNullOrEmpty();
        var setCookie = login.Headers.GetValues("Set-Cookie").Single();
        setCookie.Should().StartWith("jak_refresh_token=").And.Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/api/auth").And.Contain("secure");
        var cookie = setCookie.Split(';')[0];

        var withoutHeader = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token/refresh") { Content = JsonContent.Create(new { }) };
        withoutHeader.Headers.Add("Cookie", cookie);
        (await client.SendAsync(withoutHeader)).Should().HaveProblem("invalid_refresh_token", "a request relying on the cookie must send the header too");

        var refresh = Cookie(HttpMethod.Post, "/api/auth/token/refresh", new { });
        refresh.Headers.Add("Cookie", cookie);
        var refreshed = await client.SendAsync(refresh);
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK, await refreshed.Content.ReadAsStringAsync());
        (await refreshed.JsonAsync()).TryGetProperty("refresh_token", out _).Should().BeFalse();
        var rotated = refreshed.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        rotated.Should().NotBe(cookie, "the cookie carries the rotated token");

        var logout = Cookie(HttpMethod.Post, "/api/auth/logout", new { });
        logout.Headers.Add("Cookie", rotated);
        var loggedOut = await client.SendAsync(logout);
        loggedOut.StatusCode.Should().Be(HttpStatusCode.NoContent);
        loggedOut.Headers.GetValues("Set-Cookie").Single().Should().StartWith("jak_refresh_token=;").And.Contain("expires=Thu, 01 Jan 1970");
        var after = Cookie(HttpMethod.Post, "/api/auth/token/refresh", new { });
        after.Headers.Add("Cookie", rotated);
        (await client.SendAsync(after)).Should().HaveProblem("invalid_refresh_token", "logout ended the session the cookie named");
    }

    [Fact]
    public async Task With_several_applications_a_cookie_refresh_must_name_its_application()
    {
        await using var host = await TestHost.StartAsync(configuration: TwoApplications.Configuration());
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.Address };
        var email = Unique.Email();
        var register = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register") { Content = JsonContent.Create(new { email, password = ApiCalls.Password }) };
        register.Headers.Add("X-Api-Key", TwoApplications.AlphaPublishable);
        (await client.SendAsync(register)).EnsureSuccessStatusCode();
        var login = Cookie(HttpMethod.Post, "/api/auth/login", new { email, password = ApiCalls.Password });
        login.Headers.Add("X-Api-Key", TwoApplications.AlphaPublishable);
        var cookie = (await client.SendAsync(login)).Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        // A page allowed by some application, sending the cookie without naming one, gets nothing.
        var unnamed = Cookie(HttpMethod.Post, "/api/auth/token/refresh", new { });
        unnamed.Headers.Add("Cookie", cookie);
        (await client.SendAsync(unnamed)).Should().HaveProblem("invalid_refresh_token");

        var named = Cookie(HttpMethod.Post, "/api/auth/token/refresh", new { });
        named.Headers.Add("Cookie", cookie);
        named.Headers.Add("X-Api-Key", TwoApplications.AlphaPublishable);
        (await client.SendAsync(named)).StatusCode.Should().Be(HttpStatusCode.OK);

        var other = Cookie(HttpMethod.Post, "/api/auth/token/refresh", new { });
        other.Headers.Add("Cookie", cookie);
        other.Headers.Add("X-Api-Key", TwoApplications.BetaPublishable);
        (await client.SendAsync(other)).Should().HaveProblem("invalid_refresh_token", "another application's key does not reach this session");
    }

    private static HttpRequestMessage Cookie(HttpMethod method, string path, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Refresh-Token-Transport", "cookie");
        return request;
    }
}
