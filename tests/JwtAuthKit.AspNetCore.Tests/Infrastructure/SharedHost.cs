namespace JwtAuthKit.AspNetCore.Tests.Infrastructure;

/// <summary>One embedded host for a test class, on SQLite; tests keep apart by using their own email addresses.</summary>
public class SharedHost : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    protected virtual DatabaseKind Database => DatabaseKind.Sqlite;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(database: await TestDatabase.NewAsync(Database));

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>One embedded host for a test class, on its own PostgreSQL database.</summary>
public sealed class PostgreSqlSharedHost : SharedHost
{
    protected override DatabaseKind Database => DatabaseKind.PostgreSql;
}
