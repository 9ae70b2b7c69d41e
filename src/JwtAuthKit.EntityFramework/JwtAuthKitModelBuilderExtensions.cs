using JwtAuthKit.Applications;
using JwtAuthKit.Audit;
using JwtAuthKit.Email;
using JwtAuthKit.EntityFramework.Configurations;
using JwtAuthKit.OneTimeTokens;
using JwtAuthKit.Roles;
using JwtAuthKit.Sessions;
using JwtAuthKit.Throttling;
using JwtAuthKit.Tokens;
using JwtAuthKit.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework;

/// <summary>Plugs JwtAuthKit's entities into any DbContext's model.</summary>
public static class JwtAuthKitModelBuilderExtensions
{
    private static readonly Type[] Entities =
        [typeof(Application), typeof(ApiKey), typeof(User), typeof(Session), typeof(RefreshToken), typeof(SigningKey),
         typeof(EmailMessage), typeof(OneTimeToken), typeof(Role), typeof(AuditEvent),
         typeof(Mfa.TotpEnrollment), typeof(Mfa.RecoveryCode), typeof(Mfa.MfaChallenge), typeof(AttemptCounter),
         typeof(Platform.ApplicationMembership), typeof(Platform.ApplicationInvitation), typeof(Stores.JobLease)];

    /// <summary>
    /// Adds JwtAuthKit's tables (all named <c>jak_…</c>), keys and indexes to the model, including the table that keeps the
    /// Data Protection key ring. Call it from your context's <c>OnModelCreating</c>; nothing else is needed, on SQLite or
    /// any other provider.
    /// </summary>
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
        modelBuilder.ApplyConfiguration(new TotpEnrollmentConfiguration());
        modelBuilder.ApplyConfiguration(new RecoveryCodeConfiguration());
        modelBuilder.ApplyConfiguration(new MfaChallengeConfiguration());
        modelBuilder.ApplyConfiguration(new AttemptCounterConfiguration());
        modelBuilder.ApplyConfiguration(new ApplicationMembershipConfiguration());
        modelBuilder.ApplyConfiguration(new ApplicationInvitationConfiguration());
        modelBuilder.ApplyConfiguration(new JobLeaseConfiguration());

        // A context that already stores Data Protection keys (IDataProtectionKeyContext) keeps its table; JwtAuthKit shares it.
        if (modelBuilder.Model.FindEntityType(typeof(DataProtectionKey)) is null)
        {
            modelBuilder.ApplyConfiguration(new DataProtectionKeyConfiguration());
        }

        // Times are stored as UTC date-times: every provider compares and sorts those in SQL (SQLite cannot do so with
        // DateTimeOffset), and PostgreSQL keeps them as timestamptz.
        foreach (var property in modelBuilder.Model.GetEntityTypes()
            .Where(type => Entities.Contains(type.ClrType))
            .SelectMany(type => type.GetProperties())
            .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
        {
            property.SetValueConverter(UtcDateTimeConverter.Instance);
        }

        return modelBuilder;
    }
}
