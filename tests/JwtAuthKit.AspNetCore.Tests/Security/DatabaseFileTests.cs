using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.AspNetCore.Tests.Security;

/// <summary>The SQLite file holds password hashes, sealed refresh tokens and the key ring: only its owner may read it.</summary>
public sealed class DatabaseFileTests
{
    [Fact]
    public async Task The_database_file_and_its_wal_and_shm_files_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix modes do not exist there; the file inherits the folder's ACL.
        }

        var path = TestHost.NewDatabasePath();
        await using var host = await TestHost.StartAsync(databasePath: path);
        (await host.Client.RegisterAsync(Unique.Email())).EnsureSuccessStatusCode();

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Exists(file).Should().BeTrue(file);
            File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, file);
        }
    }

    [Fact]
    public async Task Store_connections_use_WAL_with_synchronous_NORMAL_a_busy_timeout_and_temp_store_in_memory()
    {
        await using var host = await TestHost.StartAsync();
        var contexts = host.GetRequiredService<JwtAuthKit.EntityFramework.JwtAuthKitContextSource<JwtAuthKit.EntityFramework.Sqlite.SqliteJwtAuthKitDbContext>>();

        // Twice: a pooled connection handed out again keeps the setting.
        for (var use = 0; use < 2; use++)
        {
            await using var db = contexts.Create();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            (await ScalarAsync(connection, "PRAGMA journal_mode;")).Should().Be("wal");
            (await ScalarAsync(connection, "PRAGMA synchronous;")).Should().Be("1", "1 is NORMAL (FULL is 2, SQLite's default)");
            (await ScalarAsync(connection, "PRAGMA busy_timeout;")).Should().Be("30000", "a writer from another process waits in SQLite, in short steps");
            (await ScalarAsync(connection, "PRAGMA temp_store;")).Should().Be("2", "2 is MEMORY: no temporary file per write transaction");
        }
    }

    [Fact]
    public async Task Store_connections_carry_none_of_EF_Cores_per_open_functions()
    {
        await using var host = await TestHost.StartAsync();
        var contexts = host.GetRequiredService<JwtAuthKit.EntityFramework.JwtAuthKitContextSource<JwtAuthKit.EntityFramework.Sqlite.SqliteJwtAuthKitDbContext>>();
        await using var db = contexts.Create();
        await db.Database.OpenConnectionAsync();

        // EF Core registers regexp and its decimal functions on every open; JwtAuthKit's model needs none of them.
        var call = () => ScalarAsync(db.Database.GetDbConnection(), "SELECT ef_compare(1, 2);");
        (await call.Should().ThrowAsync<Microsoft.Data.Sqlite.SqliteException>()).Which.Message.Should().Contain("no such function");
    }

    [Fact]
    public async Task Write_transactions_of_one_process_take_turns_on_SQLite_instead_of_meeting_a_busy_database()
    {
        await using var host = await TestHost.StartAsync();
        var contexts = host.GetRequiredService<JwtAuthKit.EntityFramework.JwtAuthKitContextSource<JwtAuthKit.EntityFramework.Sqlite.SqliteJwtAuthKitDbContext>>();
        await using var first = contexts.Create();
        await using var second = contexts.Create();

        var held = await contexts.BeginWriteAsync(first, default);
        var waiting = contexts.BeginWriteAsync(second, default);
        await Task.Delay(200);
        waiting.IsCompleted.Should().BeFalse("the second writer waits for the first one's turn to end");

        await held.CommitAsync(default);
        await held.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        await next.CommitAsync(default);
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
