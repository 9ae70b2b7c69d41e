using JwtAuthKit.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Smtp;

/// <summary>SMTP delivery for <see cref="JwtAuthKitBuilder"/>.</summary>
public static class JwtAuthKitSmtpBuilderExtensions
{
    /// <summary>Sends JwtAuthKit's mail over SMTP with options bound from a configuration section (<c>JwtAuthKit:Smtp</c>).</summary>
    /// <param name="builder">The JwtAuthKit builder.</param>
    /// <param name="configuration">The <c>JwtAuthKit:Smtp</c> section.</param>
    /// <param name="configure">Further changes, applied after the configuration.</param>
    /// <returns>The builder.</returns>
    public static JwtAuthKitBuilder AddSmtpEmailSender(this JwtAuthKitBuilder builder, IConfiguration configuration, Action<SmtpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<SmtpOptions>().Bind(configuration);
        return builder.AddSmtpEmailSender(configure ?? (_ => { }));
    }

    /// <summary>Sends JwtAuthKit's mail over SMTP with options set in code.</summary>
    /// <param name="builder">The JwtAuthKit builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static JwtAuthKitBuilder AddSmtpEmailSender(this JwtAuthKitBuilder builder, Action<SmtpOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SmtpOptions>().Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Replace(ServiceDescriptor.Singleton<IEmailSender, SmtpEmailSender>());
        return builder;
    }
}
