using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests;

public abstract class ProfileTests<THost>(THost fixture) : IClassFixture<THost>
    where THost : SharedHost
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task Me_returns_the_signed_in_user()
    {
        var email = Unique.Email();
        var login = await _client.SignUpAndInAsync(email);

        var me = await _client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", login.GetProperty("access_token").GetString()!);

        me.StatusCode.Should().Be(HttpStatusCode.OK);
        var user = await me.JsonAsync();
        user.GetProperty("email").GetString().Should().Be(email);
        user.GetProperty("id").GetString().Should().Be(login.GetProperty("user").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    public async Task Me_without_a_valid_token_gets_401_unauthorized(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        if (token is not null)
        {
            request.WithBearer(token);
        }

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer");
        (await response.ProblemCodeAsync()).Should().Be("unauthorized");
    }

    [Fact]
    public async Task Patch_me_changes_the_name()
    {
        var login = await _client.SignUpAndInAsync(Unique.Email());
        var token = login.GetProperty("access_token").GetString()!;

        var patched = await _client.SendWithBearerAsync(HttpMethod.Patch, "/api/auth/me", token, new { name = "  Grace Hopper " });
        var tooLong = await _client.SendWithBearerAsync(HttpMethod.Patch, "/api/auth/me", token, new { name = new string('x', 201) });

        (await patched.JsonAsync()).GetProperty("name").GetString().Should().Be("Grace Hopper");
        (await tooLong.ProblemCodeAsync()).Should().Be("validation_failed");
        var untouched = await _client.SendWithBearerAsync(HttpMethod.Patch, "/api/auth/me", token, new { });
        (await untouched.JsonAsync()).GetProperty("name").GetString().Should().Be("Grace Hopper", "a PATCH changes only the fields it names");
        (await (await _client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).JsonAsync()).GetProperty("name").GetString().Should().Be("Grace Hopper");
    }

    [Fact]
    public async Task Password_change_checks_both_passwords_and_ends_the_other_sessions()
    {
        var email = Unique.Email();
        var current = await _client.SignUpAndInAsync(email);
        var other = await (await _client.LoginAsync(email)).JsonAsync();
        var token = current.GetProperty("access_token").GetString()!;
        const string newPassword = "a brand new passphrase";

        var wrong = await _client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/password/change", token, new { current_password = "not it at all", new_password = newPassword });
        var weak = await _client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/password/change", token, new { current_password = ApiCalls.Password, new_password = "password1" });
        var changed = await _client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/password/change", token, new { current_password = ApiCalls.Password, new_password = newPassword });

        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrong.JsonAsync()).GetProperty("errors").TryGetProperty("current_password", out _).Should().BeTrue();
        (await weak.ProblemCodeAsync()).Should().Be("weak_password");
        changed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).StatusCode.Should().Be(HttpStatusCode.OK, "the session that changed the password stays");
        (await (await _client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", other.GetProperty("access_token").GetString()!)).ProblemCodeAsync()).Should().Be("session_revoked");
        (await _client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _client.LoginAsync(email, newPassword)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

public sealed class ProfileTests(SharedHost fixture) : ProfileTests<SharedHost>(fixture);

public sealed class ProfileOnPostgreSqlTests(PostgreSqlSharedHost fixture) : ProfileTests<PostgreSqlSharedHost>(fixture);
