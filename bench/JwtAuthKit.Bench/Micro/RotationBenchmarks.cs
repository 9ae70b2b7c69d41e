using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using JwtAuthKit.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit.Bench.Micro;

/// <summary>
/// Refresh-token rotation against the session store alone (no HTTP, no token issue): what one refresh asks of the
/// database — find the presented token by its hash, then the conditional rotation that consumes it and stores its
/// successor — on SQLite and PostgreSQL.
/// </summary>
[MemoryDiagnoser]
public class RotationBenchmarks
{
    private ISessionStore _store = null!;
    private string _currentId = null!;
    private string _currentHash = null!;
    private string _sessionId = null!;
    private readonly byte[] _sealed = new byte[80];

    [Params("Sqlite", "PostgreSql")]
    public string Provider { get; set; } = "Sqlite";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var host = await MicroHost.GetAsync(Provider);
        _store = host.Services.GetRequiredService<ISessionStore>();
        var applications = host.Services.GetRequiredService<Applications.IApplicationStore>();
        var application = (await applications.FindByNameAsync("bench", CancellationToken.None))!;
        var now = DateTimeOffset.UtcNow;
        _sessionId = Guid.NewGuid().ToString();
        var first = NewToken(now);
        await _store.CreateAsync(new Session
        {
            Id = _sessionId,
            ApplicationId = application.Id,
            UserId = host.UserId,
            AuthenticationMethods = "pwd",
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = now.AddDays(30),
        }, first, CancellationToken.None);
        _currentId = first.Id;
        _currentHash = first.TokenHash;
        RandomNumberGenerator.Fill(_sealed);
    }

    [Benchmark(Description = "refresh rotation (ISessionStore find + TryRotate)")]
    public async Task<bool> Rotate()
    {
        var now = DateTimeOffset.UtcNow;
        var match = await _store.FindRefreshTokenAsync(_currentHash, CancellationToken.None)
            ?? throw new InvalidOperationException("The current refresh token was not found.");
        var successor = NewToken(now);
        if (!await _store.TryRotateAsync(_currentId, now, _sealed, successor, CancellationToken.None))
        {
            throw new InvalidOperationException($"Rotation of {match.GetType().Name} refused.");
        }

        _currentId = successor.Id;
        _currentHash = successor.TokenHash;
        return true;
    }

    private RefreshToken NewToken(DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid().ToString(),
        SessionId = _sessionId,
        TokenHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
        CreatedAt = now,
        ExpiresAt = now.AddDays(30),
    };
}
