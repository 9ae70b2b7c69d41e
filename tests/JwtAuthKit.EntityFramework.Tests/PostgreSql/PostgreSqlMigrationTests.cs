using JwtAuthKit.Specification;
using JwtAuthKit.Testing;
using JwtAuthKit.Users;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JwtAuthKit.EntityFramework.Tests.PostgreSql;

public sealed class PostgreSqlMigrationTests
{
    [Fact]
    public async Task Hosts_starting_together_apply_the_migrations_once_and_all_start()
    {
        var connectionString = await PostgreSqlServer.CreateDatabaseAsync();
        var providers = Enumerable.Range(0, 4).Select(_ => Services(connectionString)).ToList();

        await Rows.AtOnceAsync(providers.Count, i => Migrate(providers[i]));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var history = new NpgsqlCommand("SELECT count(*), count(DISTINCT \"MigrationId\") FROM __jak_migrations", connection);
        await using var reader = await history.ExecuteReaderAsync();
        await reader.ReadAsync();
        reader.GetInt64(0).Should().BeGreaterThan(0);
        reader.GetInt64(0).Should().Be(reader.GetInt64(1), "each migration is recorded once");
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_substring_match_of_user_search_can_be_served_by_the_trigram_indexes()
    {
        var connectionString = await PostgreSqlServer.CreateDatabaseAsync();
        await using var services = Services(connectionString);
        await Migrate(services);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        // The planner picks a sequential scan on a small table; forbidding it shows whether an index can serve the query.
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand(
            """EXPLAIN SELECT * FROM jak_users u WHERE u."Email" LIKE '%ann%' ESCAPE '\' OR lower(u."Name") LIKE '%ann%' ESCAPE '\'""",
            connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        string.Join('\n', plan).Should().Contain("IX_jak_users_Email_trgm").And.Contain("IX_jak_users_Name_trgm");
    }

    private static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJwtAuthKit(o => o.Issuer = "https://migrate.test").UsePostgreSql(connectionString);
        return services.BuildServiceProvider();
    }

    private static async Task<bool> Migrate(IServiceProvider services)
    {
        await JwtAuthKitDatabase.MigrateAsync(services, default);
        return true;
    }
}
