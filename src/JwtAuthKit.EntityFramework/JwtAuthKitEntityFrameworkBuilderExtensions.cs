using JwtAuthKit.Applications;
using JwtAuthKit.Email;
using JwtAuthKit.OneTimeTokens;
using JwtAuthKit.EntityFramework.Sqlite;
using JwtAuthKit.EntityFramework.Stores;
using JwtAuthKit.Hosting;
using JwtAuthKit.Sessions;
using JwtAuthKit.Tokens;
using JwtAuthKit.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JwtAuthKit;

/// <summary>Storage on EF Core for <see cref="JwtAuthKitBuilder"/>.</summary>
public static class JwtAuthKitEntityFrameworkBuilderExtensions
{
    /// <summary>
    /// Stores everything in a SQLite database with the migrations shipped in this package, applied at start
    /// unless <paramref name="migrateOnStartup"/> is <see langword="false"/>.
    /// </summary>
    /// <param name="builder">The JwtAuthKit builder.</param>
    /// <param name="connectionString">For example <c>Data Source=jwtauthkit.db</c>.</param>
    /// <param name="migrateOnStartup">Whether to apply migrations when the host starts.</param>
    /// <returns>The builder.</returns>
    public static JwtAuthKitBuilder UseSqlite(this JwtAuthKitBuilder builder, string connectionString, bool migrateOnStartup = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.Services.AddPooledDbContextFactory<SqliteJwtAuthKitDbContext>(o => o.UseSqlite(connectionString));
        builder.AddEntityFrameworkStores<SqliteJwtAuthKitDbContext>();
        builder.Services.TryAddSingleton<SqliteStoreInitializer>();
        if (migrateOnStartup)
        {
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IJwtAuthKitStoreInitializer, SqliteStoreInitializer>());
        }

        return builder;
    }

    /// <summary>
    /// Uses EF Core stores over a context of the host's own, which calls <c>modelBuilder.UseJwtAuthKit()</c>
    /// and owns its migrations. Register an <see cref="IDbContextFactory{TContext}"/> for it
    /// (<c>AddDbContextFactory</c> or <c>AddPooledDbContextFactory</c>).
    /// </summary>
    /// <typeparam name="TContext">The context.</typeparam>
    /// <param name="builder">The JwtAuthKit builder.</param>
    /// <returns>The builder.</returns>
    public static JwtAuthKitBuilder AddEntityFrameworkStores<TContext>(this JwtAuthKitBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IApplicationStore, EntityFrameworkApplicationStore<TContext>>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IUserStore, EntityFrameworkUserStore<TContext>>());
        builder.Services.Replace(ServiceDescriptor.Singleton<ISessionStore, EntityFrameworkSessionStore<TContext>>());
        builder.Services.Replace(ServiceDescriptor.Singleton<ISigningKeyStore, EntityFrameworkSigningKeyStore<TContext>>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IEmailOutboxStore, EntityFrameworkEmailOutboxStore<TContext>>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IOneTimeTokenStore, EntityFrameworkOneTimeTokenStore<TContext>>());
        builder.Services.Replace(ServiceDescriptor.Singleton<JwtAuthKit.Roles.IRoleStore, EntityFrameworkRoleStore<TContext>>());
        builder.Services.Replace(ServiceDescriptor.Singleton<JwtAuthKit.Audit.IAuditStore, EntityFrameworkAuditStore<TContext>>());
        return builder;
    }
}
