using JwtAuthKit.EntityFramework.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace JwtAuthKit.EntityFramework;

/// <summary>Plugs JwtAuthKit's entities into any DbContext's model.</summary>
public static class JwtAuthKitModelBuilderExtensions
{
    /// <summary>Adds JwtAuthKit's tables, keys and indexes to the model.</summary>
    /// <param name="modelBuilder">The model builder of <c>OnModelCreating</c>.</param>
    /// <returns>The model builder.</returns>
    public static ModelBuilder UseJwtAuthKit(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new ApplicationConfiguration());
        modelBuilder.ApplyConfiguration(new ApiKeyConfiguration());
        modelBuilder.ApplyConfiguration(new UserConfiguration());
        modelBuilder.ApplyConfiguration(new SessionConfiguration());
        modelBuilder.ApplyConfiguration(new RefreshTokenConfiguration());
        modelBuilder.ApplyConfiguration(new SigningKeyConfiguration());
        modelBuilder.ApplyConfiguration(new EmailMessageConfiguration());
        modelBuilder.ApplyConfiguration(new OneTimeTokenConfiguration());
        modelBuilder.ApplyConfiguration(new RoleConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEventConfiguration());
        return modelBuilder;
    }

    /// <summary>
    /// SQLite has no date-time type that sorts and compares; store <see cref="DateTimeOffset"/> as a 64-bit number
    /// (every JwtAuthKit time is UTC, so the numbers order like the times). Call from <c>ConfigureConventions</c>.
    /// </summary>
    /// <param name="configurationBuilder">The conventions builder.</param>
    /// <returns>The conventions builder.</returns>
    public static ModelConfigurationBuilder UseJwtAuthKitSqliteConventions(this ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        return configurationBuilder;
    }
}
