using JwtAuthKit.AspNetCore.Endpoints;
using Microsoft.AspNetCore.Routing;

namespace JwtAuthKit.AspNetCore;

/// <summary>Maps JwtAuthKit's HTTP API. Each group can be mapped alone, so an embedder can leave any out.</summary>
public static class JwtAuthKitEndpointRouteBuilderExtensions
{
    /// <summary>Maps every JwtAuthKit endpoint group: the end-user, admin and platform APIs, JWKS and discovery.</summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="configure">Changes the prefixes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapJwtAuthKitEndpoints(this IEndpointRouteBuilder endpoints, Action<JwtAuthKitEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        EnsureAdded(endpoints);
        var options = new JwtAuthKitEndpointOptions();
        configure?.Invoke(options);
        endpoints.MapJwtAuthKitAuth(options.AuthPrefix);
        endpoints.MapJwtAuthKitAdmin(options.AdminPrefix);
        endpoints.MapJwtAuthKitPlatform(options.PlatformPrefix);
        endpoints.MapJwtAuthKitDiscovery();
        endpoints.MapJwtAuthKitFallbackPages();
        return endpoints;
    }

    /// <summary>
    /// Maps the plain pages that complete emailed links (<c>/auth/verify-email</c>, <c>/auth/reset-password</c>,
    /// <c>/auth/magic-link</c>) for applications without pages of their own.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapJwtAuthKitFallbackPages(this IEndpointRouteBuilder endpoints)
    {
        Pages.FallbackPages.Map(endpoints);
        return endpoints;
    }

    /// <summary>
    /// Maps the dev mailbox (<c>/dev/mailbox</c>), which shows the mail kept in the database when no mail server is
    /// configured. It shows live links, so it answers only connections from this machine that carry no forwarding
    /// header (<c>X-Forwarded-For</c>, <c>Forwarded</c>, <c>X-Real-IP</c>, <c>X-Forwarded-Host</c>); anything else gets 404.
    /// Map it only in development.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapJwtAuthKitDevMailbox(this IEndpointRouteBuilder endpoints)
    {
        Pages.DevMailboxPages.Map(endpoints);
        return endpoints;
    }

    /// <summary>Maps the end-user API (register, login, refresh, logout, me, password, sessions).</summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="prefix">The route prefix. <value>The default value is <c>/api/auth</c>.</value></param>
    /// <returns>The route group, for further conventions.</returns>
    public static RouteGroupBuilder MapJwtAuthKitAuth(this IEndpointRouteBuilder endpoints, string prefix = "/api/auth") =>
        AuthEndpoints.Map(EnsureAdded(endpoints), prefix);

    /// <summary>
    /// Maps an application's administration API (users, roles, settings, audit events), authorized by the
    /// application's secret key or by a user token whose roles grant the permission each route names.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="prefix">The route prefix. <value>The default value is <c>/api/admin</c>.</value></param>
    /// <returns>The route group, for further conventions.</returns>
    public static RouteGroupBuilder MapJwtAuthKitAdmin(this IEndpointRouteBuilder endpoints, string prefix = "/api/admin") =>
        AdminEndpoints.Map(EnsureAdded(endpoints), prefix);

    /// <summary>
    /// Maps the operators' API: sign-in of operator accounts, client applications and their API keys. Operators
    /// are created with the host's <c>operators create</c> command.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="prefix">The route prefix. <value>The default value is <c>/api/platform</c>.</value></param>
    /// <returns>The route group, for further conventions.</returns>
    public static RouteGroupBuilder MapJwtAuthKitPlatform(this IEndpointRouteBuilder endpoints, string prefix = "/api/platform") =>
        PlatformEndpoints.Map(EnsureAdded(endpoints), prefix);

    /// <summary>Maps <c>/.well-known/jwks.json</c> and <c>/.well-known/openid-configuration</c>.</summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapJwtAuthKitDiscovery(this IEndpointRouteBuilder endpoints)
    {
        DiscoveryEndpoints.Map(EnsureAdded(endpoints));
        return endpoints;
    }

    private static IEndpointRouteBuilder EnsureAdded(IEndpointRouteBuilder endpoints) =>
        JwtAuthKitAspNetCoreBuilderExtensions.IsAdded(endpoints.ServiceProvider)
            ? endpoints
            : throw new InvalidOperationException(
                "JwtAuthKit's endpoints need its ASP.NET Core services: call builder.Services.AddJwtAuthKit(…).AddAspNetCore() before building the app.");
}
