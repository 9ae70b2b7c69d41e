using System.Data.Common;
using JwtAuthKit.EntityFramework;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using JwtAuthKit.Testing;

namespace JwtAuthKit.AspNetCore.Tests.Infrastructure;

/// <summary>The databases the HTTP suite runs on.</summary>
public enum DatabaseKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// One database for one or more test hosts: a new SQLite file, or a new database on the test process's PostgreSQL server.
/// Hosts given the same <see cref="TestDatabase"/> share it, as nodes behind a load balancer do.
/// </summary>
public sealed class TestDatabase
{
    private TestDatabase(DatabaseKind kind, string connectionString, string? sqlitePath)
    {
        Kind = kind;
        ConnectionString = connectionString;
        SqlitePath = sqlitePath;
    }

    public DatabaseKind Kind { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file, for tests that read it directly; <see langword="null"/> on PostgreSQL.</summary>
    public string? SqlitePath { get; }

    public static TestDatabase Sqlite(string? path = null)
    {
        path ??= TestHost.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new TestDatabase(DatabaseKind.Sqlite, $"Data Source={path}", path);
    }

    public static async Task<TestDatabase> NewAsync(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => Sqlite(),
        _ => new TestDatabase(DatabaseKind.PostgreSql, await PostgreSqlServer.CreateDatabaseAsync("jak_migrated", MigrateAsync), null),
    };

    /// <summary>Applies JwtAuthKit's PostgreSQL migrations, as a host does at start.</summary>
    private static async Task MigrateAsync(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJwtAuthKit(o => o.Issuer = TestHost.Issuer).UsePostgreSql(connectionString);
        await using var provider = services.BuildServiceProvider();
        await JwtAuthKitDatabase.MigrateAsync(provider, default);
    }

    /// <summary>A new, closed connection to the database, for tests that look at what is stored.</summary>
    public DbConnection NewConnection() => Kind == DatabaseKind.Sqlite
        ? new SqliteConnection(ConnectionString + ";Pooling=False")
        : new NpgsqlConnection(ConnectionString);

    public JwtAuthKitBuilder Use(JwtAuthKitBuilder kit) => Kind == DatabaseKind.Sqlite ? kit.UseSqlite(ConnectionString) : kit.UsePostgreSql(ConnectionString);
}
