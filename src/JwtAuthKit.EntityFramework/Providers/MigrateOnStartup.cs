using JwtAuthKit.Hosting;

namespace JwtAuthKit.EntityFramework.Providers;

/// <summary>Runs the owned database's migrator when the host starts, before anything else reads the database.</summary>
internal sealed class MigrateOnStartup(IJwtAuthKitMigrator migrator) : IJwtAuthKitStoreInitializer
{
    public Task InitializeAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);
}
