using JwtAuthKit.EntityFramework.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit.EntityFramework;

/// <summary>Database operations a host runs outside the request path (the host's <c>migrate</c> command).</summary>
public static class JwtAuthKitDatabase
{
    /// <summary>Applies pending migrations of the database JwtAuthKit owns (<c>UseSqlite</c>, <c>UsePostgreSql</c>).</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public static Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IJwtAuthKitMigrator>().MigrateAsync(cancellationToken);
}
