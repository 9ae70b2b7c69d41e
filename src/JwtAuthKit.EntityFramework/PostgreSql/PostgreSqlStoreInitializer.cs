using JwtAuthKit.EntityFramework.Providers;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JwtAuthKit.EntityFramework.PostgreSql;

/// <summary>
/// Applies the migrations once per process and, across hosts started together, one host at a time: a session-level
/// advisory lock, held on a connection of its own while the migrations run, makes the others wait and then find nothing
/// left to apply. The lock ends with its connection, so a host killed while migrating blocks no one.
/// </summary>
internal sealed class PostgreSqlStoreInitializer(JwtAuthKitContextSource<PostgreSqlJwtAuthKitDbContext> contexts, PostgreSqlConnectionString connectionString) : OncePerProcessMigrator
{
    /// <summary>The advisory lock's key, the ASCII of "JakMigra": fixed for all versions, so old and new hosts exclude each other.</summary>
    internal const long MigrationLockKey = 0x4A616B4D69677261;

    protected override async Task MigrateOnceAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await using var lockConnection = new NpgsqlConnection(connectionString.Value);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            acquire.Parameters.AddWithValue("key", MigrationLockKey);
            // Wait as long as the host that holds it migrates (over the 30 s default on a loaded machine); start-up's
            // cancellation still ends the wait, and a holder that dies releases the lock with its connection.
            acquire.CommandTimeout = 0;
            await acquire.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
