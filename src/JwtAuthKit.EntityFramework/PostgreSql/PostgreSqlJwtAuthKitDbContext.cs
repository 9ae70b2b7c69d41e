using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.PostgreSql;

/// <summary>The JwtAuthKit context on PostgreSQL, with the PostgreSQL migrations shipped in this package.</summary>
public sealed class PostgreSqlJwtAuthKitDbContext : JwtAuthKitDbContext
{
    /// <summary>The table that records which of JwtAuthKit's migrations were applied, apart from the application's own.</summary>
    public const string MigrationsHistoryTable = "__jak_migrations";

    /// <summary>Creates the context.</summary>
    /// <param name="options">The options.</param>
    public PostgreSqlJwtAuthKitDbContext(DbContextOptions<PostgreSqlJwtAuthKitDbContext> options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // User search is a range read on these columns ([prefix, prefix + 1)). Byte order ("C") makes the range mean
        // "starts with", as on SQLite, and lets the B-tree index serve it whatever the database's default collation.
        modelBuilder.Entity<Users.User>().Property(u => u.Email).UseCollation("C");
        modelBuilder.Entity<Users.User>().Property<string?>(Stores.UserSearchName.Property).UseCollation("C");
    }

    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(PostgreSqlConnectionDefaults.Apply(connectionString), npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable));
}
