using System.Net;
using System.Net.Http.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests;

public abstract class SessionTests<THost>(THost fixture) : IClassFixture<THost>
    where THost : SharedHost
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task Logout_by_refresh_token_ends_the_session_and_is_idempotent()
    {
        var login = await _client.SignUpAndInAsync(Unique.Email());
        var refresh = login.GetProperty("refresh_token").GetString()!;

        var first = await _client.PostAsJsonAsync("/api/auth/logout", new { refresh_token = refresh });
        var second = await _client.PostAsJsonAsync("/api/auth/logout", new { refresh_token = refresh });

        first.StatusCode.Should().Be(HttpStatusCode.NoContent);
        second.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await _client.RefreshAsync(refresh)).ProblemCodeAsync()).Should().Be("invalid_refresh_token");
        var me = await _client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", login.GetProperty("access_token").GetString()!);
        (await me.ProblemCodeAsync()).Should().Be("session_revoked");
    }

    [Fact]
    public async Task Logout_by_bearer_token_ends_that_session_only()
    {
        var email = Unique.Email();
        var phone = await _client.SignUpAndInAsync(email);
        var laptop = await (await _client.LoginAsync(email)).JsonAsync();

        var logout = await _client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/logout", phone.GetProperty("access_token").GetString()!);
        var again = await _client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/logout", phone.GetProperty("access_token").GetString()!);

        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        again.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", laptop.GetProperty("access_token").GetString()!)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.RefreshAsync(laptop.GetProperty("refresh_token").GetString()!)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_of_all_sessions_ends_every_one()
    {
        var email = Unique.Email();
        var phone = await _client.SignUpAndInAsync(email);
        var laptop = await (await _client.LoginAsync(email)).JsonAsync();

        var logout = await _client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/logout", phone.GetProperty("access_token").GetString()!, new { all_sessions = true });

        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await _client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", laptop.GetProperty("access_token").GetString()!)).ProblemCodeAsync()).Should().Be("session_revoked");
        (await (await _client.RefreshAsync(laptop.GetProperty("refresh_token").GetString()!)).ProblemCodeAsync()).Should().Be("invalid_refresh_token");
    }

    [Fact]
    public async Task Logout_without_any_credential_gets_401()
    {
        var response = await _client.PostAsync("/api/auth/logout", null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.ProblemCodeAsync()).Should().Be("unauthorized");
    }

    [Fact]
    public async Task Sessions_lists_the_users_sessions_and_marks_the_current_one()
    {
        var email = Unique.Email();
        var phone = await _client.SignUpAndInAsync(email);
        await _client.LoginAsync(email);

        var list = await (await _client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/sessions", phone.GetProperty("access_token").GetString()!)).JsonAsync();

        var items = list.GetProperty("items").EnumerateArray().ToList();
        items.Should().HaveCount(3, "sign-up, then two sign-ins");
        items.Count(i => i.GetProperty("current").GetBoolean()).Should().Be(1);
        items[0].GetProperty("ip").GetString().Should().Be("127.0.0.1");
        items[0].GetProperty("created_at").GetString().Should().EndWith("Z");
    }

    [Fact]
    public async Task A_user_can_end_another_of_their_sessions_but_not_someone_elses()
    {
        var email = Unique.Email();
        var phone = await _client.SignUpAndInAsync(email);
        var laptop = await (await _client.LoginAsync(email)).JsonAsync();
        var stranger = await _client.SignUpAndInAsync(Unique.Email("stranger"));
        var phoneToken = phone.GetProperty("access_token").GetString()!;
        var laptopSession = await CurrentSessionIdAsync(laptop.GetProperty("access_token").GetString()!);
        var strangerSession = await CurrentSessionIdAsync(stranger.GetProperty("access_token").GetString()!);

        (await _client.SendWithBearerAsync(HttpMethod.Delete, $"/api/auth/sessions/{strangerSession}", phoneToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.SendWithBearerAsync(HttpMethod.Delete, "/api/auth/sessions/no-such-session", phoneToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.SendWithBearerAsync(HttpMethod.Delete, $"/api/auth/sessions/{laptopSession}", phoneToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await (await _client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", laptop.GetProperty("access_token").GetString()!)).ProblemCodeAsync()).Should().Be("session_revoked");
        (await _client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", stranger.GetProperty("access_token").GetString()!)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<string> CurrentSessionIdAsync(string accessToken)
    {
        var list = await (await _client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/sessions", accessToken)).JsonAsync();
        return list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("current").GetBoolean()).GetProperty("id").GetString()!;
    }
}

public sealed class SessionTests(SharedHost fixture) : SessionTests<SharedHost>(fixture);

public sealed class SessionOnPostgreSqlTests(PostgreSqlSharedHost fixture) : SessionTests<PostgreSqlSharedHost>(fixture);
