using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Maintenance;
using JwtAuthKit.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;

namespace JwtAuthKit.AspNetCore.Tests.Operations;

/// <summary>
/// The hourly jobs with two nodes on one database (a SQLite file, a PostgreSQL database) and one clock: both reach the
/// job's time together, and the database, not a lock in either process, lets exactly one of them do it.
/// </summary>
public sealed class ScheduledJobsTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task Two_nodes_due_for_rotation_together_make_exactly_one_key_published_before_it_signs(DatabaseKind kind)
    {
        var (nodeA, nodeB) = await TwoNodesAsync(kind);
        await using var a = nodeA;
        await using var b = nodeB;
        var oldKid = await SignedKidAsync(b);
        var rotation = new SigningKeyRotationOptions();

        // Both nodes' hourly checks fire on this step, and each node is asked once more at the same moment.
        a.Time.Advance(rotation.Interval - rotation.PrePublish + TimeSpan.FromMinutes(1));
        var asked = await Task.WhenAll(
            a.GetRequiredService<SigningKeyRotationService>().RunAsync(default),
            b.GetRequiredService<SigningKeyRotationService>().RunAsync(default));
        var keys = await SettledKeyCountAsync(a.Database);

        keys.Should().Be(2, "of every check on both nodes exactly one rotated");
        asked.Count(k => k is not null).Should().BeLessThanOrEqualTo(1);
        (await ScalarAsync(a.Database, "SELECT COUNT(*) FROM jak_signing_keys WHERE \"ActivatesAt\" IS NOT NULL")).Should().Be(1);

        // Published at once (B's ring reloads within a minute on the shared clock, at once when PostgreSQL pushes), not signing yet.
        a.Time.Advance(TimeSpan.FromMinutes(2));
        var newKid = (await JwksAsync(b)).Should().HaveCount(2).And.Subject.Single(k => k != oldKid);
        (await JwksAsync(a)).Should().Contain(newKid);
        (await SignedKidAsync(a)).Should().Be(oldKid, "the new key is only published during the pre-publish period");

        a.Time.Advance(rotation.PrePublish);
        (await SignedKidAsync(a)).Should().Be(newKid);
        (await SignedKidAsync(b)).Should().Be(newKid);
        (await JwksAsync(b)).Should().Contain(oldKid, "the old key stays published while its last tokens live");

        a.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(2));
        (await JwksAsync(b)).Should().Equal(newKid);
        (await Task.WhenAll(
            a.GetRequiredService<SigningKeyRotationService>().RunAsync(default),
            b.GetRequiredService<SigningKeyRotationService>().RunAsync(default))).Should().OnlyContain(k => k == null, "the new key is not due");
        (await ScalarAsync(a.Database, "SELECT COUNT(*) FROM jak_signing_keys")).Should().Be(2);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task Two_nodes_cleaning_up_together_delete_what_expired_and_keep_what_lives(DatabaseKind kind)
    {
        var (nodeA, nodeB) = await TwoNodesAsync(kind, o =>
        {
            o.Cleanup.Enabled = false; // the test runs the job itself, on both nodes at once
            o.Cleanup.BatchSize = 2; // so every kind takes several batches
            o.AuditRetention = TimeSpan.FromDays(30);
        });
        await using var a = nodeA;
        await using var b = nodeB;

        // Long ago: a session that has since ended (after a refresh), a reset token, a sent email, a failed guess.
        var gone = await SignUpAndRefreshAsync(a, Unique.Email("gone"));
        (await a.Client.PostAsJsonAsync("/api/auth/password/forgot", new { email = gone.Email })).EnsureSuccessStatusCode();
        (await a.Client.LoginAsync(Unique.Email("nobody"), "not the password at all")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await SentAsync(a, gone.Email);
        a.Time.Advance(TimeSpan.FromDays(92)); // past the session (90 days) and one more day

        var live = await SignUpAndRefreshAsync(b, Unique.Email("live"));
        (await b.Client.PostAsJsonAsync("/api/auth/password/forgot", new { email = live.Email })).EnsureSuccessStatusCode();
        await SentAsync(b, live.Email);
        var tokensOf = "SELECT COUNT(*) FROM jak_refresh_tokens t JOIN jak_sessions s ON s.\"Id\" = t.\"SessionId\" WHERE s.\"UserId\" = '{0}'";
        var goneTokens = await ScalarAsync(a.Database, string.Format(System.Globalization.CultureInfo.InvariantCulture, tokensOf, gone.UserId));
        var liveTokens = await ScalarAsync(a.Database, string.Format(System.Globalization.CultureInfo.InvariantCulture, tokensOf, live.UserId));
        var goneSessions = await ScalarAsync(a.Database, $"SELECT COUNT(*) FROM jak_sessions WHERE \"UserId\" = '{gone.UserId}'");
        var liveSessions = await ScalarAsync(a.Database, $"SELECT COUNT(*) FROM jak_sessions WHERE \"UserId\" = '{live.UserId}'");

        var runs = await Task.WhenAll(
            a.GetRequiredService<CleanupService>().RunAsync(default),
            b.GetRequiredService<CleanupService>().RunAsync(default));

        runs.Count(r => r is null).Should().Be(1, "one node holds this hour's lease, the other skips");
        var report = runs.Single(r => r is not null)!;
        goneSessions.Should().BeGreaterThanOrEqualTo(1);
        report[ExpiredRecords.Sessions].Should().Be((int)goneSessions);
        report[ExpiredRecords.OneTimeTokens].Should().BeGreaterThanOrEqualTo(1);
        report[ExpiredRecords.SentEmails].Should().BeGreaterThanOrEqualTo(1);
        report[ExpiredRecords.AttemptCounters].Should().Be(1);
        report[ExpiredRecords.AuditEvents].Should().BeGreaterThanOrEqualTo(2, "the old sign-up and sign-in");
        goneTokens.Should().BeGreaterThanOrEqualTo(2);
        liveTokens.Should().BeGreaterThanOrEqualTo(2, "a rotated token and its successor");
        (await ScalarAsync(a.Database, "SELECT COUNT(*) FROM jak_refresh_tokens")).Should().Be(liveTokens, "the ended sessions' tokens went with them; the live rotated one stays");
        (await ScalarAsync(a.Database, $"SELECT COUNT(*) FROM jak_sessions WHERE \"UserId\" = '{gone.UserId}'")).Should().Be(0);
        (await ScalarAsync(a.Database, $"SELECT COUNT(*) FROM jak_sessions WHERE \"UserId\" = '{live.UserId}'")).Should().Be(liveSessions);
        (await ScalarAsync(a.Database, $"SELECT COUNT(*) FROM jak_one_time_tokens WHERE \"Email\" = '{gone.Email}'")).Should().Be(0);
        (await ScalarAsync(a.Database, $"SELECT COUNT(*) FROM jak_one_time_tokens WHERE \"Email\" = '{live.Email}'")).Should().BeGreaterThanOrEqualTo(1);
        (await ScalarAsync(a.Database, $"SELECT COUNT(*) FROM jak_email_messages WHERE \"To\" = '{gone.Email}'")).Should().Be(0);
        (await ScalarAsync(a.Database, $"SELECT COUNT(*) FROM jak_email_messages WHERE \"To\" = '{live.Email}'")).Should().BeGreaterThanOrEqualTo(1);
        (await ScalarAsync(a.Database, $"SELECT COUNT(*) FROM jak_audit_events WHERE \"UserId\" = '{gone.UserId}'")).Should().Be(0);
        (await ScalarAsync(a.Database, $"SELECT COUNT(*) FROM jak_audit_events WHERE \"UserId\" = '{live.UserId}'")).Should().BeGreaterThanOrEqualTo(2);
        (await ScalarAsync(a.Database, "SELECT COUNT(*) FROM jak_attempt_counters")).Should().Be(0);

        // Reuse detection still has the rotated token it needs: the current one works, and replaying the old one revokes.
        a.Time.Advance(TimeSpan.FromSeconds(10)); // past the reuse grace window
        (await a.Client.RefreshAsync(live.Current)).StatusCode.Should().Be(HttpStatusCode.OK);
        var replay = await b.Client.RefreshAsync(live.Rotated);
        (await replay.ProblemCodeAsync()).Should().Be("refresh_token_reused");

        // The lease holds for this hour on both nodes, and is free again the next hour.
        (await a.GetRequiredService<CleanupService>().RunAsync(default)).Should().BeNull();
        (await b.GetRequiredService<CleanupService>().RunAsync(default)).Should().BeNull();
        a.Time.Advance(TimeSpan.FromHours(1));
        (await b.GetRequiredService<CleanupService>().RunAsync(default)).Should().NotBeNull();
    }

    private static async Task<(TestHost A, TestHost B)> TwoNodesAsync(DatabaseKind kind, Action<JwtAuthKitOptions>? configure = null)
    {
        var database = await TestDatabase.NewAsync(kind);
        var time = TestHost.NewClock();
        var a = await TestHost.StartAsync(configure, database: database, time: time);
        var b = await TestHost.StartAsync(configure, database: database, time: time);
        return (a, b);
    }

    private static async Task<string> SignedKidAsync(TestHost host) =>
        new JsonWebToken((await host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!).Kid;

    private static async Task<List<string>> JwksAsync(TestHost host) =>
        [.. (await (await host.Client.GetAsync("/.well-known/jwks.json")).JsonAsync()).GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!)];

    /// <summary>The number of signing keys once the nodes' background checks (real time) have had their say.</summary>
    private static async Task<long> SettledKeyCountAsync(TestDatabase database)
    {
        var watch = Stopwatch.StartNew();
        while (await ScalarAsync(database, "SELECT COUNT(*) FROM jak_signing_keys") < 2 && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        await Task.Delay(500);
        return await ScalarAsync(database, "SELECT COUNT(*) FROM jak_signing_keys");
    }

    private static async Task<(string Email, string UserId, string Rotated, string Current)> SignUpAndRefreshAsync(TestHost host, string email)
    {
        var signedIn = await host.Client.SignUpAndInAsync(email);
        var rotated = signedIn.GetProperty("refresh_token").GetString()!;
        var refreshed = await host.Client.RefreshAsync(rotated);
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        return (email, signedIn.GetProperty("user").GetProperty("id").GetString()!, rotated, (await refreshed.JsonAsync()).GetProperty("refresh_token").GetString()!);
    }

    private static async Task SentAsync(TestHost host, string email)
    {
        await host.EmailRequestsDoneAsync();
        var watch = Stopwatch.StartNew();
        while (await ScalarAsync(host.Database, $"SELECT COUNT(*) FROM jak_email_messages WHERE \"To\" = '{email}' AND \"SentAt\" IS NOT NULL") == 0
            || await ScalarAsync(host.Database, $"SELECT COUNT(*) FROM jak_email_messages WHERE \"To\" = '{email}' AND \"SentAt\" IS NULL") > 0)
        {
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the outbox delivers every message to the address");
            host.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(50);
        }
    }

    private static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = database.NewConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
