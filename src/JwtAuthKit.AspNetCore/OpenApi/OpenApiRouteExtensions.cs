using JwtAuthKit.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace JwtAuthKit.AspNetCore.OpenApi;

/// <summary>Route-table conventions: the codes a handler's service may answer, and the credential rate limit.</summary>
internal static class OpenApiRouteExtensions
{
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params string[] codes) =>
        builder.WithMetadata(new ProblemCodesMetadata(codes));

    public static RouteHandlerBuilder WithCredentialRateLimit(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<CredentialRateLimitFilter>().WithMetadata(new ProblemCodesMetadata([JwtAuthKitErrors.RateLimited]));
}
