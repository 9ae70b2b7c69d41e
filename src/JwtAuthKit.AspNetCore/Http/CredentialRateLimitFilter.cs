using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>Answers 429 <c>rate_limited</c> with <c>Retry-After</c> once a client IP used up its attempts.</summary>
internal sealed class CredentialRateLimitFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var limiter = context.HttpContext.RequestServices.GetRequiredService<CredentialRateLimiter>();
        if (limiter.TryAcquire(context.HttpContext) is not { } retryAfter)
        {
            return next(context);
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        return ValueTask.FromResult<object?>(HttpErrors.RateLimited(seconds).ToProblem());
    }
}
