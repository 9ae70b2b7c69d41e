using System.Globalization;
using JwtAuthKit.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>
/// The dashboard's credential forms draw on the same per-address budgets as the HTTP API (<see cref="ICredentialRateLimiter"/>):
/// signing in on the page and at <c>/api/platform/login</c> count together. A refused attempt answers the page itself
/// with 429, <c>Retry-After</c> and a message above the form, not an error page.
/// </summary>
internal static class DashboardRateLimit
{
    /// <summary>Counts an attempt; when the address is over its budget, prepares the refusal and returns <see langword="false"/>.</summary>
    public static bool TryAcquire(PageModel page, RateLimitKind kind)
    {
        var limiter = page.HttpContext.RequestServices.GetRequiredService<ICredentialRateLimiter>();
        if (limiter.TryAcquire(page.HttpContext, kind) is not { } wait)
        {
            return true;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        page.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        page.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        page.ModelState.AddModelError("", Message(seconds));
        return false;
    }

    public static string Message(int seconds) =>
        $"Too many attempts from your network. Wait {(seconds == 1 ? "a second" : seconds < 60 ? $"{seconds} seconds" : $"{(seconds + 59) / 60} minute{((seconds + 59) / 60 == 1 ? "" : "s")}")} and try again.";
}
