using JwtAuthKit.Applications;
using JwtAuthKit.Email;
using JwtAuthKit.Hosting;
using JwtAuthKit.OneTimeTokens;
using JwtAuthKit.Passwords;
using JwtAuthKit.Sessions;
using JwtAuthKit.Tokens;
using JwtAuthKit.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace JwtAuthKit;

/// <summary>Registers the core services. Safe to call twice: defaults are added with TryAdd.</summary>
internal static class JwtAuthKitCoreServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<JwtAuthKitOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JwtAuthKitOptions>, JwtAuthKitOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<IPasswordHasher, Argon2idPasswordHasher>();
        services.TryAddSingleton<CommonPasswordList>();
        services.TryAddSingleton<PasswordPolicy>();
        services.TryAddSingleton<DummyPasswordHash>();
        services.TryAddSingleton<PasswordSignInService>();
        services.TryAddSingleton<PasswordChangeService>();

        services.TryAddSingleton<ApplicationResolver>();
        services.TryAddSingleton<ApplicationBootstrapper>();
        services.TryAddSingleton<UserRegistrationService>();
        services.TryAddSingleton<UserProfileService>();

        services.TryAddSingleton<SigningKeyManager>();
        services.TryAddSingleton<AccessTokenIssuer>();
        services.TryAddSingleton<AccessTokenValidator>();

        services.TryAddSingleton<RevokedSessionCache>();
        services.TryAddSingleton<RevokedSessionPoller>();
        services.TryAddSingleton<SessionRevoker>();
        services.TryAddSingleton<SessionIssuer>();
        services.TryAddSingleton<RefreshTokenRotator>();
        services.TryAddSingleton<UserSessionService>();

        services.TryAddSingleton<IEmailSender, DevMailboxEmailSender>();
        services.TryAddSingleton<EmailOutboxSignal>();
        services.TryAddSingleton<EmailComposer>();
        services.TryAddSingleton<EmailDeliveryService>();
        services.TryAddSingleton<EmailLinks>();
        services.TryAddSingleton<OneTimeTokenSender>();
        services.TryAddSingleton<OneTimeTokenRedeemer>();
        services.TryAddSingleton<EmailVerificationService>();
        services.TryAddSingleton<PasswordResetService>();
        services.TryAddSingleton<PasswordlessSignIn>();
        services.TryAddSingleton<MagicLinkService>();
        services.TryAddSingleton<EmailOtpService>();
        services.TryAddSingleton<Audit.AuditLog>();
        services.TryAddSingleton<Audit.AuditRetentionService>();
        services.TryAddSingleton<Roles.PermissionResolver>();
        services.TryAddSingleton<Administration.UserAdministrationService>();
        services.TryAddSingleton<Administration.RoleAdministrationService>();
        services.TryAddSingleton<Administration.SettingsAdministrationService>();
        services.TryAddSingleton<Platform.ApplicationAdministrationService>();
        services.TryAddSingleton<Platform.OperatorAccounts>();
        services.TryAddSingleton(sp => new Platform.PlatformCommands(sp.GetRequiredService<Platform.ApplicationAdministrationService>(), sp.GetRequiredService<Platform.OperatorAccounts>()));

        // The initializer must start before the poller, so the first poll finds migrated tables.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, JwtAuthKitInitializer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RevokedSessionPoller>(sp => sp.GetRequiredService<RevokedSessionPoller>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EmailDeliveryService>(sp => sp.GetRequiredService<EmailDeliveryService>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, Audit.AuditRetentionService>(sp => sp.GetRequiredService<Audit.AuditRetentionService>()));
    }
}
