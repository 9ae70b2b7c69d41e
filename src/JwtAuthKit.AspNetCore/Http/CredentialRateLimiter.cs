using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// Limits sign-in and sign-up attempts per client IP address (OWASP ASVS 2.2.1): a fixed window per address, counted on
/// the <see cref="TimeProvider"/>'s clock, held by JwtAuthKit so embedders need no extra middleware.
/// </summary>
internal sealed class CredentialRateLimiter(IOptions<JwtAuthKitOptions> options, TimeProvider time)
{
    private const int MaxTrackedAddresses = 100_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts an attempt; returns when to retry if the address is over its limit, else <see langword="null"/>.</summary>
    public TimeSpan? TryAcquire(HttpContext context)
    {
        var limits = options.Value.RateLimits;
        var now = time.GetUtcNow();
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (_windows.Count > MaxTrackedAddresses)
        {
            _windows.Clear();
        }

        var window = _windows.AddOrUpdate(
            address,
            _ => new Window(now, 1),
            (_, current) => now - current.Start >= limits.Window ? new Window(now, 1) : current with { Count = current.Count + 1 });
        return window.Count <= limits.PermitLimit ? null : window.Start + limits.Window - now;
    }

    private sealed record Window(DateTimeOffset Start, int Count);
}
