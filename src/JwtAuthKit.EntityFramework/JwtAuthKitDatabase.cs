using JwtAuthKit.EntityFramework.Providers;
using JwtAuthKit.EntityFramework.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit.EntityFramework;

/// <summary>Database operations a host runs outside the request path (the host's <c>migrate</c> command, its readiness check).</summary>
public static class JwtAuthKitDatabase
{
    /// <summary>Applies pending migrations of the database JwtAuthKit owns (<c>UseSqlite</c>, <c>UsePostgreSql</c>).</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public static Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IJwtAuthKitMigrator>().MigrateAsync(cancellationToken);

    /// <summary>
    /// Whether the database JwtAuthKit's stores use (any provider) answers and has every migration of this build: what a
    /// readiness probe needs. Never throws for an unreachable database; it says so in the result.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The database's status.</returns>
    public static Task<JwtAuthKitDatabaseStatus> CheckAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IDatabaseProbe>().CheckAsync(cancellationToken);
}
