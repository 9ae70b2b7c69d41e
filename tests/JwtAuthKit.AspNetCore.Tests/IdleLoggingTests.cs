using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>An embedded app that serves no requests stays quiet: JwtAuthKit's background polls log only at Debug.</summary>
public sealed class IdleLoggingTests
{
    [Fact]
    public async Task An_idle_embedded_app_logs_nothing_at_Information()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await TestHost.StartAsync(services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs)));
        (await host.Client.GetAsync("/.well-known/jwks.json")).EnsureSuccessStatusCode();

        // The server logs "Request finished" after the response has reached the client: wait for it before clearing, or on
        // a busy machine it lands after Clear and reads as idle-time logging (a CI run saw it after a 1.3 s request).
        for (var waited = 0; waited < 100 && !logs.Entries.Any(e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.EventId.Id == 2); waited++)
        {
            await Task.Delay(50);
        }

        logs.Clear();

        // Twenty seconds of the app's clock: the revocation poll (2 s), the outbox poll and the key reload all run.
        for (var step = 0; step < 40; step++)
        {
            host.Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(20);
        }

        await Task.Delay(200);
        var entries = logs.Entries;
        entries.Where(e => e.Category.StartsWith("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal))
            .Should().HaveCountGreaterThan(10, "the polls ran and queried the database");
        entries.Where(e => e.Level >= LogLevel.Information).Should().BeEmpty("an idle app is quiet at Information");
    }
}
