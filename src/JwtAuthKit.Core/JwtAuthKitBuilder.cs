using JwtAuthKit.Passwords;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JwtAuthKit;

/// <summary>
/// Returned by <c>AddJwtAuthKit()</c>: storage (<c>UseSqlite</c>, <c>AddEntityFrameworkStores</c>), HTTP
/// (<c>AddAspNetCore</c>), mail (<c>AddSmtpEmailSender</c>) and replacements of the defaults hang off it.
/// </summary>
public sealed class JwtAuthKitBuilder
{
    /// <summary>Creates a builder over a service collection.</summary>
    /// <param name="services">The application's services.</param>
    public JwtAuthKitBuilder(IServiceCollection services) => Services = services ?? throw new ArgumentNullException(nameof(services));

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Replaces the email sender (the default keeps mail in the dev mailbox).</summary>
    /// <typeparam name="TSender">The sender, registered as a singleton.</typeparam>
    /// <returns>This builder.</returns>
    public JwtAuthKitBuilder AddEmailSender<TSender>()
        where TSender : class, Email.IEmailSender
    {
        Services.Replace(ServiceDescriptor.Singleton<Email.IEmailSender, TSender>());
        return this;
    }

    /// <summary>Replaces the Argon2id password hasher.</summary>
    /// <typeparam name="THasher">The hasher, registered as a singleton.</typeparam>
    /// <returns>This builder.</returns>
    public JwtAuthKitBuilder AddPasswordHasher<THasher>()
        where THasher : class, IPasswordHasher
    {
        Services.Replace(ServiceDescriptor.Singleton<IPasswordHasher, THasher>());
        return this;
    }
}
