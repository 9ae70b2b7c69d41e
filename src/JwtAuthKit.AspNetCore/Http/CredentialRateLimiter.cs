using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// Limits sign-in and sign-up attempts per client IP address (OWASP ASVS 2.2.1) with
/// <c>System.Threading.RateLimiting</c>; held by JwtAuthKit so embedders need no extra middleware.
/// </summary>
internal sealed class CredentialRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public CredentialRateLimiter(IOptions<JwtAuthKitOptions> options)
    {
        var limits = options.Value.RateLimits;
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    public TimeSpan? TryAcquire(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
    }

    public void Dispose() => _limiter.Dispose();
}
