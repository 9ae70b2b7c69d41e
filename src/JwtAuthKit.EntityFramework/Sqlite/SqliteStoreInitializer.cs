using JwtAuthKit.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Sqlite;

/// <summary>Applies the SQLite migrations at start and switches the file to write-ahead logging.</summary>
internal sealed class SqliteStoreInitializer(IDbContextFactory<SqliteJwtAuthKitDbContext> factory) : IJwtAuthKitStoreInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        // WAL lets readers go on while one writer commits, which several hosts on one file need.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
