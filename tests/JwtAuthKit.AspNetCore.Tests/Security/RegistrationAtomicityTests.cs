using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace JwtAuthKit.AspNetCore.Tests.Security;

/// <summary>A new account and its verification email are one transaction: no account is left that never gets its email.</summary>
public sealed class RegistrationAtomicityTests
{
    [Fact]
    public async Task Sign_up_stores_user_token_and_email_together_and_a_failed_email_write_leaves_no_user()
    {
        await using var host = await TestHost.StartAsync();
        var first = Unique.Email();
        var second = Unique.Email();

        // A sign-up leaves all three rows.
        (await host.Client.RegisterAsync(first)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await CountAsync(host, "jak_users", "Email", first)).Should().Be(1);
        (await CountAsync(host, "jak_one_time_tokens", "Email", first)).Should().Be(1);
        (await CountAsync(host, "jak_email_messages", "To", first)).Should().Be(1);

        // The outbox refuses writes (a real database failure, raised inside SQLite)…
        await ExecuteAsync(host, "CREATE TRIGGER jak_test_outbox_down BEFORE INSERT ON jak_email_messages BEGIN SELECT RAISE(ABORT, 'outbox unavailable'); END;");
        var failed = await host.Client.RegisterAsync(second);

        // …so the sign-up fails as an outage, and leaves neither the user nor its token behind.
        failed.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await CountAsync(host, "jak_users", "Email", second)).Should().Be(0);
        (await CountAsync(host, "jak_one_time_tokens", "Email", second)).Should().Be(0);

        // Once the outbox works again, the same address can sign up.
        await ExecuteAsync(host, "DROP TRIGGER jak_test_outbox_down;");
        (await host.Client.RegisterAsync(second)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    private static async Task<long> CountAsync(TestHost host, string table, string column, string value)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" = $value";
        command.Parameters.AddWithValue("$value", value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(TestHost host, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
