using JwtAuthKit.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace JwtAuthKit.AspNetCore;

/// <summary>Middleware of JwtAuthKit.</summary>
public static class JwtAuthKitApplicationBuilderExtensions
{
    /// <summary>
    /// Answers CORS for JwtAuthKit's routes from each application's <c>allowed_origins</c> setting, preflights
    /// included. Call it before <c>UseAuthentication()</c> and <c>UseAuthorization()</c>, so refusals (401, 403)
    /// carry the CORS headers too and browsers let the client read them; it leaves the app's other routes alone.
    /// </summary>
    /// <param name="app">The application's pipeline.</param>
    /// <param name="pathPrefixes">The routes it answers for. <value>The default value is <c>/api/auth</c> and <c>/api/admin</c>.</value></param>
    /// <returns>The pipeline.</returns>
    public static IApplicationBuilder UseJwtAuthKitCors(this IApplicationBuilder app, params string[] pathPrefixes)
    {
        ArgumentNullException.ThrowIfNull(app);
        PathString[] scopes = pathPrefixes.Length == 0 ? ["/api/auth", "/api/admin"] : [.. pathPrefixes.Select(p => new PathString(p))];
        return app.UseMiddleware<ApplicationCorsMiddleware>((IReadOnlyList<PathString>)scopes);
    }
}
