using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.EntityFramework;
using JwtAuthKit.EntityFramework.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit.AspNetCore.Tests.Performance;

/// <summary>
/// Which contexts get the SQLite prepared statements on dedicated connections: JwtAuthKit's own on a file only. An
/// application's own context may configure its connections in ways a plain connection would miss, and an in-memory
/// database is a different database on every connection.
/// </summary>
public sealed class PreparedReadsEligibilityTests
{
    [Fact]
    public async Task JwtAuthKits_own_context_on_a_file_gets_them()
    {
        await using var services = Services(kit => kit.UseSqlite($"Data Source={TestHost.NewDatabasePath()}", migrateOnStartup: false));
        services.GetRequiredService<SqlitePreparedReads<SqliteJwtAuthKitDbContext>>().Enabled.Should().BeTrue();
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=shared;Mode=Memory;Cache=Shared")]
    [InlineData("Data Source=file::memory:?cache=shared")]
    public async Task An_in_memory_database_keeps_EF_Cores_queries(string connectionString)
    {
        await using var services = Services(kit => kit.UseSqlite(connectionString, migrateOnStartup: false));
        services.GetRequiredService<SqlitePreparedReads<SqliteJwtAuthKitDbContext>>().Enabled.Should().BeFalse();
    }

    [Fact]
    public async Task An_applications_own_context_keeps_EF_Cores_queries()
    {
        var file = TestHost.NewDatabasePath();
        await using var services = Services(kit =>
        {
            kit.Services.AddDbContext<ApplicationContext>(o => o.UseSqlite($"Data Source={file}"));
            kit.AddEntityFrameworkStores<ApplicationContext>();
        });
        services.GetRequiredService<SqlitePreparedReads<ApplicationContext>>().Enabled.Should().BeFalse();
    }

    private static ServiceProvider Services(Action<JwtAuthKitBuilder> storage)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        storage(services.AddJwtAuthKit(o => o.Issuer = "https://eligibility.test"));
        return services.BuildServiceProvider();
    }

    private sealed class ApplicationContext(DbContextOptions<ApplicationContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseJwtAuthKit();
    }
}
