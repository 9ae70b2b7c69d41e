using JwtAuthKit.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Sqlite;

/// <summary>Applies the SQLite migrations (once per process) and switches the file to write-ahead logging.</summary>
internal sealed class SqliteStoreInitializer(JwtAuthKitContextSource<SqliteJwtAuthKitDbContext> contexts) : IJwtAuthKitStoreInitializer, IDisposable
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _done;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _once.WaitAsync(cancellationToken);
        try
        {
            if (_done)
            {
                return;
            }

            await using var db = contexts.Create();

            // WAL lets readers go on while one writer commits, which several hosts on one file need.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            _done = true;
        }
        finally
        {
            _once.Release();
        }
    }

    public void Dispose() => _once.Dispose();
}
