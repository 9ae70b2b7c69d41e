using System.Net;
using System.Net.Http.Json;
using System.Text;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace JwtAuthKit.AspNetCore.Tests;

public sealed class HttpContractTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Theory]
    [InlineData("/api/auth/register")]
    [InlineData("/api/auth/register/")]
    [InlineData("/api/auth/login/")]
    [InlineData("/api/auth/token/refresh/")]
    public async Task Oversized_bodies_get_413_payload_too_large(string path)
    {
        var body = new StringContent("{\"email\":\"" + new string('a', 70_000) + "\"}", Encoding.UTF8, "application/json");

        var response = await _client.PostAsync(path, body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.ProblemCodeAsync()).Should().Be("payload_too_large");
    }

    [Fact]
    public async Task Oversized_chunked_bodies_get_413_too()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"email\":\"" + new string('a', 70_000) + "\"}")));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.ProblemCodeAsync()).Should().Be("payload_too_large");
    }

    [Fact]
    public async Task Non_JSON_bodies_get_415_unsupported_media_type()
    {
        var response = await _client.PostAsync("/api/auth/login", new StringContent("email=a@example.com", Encoding.UTF8, "application/x-www-form-urlencoded"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.ProblemCodeAsync()).Should().Be("unsupported_media_type");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"email\": 42}")]
    [InlineData("null")]
    public async Task Malformed_JSON_gets_400_validation_failed(string json)
    {
        var response = await _client.PostAsync("/api/auth/register", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ProblemCodeAsync()).Should().Be("validation_failed");
    }

    [Fact]
    public async Task Every_route_answers_with_and_without_a_trailing_slash()
    {
        var email = Unique.Email();
        (await _client.PostAsJsonAsync("/api/auth/register/", new { email, password = ApiCalls.Password })).StatusCode.Should().Be(HttpStatusCode.Created);
        var login = await (await _client.PostAsJsonAsync("/api/auth/login/", new { email, password = ApiCalls.Password })).JsonAsync();
        var token = login.GetProperty("access_token").GetString()!;
        var refreshed = await (await _client.PostAsJsonAsync("/api/auth/token/refresh/", new { refresh_token = login.GetProperty("refresh_token").GetString() })).JsonAsync();
        token = refreshed.GetProperty("access_token").GetString()!;

        (await _client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me/", token)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.SendWithBearerAsync(HttpMethod.Patch, "/api/auth/me/", token, new { name = "x" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/sessions/", token)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.SendWithBearerAsync(HttpMethod.Delete, "/api/auth/sessions/unknown/", token)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/password/change/", token, new { current_password = ApiCalls.Password, new_password = "another good passphrase" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _client.GetAsync("/.well-known/jwks.json/")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.GetAsync("/.well-known/openid-configuration/")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/logout/", token)).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Sign_in_attempts_over_the_limit_get_429_with_Retry_After()
    {
        await using var host = await TestHost.StartAsync(o => o.RateLimits.PermitLimit = 3);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await host.Client.LoginAsync("nobody@example.com", "whatever it is"));
        }

        answers.Take(3).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Unauthorized);
        answers[3].StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        answers[3].Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        (await answers[3].ProblemCodeAsync()).Should().Be("rate_limited");
    }

    [Fact]
    public async Task The_database_file_holds_no_refresh_token_or_secret_key_in_plain_text()
    {
        var config = ApplicationTests.FourApplications();
        var host = await TestHost.StartAsync(configuration: config);
        var login = await host.NewClient(ApplicationTests.OpenKey).SignUpAndInAsync(Unique.Email());
        var refreshed = await (await host.NewClient(ApplicationTests.OpenKey).RefreshAsync(login.GetProperty("refresh_token").GetString()!)).JsonAsync();
        var path = host.DatabasePath;
        await host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var bytes = string.Concat(new[] { path, path + "-wal" }.Where(File.Exists).Select(p => Encoding.Latin1.GetString(File.ReadAllBytes(p))));

        bytes.Should().Contain("open-app", "the test reads the right file");
        foreach (var secret in new[]
        {
            login.GetProperty("refresh_token").GetString()!, refreshed.GetProperty("refresh_token").GetString()!,
            "sk_open0000000000000000000000000", ApplicationTests.OpenKey, ApiCalls.Password,
        })
        {
            bytes.Should().NotContain(secret);
        }
    }

    [Fact]
    public async Task The_apps_own_endpoints_use_JwtAuthKit_tokens_through_ASP_NET_Core_authorization()
    {
        await using var host = await TestHost.StartAsync(mapMore: app =>
        {
            app.MapGet("/orders", (HttpContext c) => "orders of " + c.User.Identity!.Name).RequireAuthorization();
            app.MapGet("/reports", () => "reports").RequireAuthorization(p => p.RequireRole("admin"));
            app.MapGet("/attributed", [Authorize(Roles = "user")] () => "attributed");
        });
        var login = await host.Client.SignUpAndInAsync(Unique.Email());
        var token = login.GetProperty("access_token").GetString()!;

        var orders = await host.Client.SendWithBearerAsync(HttpMethod.Get, "/orders", token);
        var reports = await host.Client.SendWithBearerAsync(HttpMethod.Get, "/reports", token);
        var attributed = await host.Client.SendWithBearerAsync(HttpMethod.Get, "/attributed", token);
        var anonymous = await host.Client.GetAsync("/orders");

        (await orders.Content.ReadAsStringAsync()).Should().Be("orders of " + login.GetProperty("user").GetProperty("id").GetString());
        reports.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await reports.ProblemCodeAsync()).Should().Be("forbidden");
        attributed.StatusCode.Should().Be(HttpStatusCode.OK);
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
