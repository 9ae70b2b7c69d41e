using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.EntityFramework.Sqlite;
using JwtAuthKit.EntityFramework.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.AspNetCore.Tests.Performance;

/// <summary>
/// How many SQL commands the hot paths send, counted from EF Core's <c>CommandExecuted</c> events and the SQLite
/// prepared reads' own (<see cref="SqlitePreparedReads{TContext}"/>): a refresh with rotation and an authenticated
/// <c>GET /me</c>. The numbers are upper bounds; a change that adds a statement to either
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
        refresh[0].Should().StartWith("Executed prepared read", "on SQLite the lookup is the prepared statement");
        refresh[1].Should().StartWith("Executed prepared rotation", "and the rotation runs on the group commit's own connection");
        profile[0].Should().StartWith("Executed prepared read").And.Contain("jak_users");
    }

    [Fact]
    public async Task A_password_sign_in_resets_the_throttle_only_when_it_counted_a_failure_and_records_only_the_sign_in_columns()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await TestHost.StartAsync(services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs)));
        var email = Unique.Email();
        (await host.Client.RegisterAsync(email)).EnsureSuccessStatusCode();
        (await host.Client.LoginAsync(email)).EnsureSuccessStatusCode(); // warms the application cache
        logs.Clear();

        (await host.Client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK);
        var clean = Commands(logs);
        (await host.Client.LoginAsync(email, "not the password at all")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        logs.Clear();
        (await host.Client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK);
        var afterFailure = Commands(logs);
        logs.Clear();
        (await host.Client.LoginAsync(email, "not the password at all")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var failure = Commands(logs);

        // The throttle read and the user by address (at the same time), then one transaction: the session, its refresh
        // token, the audit event and the sign-in's own conditional UPDATE (which is also the race check: no re-read of the
        // user when it lands). No DELETE of a counter that the read saw was not there.
        clean.Select(Verb).Should().Equal(["SELECT", "SELECT", "INSERT", "INSERT", "INSERT", "UPDATE"], string.Join("\n---\n", clean));
        clean.Where(c => Verb(c) == "INSERT").Should().ContainSingle(c => c.Contains("jak_audit_events"), "the audit event goes with the session");
        var update = clean[5].Split('\n', 2)[1];
        update.Should().Contain("jak_users").And.Contain("\"LastLoginAt\"").And.Contain("\"ConcurrencyStamp\" =");
        update.Should().NotContain("\"Email\" =").And.NotContain("\"PasswordHash\" =", "only the sign-in's columns are written");
        afterFailure.Should().Contain(c => Verb(c) == "DELETE" && c.Contains("jak_attempt_counters"), "a success after a counted failure resets the count");

        // And the reset did happen: five further failures are free again, as after any success.
        failure.Should().Contain(c => Verb(c) == "INSERT" && c.Contains("INSERT INTO \"jak_attempt_counters\""),
            "the failure after the reset starts a new counter: the old one was deleted");
        for (var i = 0; i < 4; i++)
        {
            (await host.Client.LoginAsync(email, "not the password at all")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task The_prepared_reads_are_prepared_once_not_per_request()
    {
        await using var host = await TestHost.StartAsync();
        var reads = host.GetRequiredService<SqlitePreparedReads<SqliteJwtAuthKitDbContext>>();
        var login = await host.Client.SignUpAndInAsync(Unique.Email());
        var token = login.GetProperty("access_token").GetString()!;
        var refreshToken = login.GetProperty("refresh_token").GetString()!;
        reads.Enabled.Should().BeTrue("the test host runs on a SQLite file");
        var before = reads.PreparedCount;

        for (var i = 0; i < 10; i++)
        {
            var refreshed = await (await host.Client.RefreshAsync(refreshToken)).JsonAsync();
            refreshToken = refreshed.GetProperty("refresh_token").GetString()!;
            (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).EnsureSuccessStatusCode();
        }

        // 20 reads one after the other share a connection and its two statements; a background job's read at the same
        // moment may open one more connection.
        (reads.PreparedCount - before).Should().BeLessThanOrEqualTo(2);
        reads.PreparedCount.Should().BeGreaterThan(0);
    }

    private static string Verb(string logged) =>
        logged.Split('\n', 2)[1].TrimStart().Split(' ', 2)[0];

    private static List<string> Commands(CapturingLoggerProvider logs) =>
        [.. logs.Entries.Where(e => e.EventId.Id is CommandExecuted or SqlitePreparedReads<SqliteJwtAuthKitDbContext>.ReadExecutedEventId
            or SqliteRotationBatch<SqliteJwtAuthKitDbContext>.RotationExecutedEventId).Select(e => e.Message)];
}
