using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// Answers 429 <c>rate_limited</c> with <c>Retry-After</c> once a client address used up its attempts of one kind, and
/// sets <c>Retry-After</c> on a service's own 429 (the per-account throttle), from the problem's <c>retry_after</c>.
/// </summary>
internal sealed class CredentialRateLimitFilter(RateLimitKind kind) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var limiter = context.HttpContext.RequestServices.GetRequiredService<CredentialRateLimiter>();
        if (limiter.TryAcquire(context.HttpContext, kind) is { } retryAfter)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            SetRetryAfter(context.HttpContext, seconds);
            return HttpErrors.RateLimited(seconds).ToProblem();
        }

        var result = await next(context);
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is ProblemHttpResult { ProblemDetails.Extensions: var extensions } && extensions.TryGetValue(ProblemResults.RetryAfterExtension, out var value) && value is int wait)
        {
            SetRetryAfter(context.HttpContext, wait);
        }

        return result;
    }

    private static void SetRetryAfter(HttpContext context, int seconds) =>
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
}
