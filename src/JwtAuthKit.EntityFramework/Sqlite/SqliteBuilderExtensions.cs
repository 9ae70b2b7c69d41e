using JwtAuthKit.EntityFramework.Sqlite;

namespace JwtAuthKit.EntityFramework;

/// <content>The SQLite provider's entry point.</content>
public static partial class JwtAuthKitEntityFrameworkBuilderExtensions
{
    /// <summary>
    /// Stores everything, the Data Protection key ring included, in a SQLite database of JwtAuthKit's own, with the
    /// migrations shipped in this package (applied at start unless <paramref name="migrateOnStartup"/> is
    /// <see langword="false"/>; their history is kept in <c>__jak_migrations</c>, apart from the application's own).
    /// </summary>
    /// <param name="builder">The JwtAuthKit builder.</param>
    /// <param name="connectionString">For example <c>Data Source=auth.db</c>; it may be the application's own database file.</param>
    /// <param name="migrateOnStartup">Whether to apply migrations when the host starts.</param>
    /// <returns>The builder.</returns>
    public static JwtAuthKitBuilder UseSqlite(this JwtAuthKitBuilder builder, string connectionString, bool migrateOnStartup = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return UseOwnedContext<SqliteJwtAuthKitDbContext, SqliteStoreInitializer>(
            builder, o => SqliteJwtAuthKitDbContext.Configure(o, connectionString), migrateOnStartup);
    }
}
