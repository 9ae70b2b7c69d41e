using JwtAuthKit.Applications;
using JwtAuthKit.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JwtAuthKit.EntityFramework.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("jak_audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(36);
        builder.Property(e => e.ApplicationId).HasMaxLength(36).IsRequired();
        builder.Property(e => e.Type).HasMaxLength(64).IsRequired();
        builder.Property(e => e.UserId).HasMaxLength(36);
        builder.Property(e => e.Actor).HasMaxLength(100);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(512);
        builder.Property(e => e.Data).HasConversion(JsonColumn.Converter<IDictionary<string, string>>(), JsonColumn.Comparer<IDictionary<string, string>>()).HasMaxLength(8000).IsRequired();

        // Queries filter by application and type or user, newest first; retention deletes by time.
        builder.HasIndex(e => new { e.ApplicationId, e.CreatedAt });
        // With UserId last it also covers the activity report's distinct-user counts (no table reads).
        builder.HasIndex(e => new { e.ApplicationId, e.Type, e.CreatedAt, e.UserId });
        builder.HasIndex(e => new { e.ApplicationId, e.UserId, e.CreatedAt });
        builder.HasIndex(e => e.CreatedAt);
        builder.HasOne<Application>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
