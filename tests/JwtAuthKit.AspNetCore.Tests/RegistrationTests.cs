using System.Net;
using System.Net.Http.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests;

public abstract class RegistrationTests<THost>(THost fixture) : IClassFixture<THost>
    where THost : SharedHost
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task Register_returns_201_with_the_user_and_a_token_pair()
    {
        var response = await _client.RegisterAsync("  New.User@Example.COM ", name: "New User");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await response.JsonAsync();
        var user = body.GetProperty("user");
        user.GetProperty("email").GetString().Should().Be("new.user@example.com");
        user.GetProperty("name").GetString().Should().Be("New User");
        user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("user");
        user.GetProperty("email_verified").GetBoolean().Should().BeFalse();
        user.GetProperty("is_active").GetBoolean().Should().BeTrue();
        user.GetProperty("mfa_enabled").GetBoolean().Should().BeFalse();
        user.GetProperty("created_at").GetString().Should().EndWith("Z");
        body.GetProperty("token_type").GetString().Should().Be("Bearer");
        body.GetProperty("expires_in").GetInt32().Should().Be(900);
        body.GetProperty("refresh_token_expires_in").GetInt32().Should().Be(2_592_000);
        body.GetProperty("access_token").GetString().Should().StartWith("eyJ");
        body.GetProperty("refresh_token").GetString()!.Length.Should().BeGreaterThanOrEqualTo(43);
    }

    [Fact]
    public async Task The_same_email_in_another_case_is_taken()
    {
        var email = Unique.Email();
        (await _client.RegisterAsync(email)).StatusCode.Should().Be(HttpStatusCode.Created);

        var again = await _client.RegisterAsync(" " + email.ToUpperInvariant());

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.ProblemCodeAsync()).Should().Be("email_taken");
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("")]
    [InlineData("a b@example.com")]
    public async Task An_invalid_email_gets_400_invalid_email(string email)
    {
        var response = await _client.RegisterAsync(email);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ProblemCodeAsync()).Should().Be("invalid_email");
    }

    [Theory]
    [InlineData("short")]
    [InlineData("password123")]
    [InlineData("iloveyou12")]
    public async Task A_weak_password_gets_400_weak_password_with_the_field(string password)
    {
        var response = await _client.RegisterAsync(Unique.Email(), password);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("code").GetString().Should().Be("weak_password");
        problem.GetProperty("errors").TryGetProperty("password", out _).Should().BeTrue();
    }

    [Fact]
    public async Task A_name_over_200_characters_gets_400_validation_failed()
    {
        var response = await _client.RegisterAsync(Unique.Email(), name: new string('n', 201));

        (await response.ProblemCodeAsync()).Should().Be("validation_failed");
    }

    [Fact]
    public async Task Twelve_concurrent_sign_ups_of_one_email_create_exactly_one_account()
    {
        var email = Unique.Email("race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _client.RegisterAsync(email)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(11);
        (await _client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_request_properties_are_ignored()
    {
        var response = await _client.PostAsJsonAsync("/api/auth/register", new { email = Unique.Email(), password = ApiCalls.Password, favourite_colour = "blue" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }
}

public sealed class RegistrationTests(SharedHost fixture) : RegistrationTests<SharedHost>(fixture);

public sealed class RegistrationOnPostgreSqlTests(PostgreSqlSharedHost fixture) : RegistrationTests<PostgreSqlSharedHost>(fixture);
