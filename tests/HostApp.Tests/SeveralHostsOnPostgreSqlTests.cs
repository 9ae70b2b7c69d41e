using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using JwtAuthKit.Testing;
using Npgsql;

namespace HostApp.Tests;

/// <summary>
/// Two host processes started together on one new PostgreSQL database (<c>JwtAuthKit:Database:Provider=PostgreSql</c>),
/// as nodes behind a load balancer: they migrate it once between them and see each other's changes at once.
/// </summary>
public sealed class SeveralHostsOnPostgreSqlTests
{
    private const string Password = "correct horse battery staple";
    private const string Issuer = "--JwtAuthKit:Issuer=https://auth.test";

    [Fact]
    public async Task Sign_in_on_A_refresh_on_B_sign_out_on_B_and_A_refuses_the_access_token_within_one_second()
    {
        var (connectionString, startA, startB) = await StartTogetherAsync();
        await using var a = await startA;
        await using var b = await startB;
        using var onA = a.NewClient();
        using var onB = b.NewClient();
        (await onA.PostAsJsonAsync("/api/auth/register", new { email = "nodes@example.com", password = Password })).EnsureSuccessStatusCode();
        var signedIn = await JsonAsync(await onA.PostAsJsonAsync("/api/auth/login", new { email = "nodes@example.com", password = Password }));

        var refreshed = await JsonAsync(await onB.PostAsJsonAsync("/api/auth/token/refresh", new { refresh_token = signedIn.GetProperty("refresh_token").GetString() }));
        var token = refreshed.GetProperty("access_token").GetString()!;
        (await SendAsync(onA, HttpMethod.Get, "/api/auth/me", token)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync(onB, HttpMethod.Post, "/api/auth/logout", token)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var watch = Stopwatch.StartNew();
        HttpStatusCode onAStatus;
        do
        {
            onAStatus = (await SendAsync(onA, HttpMethod.Get, "/api/auth/me", token)).StatusCode;
        }
        while (onAStatus == HttpStatusCode.OK && watch.Elapsed < TimeSpan.FromSeconds(3));

        onAStatus.Should().Be(HttpStatusCode.Unauthorized);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "PostgreSQL pushes the revocation to every node");
        (await SendAsync(onA, HttpMethod.Get, "/api/auth/me", signedIn.GetProperty("access_token").GetString()!)).StatusCode
            .Should().Be(HttpStatusCode.Unauthorized, "the session's older access token is refused too");
        (await CountAsync(connectionString, "SELECT count(*) - count(DISTINCT \"MigrationId\") FROM __jak_migrations")).Should().Be(0, "each migration was applied once");
    }

    [Fact]
    public async Task The_per_account_throttle_counts_failures_made_on_both_hosts()
    {
        var (_, startA, startB) = await StartTogetherAsync();
        await using var a = await startA;
        await using var b = await startB;
        using var onA = a.NewClient();
        using var onB = b.NewClient();
        (await onA.PostAsJsonAsync("/api/auth/register", new { email = "throttle@example.com", password = Password })).EnsureSuccessStatusCode();

        for (var i = 0; i < 5; i++)
        {
            var login = await (i % 2 == 0 ? onA : onB).PostAsJsonAsync("/api/auth/login", new { email = "throttle@example.com", password = "not the password at all" });
            login.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await onB.PostAsJsonAsync("/api/auth/login", new { email = "throttle@example.com", password = Password })).StatusCode
            .Should().Be(HttpStatusCode.TooManyRequests, "three failures on A and two on B make five");
    }

    private static async Task<(string ConnectionString, Task<HostProcess> A, Task<HostProcess> B)> StartTogetherAsync()
    {
        var connectionString = await PostgreSqlServer.CreateDatabaseAsync();
        string[] args = ["--JwtAuthKit:Database:Provider=PostgreSql", $"--JwtAuthKit:Database:ConnectionString={connectionString}", Issuer];
        return (connectionString, HostProcess.StartAsync(null, Home(), args), HostProcess.StartAsync(null, Home(), args));
    }

    private static Dictionary<string, string> Home()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jak-host-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new() { ["HOME"] = folder };
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
