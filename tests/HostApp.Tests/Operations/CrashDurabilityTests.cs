using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JwtAuthKit.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HostApp.Tests.Operations;

/// <summary>
/// SIGKILL in the middle of a burst of sign-ups and refreshes, on each database: after a restart every sign-up the host
/// acknowledged is there, every refresh token it handed out still refreshes, and the database is sound.
/// </summary>
public sealed class CrashDurabilityTests
{
    private const string Password = "correct horse battery staple";
    private const int Workers = 8;

    // A refresh whose answer was lost in the crash may have committed: the client retries with the token it sent, and the
    // reuse grace window (here long enough to span the restart) answers with the same successor instead of a reuse alarm.
    private const string GraceWindow = "--JwtAuthKit:RefreshTokenReuseGraceWindow=00:01:00";

    // One loopback client makes the whole burst: the per-IP budgets would refuse it long before the kill.
    private const string NoIpBudget = "--JwtAuthKit:RateLimits:PermitLimit=1000000";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task After_SIGKILL_mid_burst_every_acknowledged_sign_up_and_refresh_token_survives_and_the_database_is_sound(string provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "jak-host-tests", Guid.NewGuid().ToString("N"));
        var connectionString = provider == "PostgreSql" ? await PostgreSqlServer.CreateDatabaseAsync() : null;
        string[] args = connectionString is null
            ? [GraceWindow, NoIpBudget]
            : ["--JwtAuthKit:Database:Provider=PostgreSql", $"--JwtAuthKit:Database:ConnectionString={connectionString}", GraceWindow, NoIpBudget];

        var signedUp = new ConcurrentBag<string>();
        var latestRefreshToken = new string?[Workers];
        var refreshes = 0;
        await using (var host = await HostProcess.StartAsync(directory, args))
        {
            using var stop = new CancellationTokenSource();
            var burst = Enumerable.Range(0, Workers).Select(worker => Task.Run(() => WorkAsync(host, worker, stop.Token))).ToArray();

            // Kill once the burst is well under way: some sign-ups and several rounds of refreshes acknowledged.
            for (var i = 0; i < 600 && (signedUp.Count < 3 * Workers || Volatile.Read(ref refreshes) < 5 * Workers); i++)
            {
                await Task.Delay(50);
            }

            await host.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(burst);
            signedUp.Count.Should().BeGreaterThanOrEqualTo(3 * Workers, "the burst ran before the kill:\n" + host.Output);
        }

        await using (var restarted = await HostProcess.StartAsync(directory, args))
        {
            using var client = restarted.NewClient();
            foreach (var email in signedUp)
            {
                var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
                login.StatusCode.Should().Be(HttpStatusCode.OK, $"{email} was acknowledged before the kill: {await login.Content.ReadAsStringAsync()}");
            }

            foreach (var token in latestRefreshToken.Where(t => t is not null))
            {
                var refresh = await client.PostAsJsonAsync("/api/auth/token/refresh", new { refresh_token = token });
                refresh.StatusCode.Should().Be(HttpStatusCode.OK, $"an acknowledged refresh token still refreshes: {await refresh.Content.ReadAsStringAsync()}");
            }
        }

        if (connectionString is null)
        {
            (await SqliteIntegrityAsync(Path.Combine(directory, "jwtauthkit.db"))).Should().Be("ok");
        }
        else
        {
            await PostgreSqlIndexesAreSoundAsync(connectionString);
        }

        // Each worker signs up new users and, in between, rotates one session's refresh token as fast as it can. Nothing counts
        // as acknowledged until its answer has arrived; whatever was under way at the kill is simply lost to the client.
        async Task WorkAsync(HostProcess host, int worker, CancellationToken stopToken)
        {
            using var client = host.NewClient();
            try
            {
                var email = $"session{worker}@example.com";
                (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password }, stopToken)).EnsureSuccessStatusCode();
                signedUp.Add(email);
                var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password }, stopToken);
                latestRefreshToken[worker] = (await ReadAsync(login, stopToken)).GetProperty("refresh_token").GetString();
                for (var n = 0; !stopToken.IsCancellationRequested; n++)
                {
                    if (n % 3 == 0)
                    {
                        var newcomer = $"burst{worker}-{n}@example.com";
                        var register = await client.PostAsJsonAsync("/api/auth/register", new { email = newcomer, password = Password }, stopToken);
                        register.StatusCode.Should().Be(HttpStatusCode.Created);
                        signedUp.Add(newcomer);
                    }
                    else
                    {
                        var refresh = await client.PostAsJsonAsync("/api/auth/token/refresh", new { refresh_token = latestRefreshToken[worker] }, stopToken);
                        latestRefreshToken[worker] = (await ReadAsync(refresh, stopToken)).GetProperty("refresh_token").GetString();
                        Interlocked.Increment(ref refreshes);
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                // The connection died with the host.
            }
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        response.IsSuccessStatusCode.Should().BeTrue(text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string> SqliteIntegrityAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>PostgreSQL's own checker (<c>amcheck</c>) reads every B-tree index of our tables against its heap.</summary>
    private static async Task PostgreSqlIndexesAreSoundAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var extension = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS amcheck", connection))
        {
            await extension.ExecuteNonQueryAsync();
        }

        await using var check = new NpgsqlCommand(
            """
            SELECT count(*) FROM (
              SELECT bt_index_check(index => c.oid, heapallindexed => true)
              FROM pg_index i
              JOIN pg_class c ON c.oid = i.indexrelid
              JOIN pg_am am ON am.oid = c.relam AND am.amname = 'btree'
              JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public') checked
            """, connection);
        ((long)(await check.ExecuteScalarAsync())!).Should().BeGreaterThan(5, "every B-tree index was checked without an error");
    }
}
