using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit;

/// <summary>
/// The entry point: <c>services.AddJwtAuthKit(...)</c> registers JwtAuthKit's public services (sign-up, sign-in, sessions,
/// email flows, administration) for any host, web or not; storage (<c>UseSqlite</c>), HTTP (<c>AddAspNetCore</c>) and
/// mail (<c>AddSmtpEmailSender</c>) hang off the builder it returns.
/// </summary>
public static class JwtAuthKitServiceCollectionExtensions
{
    /// <summary>Adds JwtAuthKit with options bound from a configuration section (normally <c>JwtAuthKit</c>), validated at start.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The <c>JwtAuthKit</c> configuration section.</param>
    /// <param name="configure">Further changes to the options, applied after the configuration.</param>
    /// <returns>The builder, for storage, HTTP, mail and replacements.</returns>
    public static JwtAuthKitBuilder AddJwtAuthKit(this IServiceCollection services, IConfiguration configuration, Action<JwtAuthKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JwtAuthKitOptions>().Bind(configuration);
        return services.AddJwtAuthKit(configure);
    }

    /// <summary>Adds JwtAuthKit with options set elsewhere (<c>services.Configure&lt;JwtAuthKitOptions&gt;</c>), validated at start.</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The builder, for storage, HTTP, mail and replacements.</returns>
    public static JwtAuthKitBuilder AddJwtAuthKit(this IServiceCollection services) => services.AddJwtAuthKit(configure: null);

    /// <summary>Adds JwtAuthKit with options set in code, validated at start.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for storage, HTTP, mail and replacements.</returns>
    public static JwtAuthKitBuilder AddJwtAuthKit(this IServiceCollection services, Action<JwtAuthKitOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        JwtAuthKitCoreServices.Add(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new JwtAuthKitBuilder(services);
    }
}
