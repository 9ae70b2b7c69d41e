using JwtAuthKit.Caching;
using JwtAuthKit.EntityFramework.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace JwtAuthKit.EntityFramework;

/// <content>The PostgreSQL provider's entry point.</content>
public static partial class JwtAuthKitEntityFrameworkBuilderExtensions
{
    /// <summary>
    /// Stores everything, the Data Protection key ring included, in a PostgreSQL database, with the migrations shipped in
    /// this package (applied at start unless <paramref name="migrateOnStartup"/> is <see langword="false"/>, by one host at
    /// a time under an advisory lock; their history is kept in <c>__jak_migrations</c>). Several hosts may share the
    /// database: revocations and role changes reach every node at once through <c>LISTEN/NOTIFY</c>.
    /// </summary>
    /// <param name="builder">The JwtAuthKit builder.</param>
    /// <param name="connectionString">An Npgsql connection string, for example <c>Host=db;Database=auth;Username=auth;Password=…</c>.</param>
    /// <param name="migrateOnStartup">Whether to apply migrations when the host starts.</param>
    /// <returns>The builder.</returns>
    public static JwtAuthKitBuilder UsePostgreSql(this JwtAuthKitBuilder builder, string connectionString, bool migrateOnStartup = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        UseOwnedContext<PostgreSqlJwtAuthKitDbContext, PostgreSqlStoreInitializer>(
            builder, o => PostgreSqlJwtAuthKitDbContext.Configure(o, connectionString), migrateOnStartup);
        var services = builder.Services;
        services.Replace(ServiceDescriptor.Singleton(new PostgreSqlConnectionString(connectionString)));
        services.TryAddSingleton<PostgreSqlChangeFeed>();
        services.Replace(ServiceDescriptor.Singleton<IChangeFeed>(sp => sp.GetRequiredService<PostgreSqlChangeFeed>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgreSqlChangeFeed>(sp => sp.GetRequiredService<PostgreSqlChangeFeed>()));
        return builder;
    }
}
