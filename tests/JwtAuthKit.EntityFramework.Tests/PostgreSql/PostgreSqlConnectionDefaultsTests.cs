using JwtAuthKit.EntityFramework.PostgreSql;
using JwtAuthKit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JwtAuthKit.EntityFramework.Tests.PostgreSql;

/// <summary>
/// The provider turns on Npgsql's automatic preparation and turns off the reset of pooled connections unless the
/// connection string says otherwise.
/// </summary>
public sealed class PostgreSqlConnectionDefaultsTests
{
    [Theory]
    [InlineData("Host=db;Database=auth", 20)]
    [InlineData("Host=db;Database=auth;", 20)]
    [InlineData("Host=db;Database=auth;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;maxautoprepare=5;Database=auth", 5)]
    [InlineData("Host=db;MAX AUTO PREPARE=7", 7)]
    public void A_connection_string_gets_automatic_preparation_unless_it_sets_its_own(string given, int expected)
    {
        var applied = PostgreSqlConnectionDefaults.Apply(given);

        new NpgsqlConnectionStringBuilder(applied).MaxAutoPrepare.Should().Be(expected);
        applied.Should().StartWith(given.TrimEnd(';'), "the rest of the string is kept exactly as given");
    }

    [Theory]
    [InlineData("Host=db;Database=auth", true)]
    [InlineData("Host=db;Database=auth;No Reset On Close=false", false)]
    [InlineData("Host=db;noresetonclose=False;Database=auth", false)]
    [InlineData("Host=db;Max Auto Prepare=0;NO RESET ON CLOSE=true", true)]
    public void A_pooled_connection_is_not_reset_unless_the_connection_string_asks_for_it(string given, bool expected)
    {
        var applied = PostgreSqlConnectionDefaults.Apply(given);

        var settings = new NpgsqlConnectionStringBuilder(applied);
        settings.NoResetOnClose.Should().Be(expected);
        applied.Should().StartWith(given.TrimEnd(';'), "the rest of the string is kept exactly as given");
    }

    [Fact]
    public void A_connection_string_that_sets_both_is_kept_exactly()
    {
        const string given = "Host=db;Database=auth;Max Auto Prepare=3;No Reset On Close=false;";

        PostgreSqlConnectionDefaults.Apply(given).Should().Be(given);
    }

    [Fact]
    public async Task The_statements_a_connection_repeats_are_prepared_on_the_server()
    {
        var connectionString = await PostgreSqlServer.CreateDatabaseAsync();
        await using var services = (ServiceProvider)await StoreServices.BuildAsync(kit => kit.UsePostgreSql(connectionString));
        var contexts = services.GetRequiredService<JwtAuthKitContextSource<PostgreSqlJwtAuthKitDbContext>>();
        await using var db = contexts.Create();
        await db.Database.OpenConnectionAsync();

        for (var i = 0; i < 10; i++)
        {
            (await db.Set<Users.User>().AsNoTracking().CountAsync(u => u.ApplicationId == "none")).Should().Be(0);
        }

        var prepared = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM pg_prepared_statements").SingleAsync();
        prepared.Should().BeGreaterThan(0, "Npgsql prepares a statement once it has run it a few times on a connection");
        var settings = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        settings.MaxAutoPrepare.Should().Be(PostgreSqlConnectionDefaults.MaxAutoPrepare);
        settings.NoResetOnClose.Should().BeTrue("the provider's own pool skips the reset of a returned connection");
    }
}
