using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Sqlite;

/// <summary>The JwtAuthKit context on SQLite, with the SQLite migrations shipped in this package.</summary>
public sealed class SqliteJwtAuthKitDbContext : JwtAuthKitDbContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">The options.</param>
    public SqliteJwtAuthKitDbContext(DbContextOptions<SqliteJwtAuthKitDbContext> options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.UseJwtAuthKitSqliteConventions();
    }
}
