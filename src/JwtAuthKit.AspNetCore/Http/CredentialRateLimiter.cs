using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// Limits credential attempts per client address and <see cref="RateLimitKind"/> (OWASP ASVS 2.2.1): a fixed window per
/// address and kind, counted on the <see cref="TimeProvider"/>'s clock (System.Threading.RateLimiting's limiters run
/// on their own timers, which a test cannot advance). The address is the connection's, or the one the host's
/// forwarded-headers middleware took from a trusted proxy; IPv6 addresses count per /64 and IPv4-mapped ones as IPv4.
/// The per-account throttle (Core's <c>AccountThrottle</c>) works beside it, across addresses and nodes.
/// </summary>
internal sealed class CredentialRateLimiter(IOptions<JwtAuthKitOptions> options, TimeProvider time) : ICredentialRateLimiter
{
    private const int MaxTrackedAddresses = 100_000;
    private readonly ConcurrentDictionary<(RateLimitKind Kind, string Address), Window> _windows = new();

    /// <summary>Counts an attempt; returns when to retry if the address is over its limit for the kind, else <see langword="null"/>.</summary>
    public TimeSpan? TryAcquire(HttpContext context, RateLimitKind kind)
    {
        var limits = options.Value.RateLimits;
        var permits = LimitOf(limits, kind);
        var now = time.GetUtcNow();
        if (_windows.Count > MaxTrackedAddresses)
        {
            _windows.Clear();
        }

        var window = _windows.AddOrUpdate(
            (kind, PartitionOf(context.Connection.RemoteIpAddress)),
            _ => new Window(now, 1),
            (_, current) => now - current.Start >= limits.Window ? new Window(now, 1) : current with { Count = current.Count + 1 });
        return window.Count <= permits ? null : window.Start + limits.Window - now;
    }

    /// <summary>The bucket of an address: IPv4 as is (also when mapped into IPv6), IPv6 by its /64 prefix.</summary>
    internal static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static int LimitOf(RateLimitOptions limits, RateLimitKind kind) => kind switch
    {
        RateLimitKind.SignIn => limits.SignIn,
        RateLimitKind.SignUp => limits.SignUp,
        RateLimitKind.EmailSending => limits.EmailSending,
        RateLimitKind.Verification => limits.Verification,
        RateLimitKind.Mfa => limits.Mfa,
        RateLimitKind.Refresh => limits.Refresh,
        RateLimitKind.PasswordChange => limits.PasswordChange,
        _ => null,
    } ?? limits.PermitLimit;

    private sealed record Window(DateTimeOffset Start, int Count);
}
