using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HostApp.Tests;

/// <summary>
/// The issue's walk-through as a new user does it: with the host running, create an application from the command
/// line, use its keys to sign a user up, make them an admin, and list users as that admin; and an operator account.
/// </summary>
public sealed partial class AdministrationWalkthroughTests
{
    [Fact]
    public async Task An_application_created_on_the_command_line_is_administered_with_its_keys()
    {
        await using var host = await HostProcess.StartAsync();

        var (exitCode, output) = await HostProcess.RunToEndAsync(host.Directory, "apps", "create", "--name", "shop");
        exitCode.Should().Be(0, output);
        var publishable = KeyLine().Match(output).Groups["pk"].Value;
        var secret = SecretLine().Match(output).Groups["sk"].Value;
        publishable.Should().StartWith("pk_");
        secret.Should().StartWith("sk_");

        using var app = host.NewClient(publishable);
        var signUp = await app.PostAsJsonAsync("/api/auth/register", new { email = "owner@shop.example", password = "correct horse battery staple" });
        signUp.StatusCode.Should().Be(HttpStatusCode.Created, await signUp.Content.ReadAsStringAsync());
        var userId = (await ReadAsync(signUp)).GetProperty("user").GetProperty("id").GetString();

        using var server = host.NewClient();
        server.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await server.PutAsJsonAsync($"/api/admin/users/{userId}/roles", new { roles = new[] { "admin" } })).StatusCode.Should().Be(HttpStatusCode.OK);

        var login = await ReadAsync(await app.PostAsJsonAsync("/api/auth/login", new { email = "owner@shop.example", password = "correct horse battery staple" }));
        login.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("admin");
        using var admin = host.NewClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("access_token").GetString());
        var users = await ReadAsync(await admin.GetAsync("/api/admin/users"));
        users.GetProperty("total").GetInt32().Should().Be(1);
        users.GetProperty("items")[0].GetProperty("email").GetString().Should().Be("owner@shop.example");

        var (again, refused) = await HostProcess.RunToEndAsync(host.Directory, "apps", "create", "--name", "shop");
        again.Should().Be(1);
        refused.Should().Contain("already exists");
        (await HostProcess.RunToEndAsync(host.Directory, "apps", "create")).ExitCode.Should().Be(2);
    }

    [Fact]
    public async Task An_operator_created_on_the_command_line_signs_in_to_the_platform_api()
    {
        await using var host = await HostProcess.StartAsync();

        var (exitCode, output) = await HostProcess.RunWithInputAsync(host.Directory, "operator passphrase 2026\n", "operators", "create", "--email", "ops@example.com");
        exitCode.Should().Be(0, output);
        output.Should().NotContain("operator passphrase 2026");

        using var client = host.NewClient();
        var login = await client.PostAsJsonAsync("/api/platform/login", new { email = "ops@example.com", password = "operator passphrase 2026" });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await ReadAsync(login)).GetProperty("access_token").GetString());
        var apps = await ReadAsync(await client.GetAsync("/api/platform/apps"));
        apps.EnumerateArray().Select(a => a.GetProperty("name").GetString()).Should().Equal("default");

        var (weakExit, weak) = await HostProcess.RunWithInputAsync(host.Directory, "password\n", "operators", "create", "--email", "weak@example.com");
        weakExit.Should().Be(1);
        weak.Should().Contain("weak_password");
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [GeneratedRegex(@"publishable_key:\s+(?<pk>pk_\S+)")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"secret_key:\s+(?<sk>sk_\S+)")]
    private static partial Regex SecretLine();
}
