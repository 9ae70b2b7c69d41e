namespace JwtAuthKit.AspNetCore.Tests.Infrastructure;

/// <summary>One embedded host for a test class; tests keep apart by using their own email addresses.</summary>
public sealed class SharedHost : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
