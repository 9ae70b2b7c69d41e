using JwtAuthKit.Specification;
using JwtAuthKit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit.EntityFramework.Tests;

/// <summary>JwtAuthKit's services on <c>UseSqlite</c>, on a new file, migrated.</summary>
public sealed class SqliteStoreFixture : StoreFixture
{
    protected override Task<IServiceProvider> CreateServicesAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), "jak-tests", Guid.NewGuid().ToString("N"), "auth.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return StoreServices.BuildAsync(kit => kit.UseSqlite($"Data Source={file}"));
    }
}

/// <summary>
/// JwtAuthKit's stores on an application's own context over a SQLite file (<c>AddEntityFrameworkStores</c>), which
/// keeps EF Core's queries and transactions for the hot paths where JwtAuthKit's own context uses statements prepared
/// on dedicated connections.
/// </summary>
public sealed class SqliteApplicationContextFixture : StoreFixture
{
    protected override async Task<IServiceProvider> CreateServicesAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), "jak-tests", Guid.NewGuid().ToString("N"), "app.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<ApplicationContext>(o => o.UseSqlite($"Data Source={file}"));
        services.AddJwtAuthKit(o => o.Issuer = "https://stores.test").AddEntityFrameworkStores<ApplicationContext>();
        var provider = services.BuildServiceProvider();
        using (var scope = provider.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApplicationContext>().Database.EnsureCreatedAsync();
        }

        return provider;
    }

    /// <summary>An application's context with JwtAuthKit's model in it.</summary>
    public sealed class ApplicationContext(DbContextOptions<ApplicationContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseJwtAuthKit();
    }
}

/// <summary>JwtAuthKit's services on <c>UsePostgreSql</c>, on a new database of the test server, migrated.</summary>
public sealed class PostgreSqlStoreFixture : StoreFixture
{
    protected override async Task<IServiceProvider> CreateServicesAsync()
    {
        var connectionString = await PostgreSqlServer.CreateDatabaseAsync();
        return await StoreServices.BuildAsync(kit => kit.UsePostgreSql(connectionString));
    }
}

internal static class StoreServices
{
    public static async Task<IServiceProvider> BuildAsync(Action<JwtAuthKitBuilder> storage)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        storage(services.AddJwtAuthKit(o => o.Issuer = "https://stores.test"));
        var provider = services.BuildServiceProvider();
        await JwtAuthKitDatabase.MigrateAsync(provider, default);
        return provider;
    }
}
