namespace JwtAuthKit.EntityFramework.Providers;

/// <summary>
/// Applies the migrations of the database JwtAuthKit owns (<c>UseSqlite</c>, <c>UsePostgreSql</c>), once per process,
/// in the way its provider needs (file mode and journal on SQLite, an advisory lock across hosts on PostgreSQL).
/// </summary>
internal interface IJwtAuthKitMigrator
{
    Task MigrateAsync(CancellationToken cancellationToken);
}
