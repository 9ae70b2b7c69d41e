using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// API.md's cookie transport for browser apps: with <c>X-Refresh-Token-Transport: cookie</c> the refresh token travels in
/// an <c>HttpOnly</c>, <c>SameSite=Strict</c> cookie limited to the end-user API's path instead of the body, so page
/// scripts never see it. A request that relies on the cookie must send the header too, which a cross-site form cannot.
/// </summary>
internal static class RefreshTokenCookie
{
    public const string TransportHeader = "X-Refresh-Token-Transport";
    public const string Name = "jak_refresh_token";

    public static bool Requested(HttpRequest request) =>
        string.Equals(request.Headers[TransportHeader].ToString(), "cookie", StringComparison.OrdinalIgnoreCase);

    public static string? Read(HttpRequest request) => request.Cookies.TryGetValue(Name, out var value) && value.Length > 0 ? value : null;

    public static void Write(HttpContext context, string path, string token, int maxAgeSeconds) =>
        context.Response.Cookies.Append(Name, token, Options(context, path, TimeSpan.FromSeconds(maxAgeSeconds)));

    public static void Clear(HttpContext context, string path) => context.Response.Cookies.Delete(Name, Options(context, path, null));

    // Secure except in plain-HTTP development on another host than loopback (browsers treat http://localhost as
    // secure): behind a TLS-terminating proxy the request may look like HTTP, and the cookie must still be Secure.
    private static CookieOptions Options(HttpContext context, string path, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps || IsLoopback(context.Request.Host.Host)
            || context.RequestServices.GetService<IHostEnvironment>()?.IsDevelopment() != true,
        SameSite = SameSiteMode.Strict,
        Path = context.Request.PathBase.Add(path).Value,
        MaxAge = maxAge,
        IsEssential = true,
    };

    private static bool IsLoopback(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1" || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
}
