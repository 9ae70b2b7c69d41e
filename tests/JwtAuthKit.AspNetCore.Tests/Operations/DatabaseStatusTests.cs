using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.EntityFramework;
using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit.AspNetCore.Tests.Operations;

/// <summary>What the host's <c>/readyz</c> asks of the database: reachable, and every migration applied.</summary>
public sealed class DatabaseStatusTests
{
    [Fact]
    public async Task A_new_database_has_pending_migrations_until_it_is_migrated()
    {
        var path = TestHost.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, []); // an empty file is an empty SQLite database
        await using var services = Services($"Data Source={path}");

        var before = await JwtAuthKitDatabase.CheckAsync(services, CancellationToken.None);
        await JwtAuthKitDatabase.MigrateAsync(services, CancellationToken.None);
        var after = await JwtAuthKitDatabase.CheckAsync(services, CancellationToken.None);

        before.Reachable.Should().BeTrue();
        before.PendingMigrations.Should().NotBeEmpty();
        before.Ready.Should().BeFalse();
        after.Ready.Should().BeTrue();
        after.PendingMigrations.Should().BeEmpty();
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_is_reported_unreachable_without_its_path()
    {
        var missingFolder = Path.Combine(Path.GetTempPath(), "jak-tests", Guid.NewGuid().ToString("N"), "missing", "auth.db");
        await using var services = Services($"Data Source={missingFolder};Mode=ReadWrite");

        var status = await JwtAuthKitDatabase.CheckAsync(services, CancellationToken.None);

        status.Reachable.Should().BeFalse();
        status.Ready.Should().BeFalse();
        status.Problem.Should().NotBeNullOrEmpty().And.NotContain(missingFolder);
    }

    private static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJwtAuthKit(o => o.Issuer = TestHost.Issuer).UseSqlite(connectionString, migrateOnStartup: false);
        return services.BuildServiceProvider();
    }
}
