using JwtAuthKit.Applications;
using JwtAuthKit.Audit;
using JwtAuthKit.Email;
using JwtAuthKit.EntityFramework.DataProtection;
using JwtAuthKit.EntityFramework.Providers;
using JwtAuthKit.EntityFramework.Stores;
using JwtAuthKit.Hosting;
using JwtAuthKit.OneTimeTokens;
using JwtAuthKit.Roles;
using JwtAuthKit.Sessions;
using JwtAuthKit.Throttling;
using JwtAuthKit.Tokens;
using JwtAuthKit.Users;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.EntityFramework;

/// <summary>Storage on EF Core for <see cref="JwtAuthKitBuilder"/>.</summary>
public static partial class JwtAuthKitEntityFrameworkBuilderExtensions
{
    /// <summary>
    /// Registers a context JwtAuthKit owns and pools (<c>UseSqlite</c>, <c>UsePostgreSql</c>), its stores and its migrator,
    /// which runs at start when <paramref name="migrateOnStartup"/> is <see langword="true"/>.
    /// </summary>
    internal static JwtAuthKitBuilder UseOwnedContext<TContext, TMigrator>(JwtAuthKitBuilder builder, Action<DbContextOptionsBuilder> configure, bool migrateOnStartup)
        where TContext : DbContext
        where TMigrator : class, IJwtAuthKitMigrator
    {
        builder.Services.AddDbContextFactory<TContext>(configure, ServiceLifetime.Singleton);
        builder.Services.TryAddSingleton<PooledJwtAuthKitContext<TContext>>();
        builder.AddEntityFrameworkStores<TContext>();
        builder.Services.TryAddSingleton<IJwtAuthKitMigrator, TMigrator>();
        if (migrateOnStartup)
        {
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IJwtAuthKitStoreInitializer, MigrateOnStartup>());
        }

        return builder;
    }

    /// <summary>
    /// Stores everything in a context of the application's own, whose <c>OnModelCreating</c> calls
    /// <c>modelBuilder.UseJwtAuthKit()</c> and whose migrations create JwtAuthKit's tables. Register the context as usual
    /// (<c>AddDbContext</c> or <c>AddDbContextFactory</c>); the Data Protection key ring goes to its
    /// <c>jak_data_protection_keys</c> table unless the application keeps it elsewhere.
    /// </summary>
    /// <typeparam name="TContext">The application's context.</typeparam>
    /// <param name="builder">The JwtAuthKit builder.</param>
    /// <returns>The builder.</returns>
    public static JwtAuthKitBuilder AddEntityFrameworkStores<TContext>(this JwtAuthKitBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<JwtAuthKitContextSource<TContext>>();
        services.TryAddSingleton<Sqlite.SqlitePreparedReads<TContext>>();
        services.TryAddSingleton<JwtAuthKitSchemaGate>();
        services.Replace(ServiceDescriptor.Singleton<IDatabaseProbe, DatabaseProbe<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<IApplicationStore, EntityFrameworkApplicationStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<IUserStore, EntityFrameworkUserStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<ISessionStore, EntityFrameworkSessionStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<ISigningKeyStore, EntityFrameworkSigningKeyStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<IEmailOutboxStore, EntityFrameworkEmailOutboxStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<IOneTimeTokenStore, EntityFrameworkOneTimeTokenStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<IRoleStore, EntityFrameworkRoleStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<IAuditStore, EntityFrameworkAuditStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<ISignInWriter, EntityFrameworkSignInWriter<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<Mfa.ISecondFactorStore, EntityFrameworkSecondFactorStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<Mfa.IMfaChallengeStore, EntityFrameworkMfaChallengeStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<IAttemptCounterStore, EntityFrameworkAttemptCounterStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<Platform.IApplicationMemberStore, EntityFrameworkApplicationMemberStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<Platform.IActivityStore, EntityFrameworkActivityStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<Maintenance.IRetentionStore, EntityFrameworkRetentionStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<Maintenance.IJobLeaseStore, EntityFrameworkJobLeaseStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<IJwtAuthKitXmlRepository, EntityFrameworkXmlRepository<TContext>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<KeyManagementOptions>, KeyRingInDatabaseSetup>());
        return builder;
    }
}
