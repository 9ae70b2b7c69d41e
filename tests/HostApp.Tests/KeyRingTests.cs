using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace HostApp.Tests;

/// <summary>
/// The Data Protection key ring that encrypts signing keys lives in the database, so a host restarted on another
/// machine (a new, empty HOME) and a second host on the same database both read the signing keys.
/// </summary>
public sealed class KeyRingTests
{
    private const string Password = "correct horse battery staple";

    // The issuer stays the same across starts (without it, each start's random port would be the issuer).
    private const string Issuer = "--JwtAuthKit:Issuer=https://auth.test";

    [Fact]
    public async Task A_restart_with_an_empty_home_keeps_validating_old_tokens_and_signs_new_ones()
    {
        var directory = NewFolder();
        string oldToken;
        await using (var first = await HostProcess.StartAsync(directory, Home(), Issuer))
        {
            using var client = first.NewClient();
            (await client.PostAsJsonAsync("/api/auth/register", new { email = "restart@example.com", password = Password })).EnsureSuccessStatusCode();
            oldToken = await SignInAsync(client, "restart@example.com");
        }

        await using var second = await HostProcess.StartAsync(directory, Home(), Issuer);
        using var again = second.NewClient();

        (await MeAsync(again, oldToken)).StatusCode.Should().Be(HttpStatusCode.OK, "a token signed before the restart still validates");
        var newToken = await SignInAsync(again, "restart@example.com");
        (await MeAsync(again, newToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        second.Output.Should().NotContain("was not found in the key ring");
    }

    [Fact]
    public async Task Two_hosts_on_one_database_validate_each_others_tokens()
    {
        var database = Path.Combine(NewFolder(), "shared.db");
        var connection = $"--ConnectionStrings:JwtAuthKit=Data Source={database}";
        await using var first = await HostProcess.StartAsync(NewFolder(), Home(), connection, Issuer);
        await using var second = await HostProcess.StartAsync(NewFolder(), Home(), connection, Issuer);
        using var onFirst = first.NewClient();
        using var onSecond = second.NewClient();

        (await onFirst.PostAsJsonAsync("/api/auth/register", new { email = "a@example.com", password = Password })).EnsureSuccessStatusCode();
        (await onSecond.PostAsJsonAsync("/api/auth/register", new { email = "b@example.com", password = Password })).EnsureSuccessStatusCode();
        var fromFirst = await SignInAsync(onFirst, "a@example.com");
        var fromSecond = await SignInAsync(onSecond, "b@example.com");

        (await MeAsync(onSecond, fromFirst)).StatusCode.Should().Be(HttpStatusCode.OK, "the second host validates the first host's token");
        (await MeAsync(onFirst, fromSecond)).StatusCode.Should().Be(HttpStatusCode.OK, "and the other way round");
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jak-host-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    // A HOME of its own for every start: nothing survives in the user's profile between them.
    private static Dictionary<string, string> Home() => new() { ["HOME"] = NewFolder() };

    private static async Task<string> SignInAsync(HttpClient client, string email)
    {
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.StatusCode.Should().Be(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    private static Task<HttpResponseMessage> MeAsync(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }
}
