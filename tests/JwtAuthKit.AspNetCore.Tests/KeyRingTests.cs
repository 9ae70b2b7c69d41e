using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>Where the Data Protection key ring lives, and what happens when the ring that encrypted the signing key is gone.</summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task The_key_ring_is_kept_in_the_database_unless_the_app_chose_a_store()
    {
        var database = TestHost.NewDatabasePath();
        await using (var host = await TestHost.StartAsync(databasePath: database))
        {
            (await host.Client.GetAsync("/.well-known/jwks.json")).EnsureSuccessStatusCode();
        }

        (await CountAsync(database, "jak_data_protection_keys")).Should().BeGreaterThan(0, "the ring that encrypts the signing key is stored beside it");

        var chosen = Path.Combine(Path.GetDirectoryName(TestHost.NewDatabasePath())!, "ring");
        var other = TestHost.NewDatabasePath();
        await using (var host = await TestHost.StartAsync(databasePath: other, services: s => s.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(chosen))))
        {
            (await host.Client.GetAsync("/.well-known/jwks.json")).EnsureSuccessStatusCode();
        }

        Directory.GetFiles(chosen, "key-*.xml").Should().NotBeEmpty("the app's own choice of store is used");
        (await CountAsync(other, "jak_data_protection_keys")).Should().Be(0);
    }

    [Fact]
    public async Task A_signing_key_that_cannot_be_decrypted_stops_the_start_and_says_what_to_do()
    {
        var database = TestHost.NewDatabasePath();
        await using (var first = await TestHost.StartAsync(databasePath: database))
        {
            (await first.Client.GetAsync("/.well-known/jwks.json")).EnsureSuccessStatusCode();
        }

        // Another key ring than the one that encrypted the stored signing key.
        var elsewhere = Path.Combine(Path.GetDirectoryName(TestHost.NewDatabasePath())!, "lost-ring");
        var start = () => TestHost.StartAsync(databasePath: database, services: s => s.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(elsewhere)));

        var failure = await start.Should().ThrowAsync<InvalidOperationException>();
        failure.Which.Message.Should().Contain("cannot decrypt its signing key").And.Contain("jak_data_protection_keys")
            .And.Contain("SetApplicationName").And.Contain("keys rotate");
    }

    private static async Task<long> CountAsync(string database, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
