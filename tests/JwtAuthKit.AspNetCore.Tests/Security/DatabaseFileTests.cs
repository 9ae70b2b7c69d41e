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
    public async Task Store_connections_use_WAL_with_synchronous_NORMAL()
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
        }
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
