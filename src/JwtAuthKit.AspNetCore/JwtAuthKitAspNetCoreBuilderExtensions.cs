using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Authentication;
using JwtAuthKit.AspNetCore.Authorization;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.AspNetCore.OpenApi;
using JwtAuthKit.Roles;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JwtAuthKit.AspNetCore;

/// <summary>ASP.NET Core for <see cref="JwtAuthKitBuilder"/>: <c>services.AddJwtAuthKit(…).AddAspNetCore()</c>.</summary>
public static class JwtAuthKitAspNetCoreBuilderExtensions
{
    /// <summary>
    /// Adds what the HTTP API needs on top of JwtAuthKit's services: the <c>JwtAuthKit</c> authentication scheme for
    /// access tokens (the default scheme unless the application chose another, so <c>[Authorize]</c>,
    /// <c>RequireAuthorization()</c> and <c>RequireRole()</c> work with them), the API-key scheme of the admin API, the
    /// <see cref="JwtAuthKitPolicies"/> and <c>RequirePermission</c> policies, and the OpenAPI document
    /// <c>/openapi/jwtauthkit.json</c> (served once the application calls <c>app.MapOpenApi()</c>). Safe to call twice.
    /// </summary>
    /// <param name="builder">The builder <c>AddJwtAuthKit()</c> returned.</param>
    /// <returns>The builder.</returns>
    public static JwtAuthKitBuilder AddAspNetCore(this JwtAuthKitBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(AspNetCoreMarker)))
        {
            return builder;
        }

        services.AddSingleton<AspNetCoreMarker>();
        services.TryAddSingleton<CredentialRateLimiter>();
        services.TryAddSingleton<ICredentialRateLimiter>(static sp => sp.GetRequiredService<CredentialRateLimiter>());

        // Email requests start their per-address work once the HTTP answer is out (no enumeration by timing).
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Singleton<JwtAuthKit.Hosting.ICallerAnswer, HttpResponseCallerAnswer>());
        services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, SecurityHeaders.StartupFilter>();
        services.AddAuthentication()
            .AddScheme<JwtAuthKitAuthenticationOptions, JwtAuthKitAuthenticationHandler>(JwtAuthKitDefaults.AuthenticationScheme, null)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(JwtAuthKitDefaults.ApiKeyAuthenticationScheme, null);
        services.PostConfigure<AuthenticationOptions>(o => o.DefaultScheme ??= JwtAuthKitDefaults.AuthenticationScheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(JwtAuthKitPolicies.SignedIn, policy => policy
                .AddAuthenticationSchemes(JwtAuthKitDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(JwtAuthKitPolicies.PlatformOperator, policy => policy
                .AddAuthenticationSchemes(JwtAuthKitDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim("aud", PlatformApplication.ClientId)
                .RequireRole(BuiltInRoles.Admin))
            .AddPolicy(JwtAuthKitPolicies.PlatformAccount, policy => policy
                .AddAuthenticationSchemes(JwtAuthKitDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim("aud", PlatformApplication.ClientId));

        // Permission policies are built on demand from their names; the provider falls back to the default one.
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, PermissionAuthorizationHandler>());
        JwtAuthKitOpenApi.Add(services);
        return builder;
    }

    /// <summary>Whether <see cref="AddAspNetCore"/> was called on these services.</summary>
    internal static bool IsAdded(IServiceProvider services) => services.GetService<AspNetCoreMarker>() is not null;

    /// <summary>Marks that the one-time registrations were done, so calling twice is safe.</summary>
    private sealed class AspNetCoreMarker;
}
