using JwtAuthKit.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace JwtAuthKit.AspNetCore.OpenApi;

/// <summary>Route-table conventions: the codes a handler's service may answer, and the per-kind rate limit.</summary>
internal static class OpenApiRouteExtensions
{
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params string[] codes) =>
        builder.WithMetadata(new ProblemCodesMetadata(codes));

    /// <summary>Counts the route against the client address's budget of <paramref name="kind"/>; declares 429 <c>rate_limited</c>.</summary>
    public static RouteHandlerBuilder WithRateLimit(this RouteHandlerBuilder builder, RateLimitKind kind) =>
        builder.AddEndpointFilter(new CredentialRateLimitFilter(kind)).WithMetadata(new ProblemCodesMetadata([JwtAuthKitErrors.RateLimited]));
}
