using JwtAuthKit.AspNetCore;
using JwtAuthKit.AspNetCore.Authentication;
using JwtAuthKit.AspNetCore.Authorization;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JwtAuthKit;

/// <summary>The entry point: <c>services.AddJwtAuthKit(...)</c>.</summary>
public static class JwtAuthKitServiceCollectionExtensions
{
    /// <summary>
    /// Adds JwtAuthKit with options bound from a configuration section (normally <c>JwtAuthKit</c>), validated at
    /// start: its services, its authentication scheme (the default one unless the application chose another),
    /// the <see cref="JwtAuthKitPolicies.SignedIn"/> policy, and Data Protection for signing keys.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The <c>JwtAuthKit</c> configuration section.</param>
    /// <param name="configure">Further changes to the options, applied after the configuration.</param>
    /// <returns>The builder, for storage and replacements.</returns>
    public static JwtAuthKitBuilder AddJwtAuthKit(this IServiceCollection services, IConfiguration configuration, Action<JwtAuthKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JwtAuthKitOptions>().Bind(configuration);
        return services.AddJwtAuthKit(configure);
    }

    /// <summary>Adds JwtAuthKit with options set in code.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for storage and replacements.</returns>
    public static JwtAuthKitBuilder AddJwtAuthKit(this IServiceCollection services, Action<JwtAuthKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        JwtAuthKitCoreServices.Add(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddDataProtection();
        services.TryAddSingleton<ISigningKeyProtector, DataProtectionSigningKeyProtector>();
        services.TryAddSingleton<JwtAuthKit.Email.IEmailContentProtector, DataProtectionEmailContentProtector>();
        services.TryAddSingleton<CredentialRateLimiter>();

        if (!services.Any(d => d.ServiceType == typeof(JwtAuthKitMarker)))
        {
            services.AddSingleton<JwtAuthKitMarker>();
            services.AddAuthentication()
                .AddScheme<JwtAuthKitAuthenticationOptions, JwtAuthKitAuthenticationHandler>(JwtAuthKitDefaults.AuthenticationScheme, null)
                .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(JwtAuthKitDefaults.ApiKeyAuthenticationScheme, null);
            services.PostConfigure<AuthenticationOptions>(o => o.DefaultScheme ??= JwtAuthKitDefaults.AuthenticationScheme);
            services.AddAuthorizationBuilder().AddPolicy(JwtAuthKitPolicies.SignedIn, policy => policy
                .AddAuthenticationSchemes(JwtAuthKitDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser())
                .AddPolicy(JwtAuthKitPolicies.PlatformOperator, policy => policy
                .AddAuthenticationSchemes(JwtAuthKitDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim("aud", JwtAuthKit.Applications.PlatformApplication.ClientId)
                .RequireRole(JwtAuthKit.Roles.BuiltInRoles.Admin));

            // Permission policies are built on demand from their names; the provider falls back to the default one.
            services.Replace(ServiceDescriptor.Singleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, PermissionAuthorizationHandler>());
        }

        return new JwtAuthKitBuilder(services);
    }

    /// <summary>Marks that the one-time registrations were done, so calling twice is safe.</summary>
    private sealed class JwtAuthKitMarker;
}
