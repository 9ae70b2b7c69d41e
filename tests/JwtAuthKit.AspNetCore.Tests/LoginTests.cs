using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Users;

namespace JwtAuthKit.AspNetCore.Tests;

public abstract class LoginTests<THost>(THost fixture) : IClassFixture<THost>
    where THost : SharedHost
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task Login_returns_the_token_response_and_records_the_sign_in()
    {
        var email = Unique.Email();
        (await _client.RegisterAsync(email)).EnsureSuccessStatusCode();

        var response = await _client.LoginAsync(email.ToUpperInvariant());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("access_token").GetString().Should().NotBeNullOrEmpty();
        body.GetProperty("refresh_token").GetString().Should().NotBeNullOrEmpty();
        var lastLogin = DateTimeOffset.Parse(body.GetProperty("user").GetProperty("last_login_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        lastLogin.Should().BeCloseTo(fixture.Host.Time.GetUtcNow(), TimeSpan.FromSeconds(1), "the sign-in just now is recorded");
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer()
    {
        var email = Unique.Email();
        (await _client.RegisterAsync(email)).EnsureSuccessStatusCode();

        var wrongPassword = await _client.LoginAsync(email, "not the right password");
        var unknownEmail = await _client.LoginAsync(Unique.Email("nobody"), "not the right password");

        wrongPassword.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unknownEmail.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        Strip(await wrongPassword.Content.ReadAsStringAsync()).Should().Be(Strip(await unknownEmail.Content.ReadAsStringAsync()));
        (await unknownEmail.ProblemCodeAsync()).Should().Be("invalid_credentials");
    }

    [Fact]
    public async Task Missing_fields_get_400_validation_failed()
    {
        var response = await _client.PostAsJsonAsync("/api/auth/login", new { email = "a@example.com" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("code").GetString().Should().Be("validation_failed");
        problem.GetProperty("errors").GetProperty("password").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task A_disabled_account_is_told_only_after_a_correct_password()
    {
        var email = Unique.Email();
        var registered = await (await _client.RegisterAsync(email)).JsonAsync();
        var users = fixture.Host.GetRequiredService<IUserStore>();
        var applicationId = (await fixture.Host.GetRequiredService<JwtAuthKit.Applications.IApplicationStore>().ListAsync(default)).Single().Id;
        var user = (await users.FindByIdAsync(applicationId, registered.GetProperty("user").GetProperty("id").GetString()!, default))!;
        user.IsActive = false;
        (await users.UpdateAsync(user, default)).Should().BeTrue();

        (await (await _client.LoginAsync(email, "a wrong password")).ProblemCodeAsync()).Should().Be("invalid_credentials");
        var correct = await _client.LoginAsync(email);
        correct.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await correct.ProblemCodeAsync()).Should().Be("account_disabled");
    }

    private static string Strip(string problem)
    {
        var node = JsonNode.Parse(problem)!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }
}

public sealed class LoginTests(SharedHost fixture) : LoginTests<SharedHost>(fixture);

public sealed class LoginOnPostgreSqlTests(PostgreSqlSharedHost fixture) : LoginTests<PostgreSqlSharedHost>(fixture);
