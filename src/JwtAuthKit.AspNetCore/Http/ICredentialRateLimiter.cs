using Microsoft.AspNetCore.Http;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// The per-client-address budgets of the credential endpoints (<see cref="RateLimitOptions"/>, OWASP ASVS 2.2.1), for a
/// host's own pages that take credentials (a server-rendered sign-in form, say): an attempt counted here and one at the
/// matching HTTP endpoint draw on the same budget, so a page is no way around the API's limit. Registered by
/// <see cref="JwtAuthKitAspNetCoreBuilderExtensions.AddAspNetCore"/>.
/// </summary>
public interface ICredentialRateLimiter
{
    /// <summary>Counts one attempt of <paramref name="kind"/> from the request's client address.</summary>
    /// <param name="context">The request; its client address is the connection's, or the one a trusted proxy forwarded.</param>
    /// <param name="kind">The budget the attempt draws on.</param>
    /// <returns>How long to wait when the address is over its budget (refuse the attempt), else <see langword="null"/>.</returns>
    TimeSpan? TryAcquire(HttpContext context, RateLimitKind kind);
}
