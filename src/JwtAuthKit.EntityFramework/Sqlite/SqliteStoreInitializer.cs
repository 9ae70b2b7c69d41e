using JwtAuthKit.EntityFramework.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Sqlite;

/// <summary>
/// Creates the SQLite file readable by its owner only (it holds password hashes, sealed refresh tokens and the key ring),
/// applies the migrations (once per process) and switches the file to write-ahead logging.
/// </summary>
internal sealed class SqliteStoreInitializer(JwtAuthKitContextSource<SqliteJwtAuthKitDbContext> contexts) : OncePerProcessMigrator
{
    protected override async Task MigrateOnceAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        CreateOwnerOnlyFile(db.Database.GetConnectionString());

        // WAL lets readers go on while one writer commits, which several hosts on one file need.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// Creates a missing database file with mode 0600 before SQLite opens it (SQLite would create it 0644 under the usual
    /// umask); SQLite gives its -wal and -shm files the mode of the database file. An existing file is left as it is:
    /// its owner chose its mode. OWASP ASVS 8.3 (sensitive data at rest), CWE-732.
    /// </summary>
    internal static void CreateOwnerOnlyFile(string? connectionString)
    {
        if (OperatingSystem.IsWindows() || string.IsNullOrEmpty(connectionString))
        {
            return;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString);
        var path = builder.DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:" || builder.Mode is SqliteOpenMode.Memory or SqliteOpenMode.ReadOnly
            || path.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || File.Exists(path))
        {
            return;
        }

        try
        {
            using var file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another host created it first.
        }
    }
}
