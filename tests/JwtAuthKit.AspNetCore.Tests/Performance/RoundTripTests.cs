using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.AspNetCore.Tests.Performance;

/// <summary>
/// How many SQL commands the hot paths send, counted from EF Core's <c>CommandExecuted</c> events: a refresh with
/// rotation and an authenticated <c>GET /me</c>. The numbers are upper bounds; a change that adds a statement to either
/// path should be a decision (docs/decisions.md), not an accident.
/// </summary>
public sealed class RoundTripTests
{
    private const int CommandExecuted = 20101; // RelationalEventId.CommandExecuted

    [Fact]
    public async Task A_refresh_with_rotation_sends_two_commands_on_sqlite_and_me_one()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await TestHost.StartAsync(services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs)));
        var login = await host.Client.SignUpAndInAsync(Unique.Email());
        var token = login.GetProperty("access_token").GetString()!;
        var first = await (await host.Client.RefreshAsync(login.GetProperty("refresh_token").GetString()!)).JsonAsync(); // warms the application cache
        (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).EnsureSuccessStatusCode();
        logs.Clear();

        var refreshed = await host.Client.RefreshAsync(first.GetProperty("refresh_token").GetString()!);
        var refresh = Commands(logs);
        logs.Clear();
        var me = await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token);
        var profile = Commands(logs);

        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        me.StatusCode.Should().Be(HttpStatusCode.OK);

        // The token, its session and its user in one read; then, in the group commit's write transaction (SQLite), one
        // command: the conditional consume, the successor's insert and the session's last use, the last two only when
        // the consume changed a row.
        refresh.Select(Verb).Should().Equal(["SELECT", "UPDATE"], string.Join("\n---\n", refresh));
        refresh[0].Should().Contain("jak_sessions").And.Contain("jak_users");
        var rotation = refresh[1].Split('\n', 2)[1];
        rotation.Should().Contain("\"ConsumedAt\" IS NULL").And.Contain("INSERT INTO \"jak_refresh_tokens\"").And.Contain("UPDATE \"jak_sessions\"");
        rotation.Split("changes() = 1").Should().HaveCount(3, "the insert and the session's update each run only when the consume won");
        profile.Select(Verb).Should().Equal(["SELECT"], string.Join("\n---\n", profile));
    }

    private static string Verb(string logged) =>
        logged.Split('\n', 2)[1].TrimStart().Split(' ', 2)[0];

    private static List<string> Commands(CapturingLoggerProvider logs) =>
        [.. logs.Entries.Where(e => e.EventId.Id == CommandExecuted).Select(e => e.Message)];
}
