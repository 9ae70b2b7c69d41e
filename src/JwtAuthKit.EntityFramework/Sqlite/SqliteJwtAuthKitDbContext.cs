using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Sqlite;

/// <summary>The JwtAuthKit context on SQLite, with the SQLite migrations shipped in this package.</summary>
public sealed class SqliteJwtAuthKitDbContext : JwtAuthKitDbContext
{
    /// <summary>The table that records which of JwtAuthKit's migrations were applied, apart from the application's own.</summary>
    public const string MigrationsHistoryTable = "__jak_migrations";

    /// <summary>Creates the context.</summary>
    /// <param name="options">The options.</param>
    public SqliteJwtAuthKitDbContext(DbContextOptions<SqliteJwtAuthKitDbContext> options)
        : base(options)
    {
    }

    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        LeanSqliteRelationalConnection.Use(options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(MigrationsHistoryTable)))
            .AddInterceptors(new SqliteConnectionPragmas());
}
