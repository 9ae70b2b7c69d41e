using JwtAuthKit.Applications;
using JwtAuthKit.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JwtAuthKit.EntityFramework.Configurations;

internal sealed class ApplicationInvitationConfiguration : IEntityTypeConfiguration<ApplicationInvitation>
{
    public void Configure(EntityTypeBuilder<ApplicationInvitation> builder)
    {
        builder.ToTable("jak_application_invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(36);
        builder.Property(i => i.ApplicationId).HasMaxLength(36).IsRequired();
        builder.Property(i => i.Email).HasMaxLength(254).IsRequired();
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(i => i.InvitedBy).HasMaxLength(36).IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.ApplicationId, i.Email });
        builder.HasIndex(i => i.ExpiresAt);
        builder.HasOne<Application>().WithMany().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
