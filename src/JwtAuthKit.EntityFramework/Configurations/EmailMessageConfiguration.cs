using JwtAuthKit.Applications;
using JwtAuthKit.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JwtAuthKit.EntityFramework.Configurations;

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> builder)
    {
        builder.ToTable("jak_email_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasMaxLength(36);
        builder.Property(m => m.ApplicationId).HasMaxLength(36).IsRequired();
        builder.Property(m => m.Kind).HasMaxLength(32).IsRequired();
        builder.Property(m => m.To).HasMaxLength(254).IsRequired();
        builder.Property(m => m.ProtectedSubject).HasMaxLength(2000).IsRequired();
        builder.Property(m => m.FromAddress).HasMaxLength(254);
        builder.Property(m => m.FromName).HasMaxLength(100);
        builder.Property(m => m.LockId).HasMaxLength(36);
        builder.Property(m => m.LastError).HasMaxLength(500);

        // The delivery loop reads due messages; the mail-bombing guard reads recent ones per address.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.ApplicationId, m.To, m.Kind, m.CreatedAt });
        builder.HasIndex(m => m.LockId);

        // The hourly clean-up deletes messages delivered before the retention.
        builder.HasIndex(m => new { m.Status, m.SentAt });

        // Administrators page through an application's outbox by id (time-ordered), all or one state.
        builder.HasIndex(m => new { m.ApplicationId, m.Id });
        builder.HasIndex(m => new { m.ApplicationId, m.Status, m.Id });
        builder.HasOne<Application>().WithMany().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
