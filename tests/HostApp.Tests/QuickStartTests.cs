using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using JwtAuthKit.EntityFramework.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HostApp.Tests;

/// <summary>The host as the README's quick start runs it.</summary>
public sealed class QuickStartTests
{
    [Fact]
    public async Task The_host_runs_on_SQLite_with_no_configuration_and_serves_the_whole_flow()
    {
        await using var host = await HostProcess.StartAsync();
        using var client = host.NewClient();

        // One application exists, so the key may be left out (the embedded case).
        (await client.PostAsJsonAsync("/api/auth/register", new { email = "quick@example.com", password = "correct horse battery staple" })).StatusCode.Should().Be(HttpStatusCode.Created);
        var login = await ReadAsync(await client.PostAsJsonAsync("/api/auth/login", new { email = "quick@example.com", password = "correct horse battery staple" }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("access_token").GetString());
        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        var refreshed = await ReadAsync(await client.PostAsJsonAsync("/api/auth/token/refresh", new { refresh_token = login.GetProperty("refresh_token").GetString() }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.GetProperty("access_token").GetString());
        (await client.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        File.Exists(Path.Combine(host.Directory, "jwtauthkit.db")).Should().BeTrue();
        var discovery = await ReadAsync(await host.NewClient().GetAsync("/.well-known/openid-configuration"));
        discovery.GetProperty("issuer").GetString().Should().Be(host.Address.ToString().TrimEnd('/'), "the issuer follows --urls");
    }

    [Fact]
    public async Task The_default_application_keys_are_logged_once_and_no_password_or_token_ever_is()
    {
        var directory = Path.Combine(Path.GetTempPath(), "jak-host-tests", Guid.NewGuid().ToString("N"));
        string firstOutput;
        string refreshToken;
        await using (var first = await HostProcess.StartAsync(directory))
        {
            using var client = first.NewClient();
            await client.PostAsJsonAsync("/api/auth/register", new { email = "logs@example.com", password = "a secret passphrase" });
            var login = await ReadAsync(await client.PostAsJsonAsync("/api/auth/login", new { email = "logs@example.com", password = "a secret passphrase" }));
            refreshToken = login.GetProperty("refresh_token").GetString()!;
            await client.PostAsJsonAsync("/api/auth/login", new { email = "logs@example.com", password = "a wrong passphrase" });
            firstOutput = first.Output;
        }

        await using var second = await HostProcess.StartAsync(directory);

        Regex.Count(firstOutput, "Secret key").Should().Be(1);
        second.Output.Should().NotContain("Secret key", "the keys are written only when the application is created");
        foreach (var secret in new[] { "a secret passphrase", "a wrong passphrase", refreshToken, "eyJ" })
        {
            (firstOutput + second.Output).Should().NotContain(secret);
        }
    }

    [Fact]
    public async Task The_migrate_command_creates_the_schema_and_exits()
    {
        var directory = Path.Combine(Path.GetTempPath(), "jak-host-tests", Guid.NewGuid().ToString("N"));

        var (exitCode, output) = await HostProcess.RunToEndAsync(directory, "migrate");

        exitCode.Should().Be(0, output);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "jwtauthkit.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'jak_%' ORDER BY name";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        await using var model = new SqliteJwtAuthKitDbContext(
            new DbContextOptionsBuilder<SqliteJwtAuthKitDbContext>().UseSqlite("Data Source=:memory:").Options);
        var modelTables = model.Model.GetEntityTypes().Select(type => type.GetTableName()!).Distinct().ToList();
        modelTables.Should().Contain(["jak_users", "jak_applications", "jak_sessions", "jak_refresh_tokens", "jak_signing_keys"]);
        tables.Should().BeEquivalentTo(modelTables, "every table of the model is created by the shipped migrations");
    }

    [Fact]
    public async Task The_keys_rotate_command_publishes_a_second_key_that_signs_from_then_on()
    {
        var directory = Path.Combine(Path.GetTempPath(), "jak-host-tests", Guid.NewGuid().ToString("N"));
        string firstKid;
        await using (var before = await HostProcess.StartAsync(directory))
        {
            firstKid = (await ReadAsync(await before.NewClient().GetAsync("/.well-known/jwks.json"))).GetProperty("keys")[0].GetProperty("kid").GetString()!;
        }

        var (exitCode, output) = await HostProcess.RunToEndAsync(directory, "keys", "rotate");

        exitCode.Should().Be(0, output);
        await using var after = await HostProcess.StartAsync(directory);
        var kids = (await ReadAsync(await after.NewClient().GetAsync("/.well-known/jwks.json"))).GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        kids.Should().HaveCount(2).And.Contain(firstKid);
        output.Should().Contain(kids.Single(k => k != firstKid));
    }

    [Fact]
    public async Task Invalid_configuration_stops_the_host_with_every_problem_named()
    {
        var directory = Path.Combine(Path.GetTempPath(), "jak-host-tests", Guid.NewGuid().ToString("N"));

        var (exitCode, output) = await HostProcess.RunToEndAsync(directory, "--urls", $"http://127.0.0.1:{HostProcess.FreePort()}",
            "--JwtAuthKit:Issuer", "nope", "--JwtAuthKit:Applications:0:Name", "x", "--JwtAuthKit:Applications:0:Settings:PasswordMinLength", "3");

        exitCode.Should().NotBe(0);
        output.Should().Contain("JwtAuthKit:Issuer").And.Contain("password_min_length");
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
