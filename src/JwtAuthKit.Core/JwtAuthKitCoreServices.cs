using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.Audit;
using JwtAuthKit.Email;
using JwtAuthKit.Hosting;
using JwtAuthKit.OneTimeTokens;
using JwtAuthKit.Passwords;
using JwtAuthKit.Platform;
using JwtAuthKit.Roles;
using JwtAuthKit.Sessions;
using JwtAuthKit.Throttling;
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

        // Signing keys and mail bodies are encrypted with Data Protection. Where its key ring is kept is the storage
        // package's choice (the JwtAuthKit database) unless the application configures one itself.
        services.AddDataProtection();
        services.TryAddSingleton<ISigningKeyProtector, DataProtectionSigningKeyProtector>();
        services.TryAddSingleton<IEmailContentProtector, DataProtectionEmailContentProtector>();

        // Building blocks, internal.
        // Our Argon2id for new hashes; imported hashes of other systems verified by their format, then upgraded.
        services.TryAddSingleton<Argon2idPasswordHasher>();
        services.TryAddSingleton<Passwords.Foreign.ForeignPasswordHashes>();
        services.TryAddSingleton<MigratingPasswordHasher>();
        services.TryAddSingleton<IPasswordHasher>(sp => sp.GetRequiredService<MigratingPasswordHasher>());
        services.TryAddSingleton<CommonPasswordList>();
        services.TryAddSingleton<PasswordPolicy>();
        services.TryAddSingleton<DummyPasswordHash>();
        services.TryAddSingleton<ApplicationResolver>();
        services.TryAddSingleton<ApplicationBootstrapper>();
        services.TryAddSingleton<PermissionResolver>();
        services.TryAddSingleton<SigningKeyManager>();
        services.TryAddSingleton<AccessTokenIssuer>();
        services.TryAddSingleton<RevokedSessionCache>();
        services.TryAddSingleton<StaleTokenCache>();
        services.TryAddSingleton<ValidatedTokenCache>();
        services.TryAddSingleton<RevokedSessionPoller>();
        services.TryAddSingleton<Caching.IChangeFeed, Caching.PollingChangeFeed>();
        services.TryAddSingleton<Caching.NodeCaches>();
        services.TryAddSingleton<SessionRevoker>();
        services.TryAddSingleton<SessionIssuer>();
        services.TryAddSingleton<ISignInWriter, StoreSignInWriter>();
        services.TryAddSingleton<SignInCompletion>();
        services.TryAddSingleton<Users.AddressOwnership>();
        services.TryAddSingleton<Mfa.TotpAuthenticator>();
        services.TryAddSingleton<Mfa.TotpSecretProtector>();
        services.TryAddSingleton<Mfa.SecondFactorCheck>();
        services.TryAddSingleton<IEmailSender, DevMailboxEmailSender>();
        services.TryAddSingleton<EmailOutboxSignal>();
        services.TryAddSingleton<EmailComposer>();
        services.TryAddSingleton<EmailDeliveryService>();
        services.TryAddSingleton<EmailLinks>();
        services.TryAddSingleton<OneTimeTokenSender>();
        services.TryAddSingleton<ICallerAnswer, ImmediateCallerAnswer>();
        services.TryAddSingleton<AddressRequestQueue>();
        services.TryAddSingleton<OneTimeTokenRedeemer>();
        services.TryAddSingleton<PasswordlessSignIn>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<Maintenance.CleanupService>();
        services.TryAddSingleton<SigningKeyRotationService>();
        services.TryAddSingleton<EmailVerificationService>();
        services.TryAddSingleton<PasswordResetService>();
        services.TryAddSingleton<AccountThrottle>();
        services.TryAddSingleton<Telemetry.JwtAuthKitMetrics>();
        services.TryAddSingleton<OperatorAccounts>();
        services.TryAddSingleton<PlatformAccessService>();
        services.TryAddSingleton<InvitationMailer>();
        services.TryAddSingleton<InvitationRedeemer>();
        services.TryAddSingleton<DashboardApplicationCreator>();
        services.TryAddSingleton<FirstOperatorBootstrapper>();
        services.TryAddSingleton<LastOwnerGuard>();

        // The public application layer: what every front end (HTTP API, dashboard, commands, workers) calls.
        services.TryAddSingleton<IApplicationResolver>(sp => sp.GetRequiredService<ApplicationResolver>());
        services.TryAddSingleton<IPermissionResolver>(sp => sp.GetRequiredService<PermissionResolver>());
        services.TryAddSingleton<IAccessTokenValidator, AccessTokenValidator>();
        services.TryAddSingleton<IUserRegistrationService, UserRegistrationService>();
        services.TryAddSingleton<IPasswordSignInService, PasswordSignInService>();
        services.TryAddSingleton<IPasswordChangeService, PasswordChangeService>();
        services.TryAddSingleton<IRefreshTokenService, RefreshTokenRotator>();
        services.TryAddSingleton<IUserSessionService, UserSessionService>();
        services.TryAddSingleton<IUserProfileService, UserProfileService>();
        services.TryAddSingleton<IEmailVerificationService>(sp => sp.GetRequiredService<EmailVerificationService>());
        services.TryAddSingleton<IPasswordResetService>(sp => sp.GetRequiredService<PasswordResetService>());
        services.TryAddSingleton<IMagicLinkService, MagicLinkService>();
        services.TryAddSingleton<IEmailOtpService, EmailOtpService>();
        services.TryAddSingleton<Mfa.IMfaEnrollmentService, Mfa.MfaEnrollmentService>();
        services.TryAddSingleton<Mfa.IMfaSignInService, Mfa.MfaSignInService>();
        services.TryAddSingleton<IUserAdministrationService, UserAdministrationService>();
        services.TryAddSingleton<IEmailTemplatePreviewService, EmailTemplatePreviewService>();
        services.TryAddSingleton<IUserImportService, UserImportService>();
        services.TryAddSingleton<IRoleAdministrationService, RoleAdministrationService>();
        services.TryAddSingleton<ISettingsAdministrationService, SettingsAdministrationService>();
        services.TryAddSingleton<IAuditLogService, AuditLogService>();
        services.TryAddSingleton<IApplicationAdministrationService, ApplicationAdministrationService>();
        services.TryAddSingleton<IOperatorAccountService>(sp => sp.GetRequiredService<OperatorAccounts>());
        services.TryAddSingleton<IPlatformAccessService>(sp => sp.GetRequiredService<PlatformAccessService>());
        services.TryAddSingleton<IApplicationMemberService, ApplicationMemberService>();
        services.TryAddSingleton<IDashboardAccountService, DashboardAccountService>();
        services.TryAddSingleton<IActivityReportService, ActivityReportService>();
        services.TryAddSingleton<IEmailOutboxAdministrationService, EmailOutboxAdministrationService>();

        // The initializer must start before the poller, so the first poll finds migrated tables.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, JwtAuthKitInitializer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RevokedSessionPoller>(sp => sp.GetRequiredService<RevokedSessionPoller>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EmailDeliveryService>(sp => sp.GetRequiredService<EmailDeliveryService>()));
        // After the delivery service, so it stops first: queued email requests are written to the outbox before delivery stops.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AddressRequestQueue>(sp => sp.GetRequiredService<AddressRequestQueue>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, Maintenance.CleanupService>(sp => sp.GetRequiredService<Maintenance.CleanupService>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SigningKeyRotationService>(sp => sp.GetRequiredService<SigningKeyRotationService>()));
    }
}
